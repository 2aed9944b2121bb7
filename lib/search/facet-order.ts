/** The order of a facet's values, the same from both backends and in the sidebar. No server imports: the browser uses it. */
import { PROPERTIES } from "../units/properties";
import type { FacetCount } from "./types";

/** Where each property stands in the catalogue: its groups (capacity, kinetics, …) in their order. */
const CATALOGUE_ORDER = new Map(PROPERTIES.map((p, i) => [p.key, i]));

/**
 * Measured properties as the catalogue lists them, so related ones stand together and each stays in
 * its place from one search to the next; years newest first; the other facets most frequent first.
 */
export function orderFacetCounts(facet: string, counts: FacetCount[]): FacetCount[] {
  if (facet === "property")
    return counts.sort((a, b) => (CATALOGUE_ORDER.get(a.value) ?? Infinity) - (CATALOGUE_ORDER.get(b.value) ?? Infinity) || a.value.localeCompare(b.value));
  if (facet === "year") return counts.sort((a, b) => Number(b.value) - Number(a.value));
  return counts.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
