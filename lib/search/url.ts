/**
 * The short form of a search URL, `q=…&battery_system=…&role=…&elements=Fe,S&elements_mode=only&page=2`,
 * for hand-written links, read as the contract object (unvalidated: the caller validates or lets
 * the API do it). No imports beyond types, so the search page reads it in the browser too.
 */
import type { SearchQuery } from "./query";

export function shortFormQuery(params: URLSearchParams): SearchQuery {
  const list = (k: string) =>
    params
      .getAll(k)
      .flatMap((v) => v.split(","))
      .map((v) => v.trim())
      .filter(Boolean);
  const query: SearchQuery = {};
  const facets: NonNullable<SearchQuery["facets"]> = {};
  for (const k of ["battery_system", "role", "material_class", "journal", "property"] as const) if (list(k).length) facets[k] = list(k);
  if (list("year").length) facets.year = list("year").map(Number);
  if (list("elements").length) facets.elements = { [params.get("elements_mode") === "only" ? "only" : "all"]: list("elements") };
  if (Object.keys(facets).length) query.facets = facets;
  if (params.get("q")) query.q = params.get("q")!;
  if (params.get("page")) query.page = Number(params.get("page"));
  if (params.get("perPage")) query.perPage = Number(params.get("perPage"));
  return query;
}
