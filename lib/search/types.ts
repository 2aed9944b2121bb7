/** What every search backend answers. */
import type { FacetName, ParsedSearchQuery } from "./query";

export interface MatchedMeasurement {
  /** Index of the metric clause this measurement met; -1 when shown for the sort property. */
  clause: number;
  id: number;
  property: string;
  value: number;
  unit: string;
  display: string;
  canonicalValue: number;
  canonicalUnit: string;
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
  backend: "embedded" | "meilisearch";
}

export interface SearchBackend {
  readonly name: SearchResult["backend"];
  search(query: ParsedSearchQuery): Promise<SearchResult>;
}
