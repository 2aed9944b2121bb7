/**
 * What the search form offers, from the catalogues and the knowledge base: each property with the
 * units a bound may be typed in and how many materials have it, the conditions a clause may bound,
 * and the elements with how many materials contain them. Types only for the browser; built on the
 * server.
 */
import { PROPERTIES } from "../units";
import { unitChoices } from "../units/choices";
import { unitText } from "../units/display";
import { columnUnitText } from "../units/conditions";
import { search } from "./index";
import { searchableConditions } from "./query";
import type { SearchBackend } from "./types";

export interface UnitOption {
  /** Unit as the search API reads it (mathjs syntax); "" is a plain number. */
  value: string;
  label: string;
}

export interface PropertyOption {
  key: string;
  label: string;
  display: string;
  group: string;
  better?: "higher" | "lower";
  units: UnitOption[];
  /** Materials in the knowledge base with at least one measurement of this property. */
  materials: number;
}

export interface ConditionOption {
  key: string;
  label: string;
  units: UnitOption[];
}

export interface SearchCatalogue {
  properties: PropertyOption[];
  conditions: ConditionOption[];
  /** Element symbol → number of materials containing it, over the whole knowledge base. */
  elements: Record<string, number>;
}

/** Units a bound may be typed in: the canonical unit's kind, without "fraction" (bounds are read as units). */
const boundUnits = (canonical: string, display: string): UnitOption[] =>
  unitChoices(canonical, display)
    .filter((c) => c.value !== "")
    .map(({ value, label }) => ({ value, label }));

export async function searchCatalogue(backend?: SearchBackend): Promise<SearchCatalogue> {
  // One search over everything gives the facet counts of the whole knowledge base.
  const everything = await search({ perPage: 1 }, backend);
  const materialsWith = new Map<string, number>();
  for (const f of everything.facets.property) materialsWith.set(f.value, Math.max(materialsWith.get(f.value) ?? 0, f.count));
  return {
    properties: PROPERTIES.map((p) => ({
      key: p.key,
      label: p.label,
      display: p.display,
      group: p.group,
      ...(p.better ? { better: p.better } : {}),
      units: boundUnits(p.unit, p.display),
      materials: materialsWith.get(p.key) ?? 0,
    })),
    conditions: searchableConditions().map((c) => ({
      key: c.search,
      label: c.label,
      units: c.unit ? boundUnits(c.unit, unitText(c.unit)) : [{ value: "", label: columnUnitText(c) }],
    })),
    elements: Object.fromEntries(everything.facets.elements.map((f) => [f.value, f.count])),
  };
}
