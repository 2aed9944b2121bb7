/** What every search backend answers. */
import type { FacetName, ParsedSearchQuery } from "./query";
import type { Scope } from "../records/scope";

export interface MatchedMeasurement {
  /** Index of the metric clause this measurement met; -1 when shown for the sort property. */
  clause: number;
  id: number;
  property: string;
  /** The stated number, or null for a range (min, max). */
  value: number | null;
  min: number | null;
  max: number | null;
  unit: string;
  /** Value or range with its unit, as it reads: "≈ 2–5 μm". */
  display: string;
  /** Both ends in the property's canonical unit (equal for a single value). */
  canonicalMin: number;
  canonicalMax: number;
  canonicalUnit: string;
  scope: Scope;
  source: "stated" | "derived";
  conditions: string;
  quote: string;
  location: string | null;
}

export interface MaterialHit {
  id: number;
  ref: string;
  key: string;
  name: string;
  formula: string | null;
  role: string;
  batterySystem: string;
  materialClass: string;
  isControl: boolean;
  elements: string[];
  paper: { doi: string; title: string; journal: string; year: number };
  matched: MatchedMeasurement[];
  sortValue: number | null;
}

export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  total: number;
  page: number;
  perPage: number;
  materials: MaterialHit[];
  facets: Record<FacetName, FacetCount[]>;
  /**
   * Per metric clause bounding a current density: the published measurements that meet the rest of
   * the clause but give only a C-rate, in a paper that defines no 1C, so no current-density bound can
   * hold or fail for them.
   */
  rateOnly: RateOnlyCount[];
  backend: "embedded" | "meilisearch";
}

export interface RateOnlyCount {
  clause: number;
  measurements: number;
  materials: number;
}

export interface SearchBackend {
  readonly name: SearchResult["backend"];
  search(query: ParsedSearchQuery): Promise<SearchResult>;
}
