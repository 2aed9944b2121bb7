"use client";

import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { useSearchParams } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { parseAsString, useQueryStates } from "nuqs";
import type { SearchQuery } from "@/lib/search/query";
import { OWN_SCOPE, SCOPE_TEXT, SCOPES, type Scope } from "@/lib/records/scope";
import { fetchJson, RequestError } from "../fetchJson";
import { ElementPicker } from "./ElementPicker";
import { FacetSidebar } from "./FacetSidebar";
import { MetricBuilder } from "./MetricBuilder";
import { Pagination, ResultList } from "./Results";
import {
  FACET_LABELS,
  emptyState,
  fromQuery,
  isFiltered,
  queryFromParams,
  queryParam,
  toQuery,
  urlFor,
  type Catalogue,
  type ClauseDraft,
  type ListFacet,
  type SearchError,
  type SearchResult,
  type SearchState,
} from "./model";

const TYPING_DEBOUNCE_MS = 300;
const NUMBER_DEBOUNCE_MS = 400;
const EXAMPLES = ["FeS2", "single-atom catalyst", "sodium metal anode", "polysulfide"];

/** The short form of a search URL (searchQueryFromParams), rewritten to `?query=<JSON>` on arrival. */
const SHORT_FORM = ["q", "battery_system", "role", "material_class", "journal", "property", "year", "elements", "elements_mode", "page", "perPage"];
/** The parameters this page writes: the JSON query, and the short form, which it removes. */
const URL_PARAMS = Object.fromEntries(["query", ...SHORT_FORM].map((key) => [key, parseAsString]));
const WITHOUT_SHORT_FORM = Object.fromEntries(SHORT_FORM.map((key) => [key, null]));

/** What GET /api/search is asked for a state: the full query, defaults included. */
const searchKey = (state: SearchState) => JSON.stringify(toQuery(state, true));

function searchError(e: Error): SearchError {
  if (e instanceof RequestError) return e.fromApi ? { message: e.message, field: e.field } : { message: `the search service answered HTTP ${e.status}` };
  return { message: `could not reach the search service (${e.message})` };
}

interface Props {
  initialQuery: SearchQuery;
  initialResult: SearchResult | null;
  initialError: SearchError | null;
  catalogue: Catalogue;
}

interface ChangeOptions {
  /** Name of the field being typed in: one history entry per burst, committed after a pause. */
  typing?: string;
  delay?: number;
}

/**
 * The search page's client side. The state lives in the URL (`?query=<JSON>`, the contract of
 * searchQueryFromParams); each change updates the URL through nuqs (shallow: Next's router sees the
 * new address without asking the server) and asks GET /api/search (through useQuery, keyed by the query), so reload, sharing and
 * the back button give the same page.
 */
export function SearchApp({ initialQuery, initialResult, initialError, catalogue }: Props) {
  const [state, setState] = useState<SearchState>(() => fromQuery(initialQuery, catalogue));
  const [searched, setSearched] = useState(() => searchKey(state));
  const [initialKey] = useState(searched);
  // The server rendered the first query's answer, or refused it: neither is asked again until the user searches.
  const [refused, setRefused] = useState(initialError ? initialKey : null);
  // An error the page found itself (the first render's refusal, an unreadable URL) rather than the search service.
  const [pageError, setPageError] = useState<SearchError | null>(initialError);
  const [hydrated, setHydrated] = useState(false);
  const [elementsOpen, setElementsOpen] = useState(state.elements.length > 0);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const searchParams = useSearchParams();
  const [, setUrlParams] = useQueryStates(URL_PARAMS);
  const writeUrl = useCallback(
    (s: SearchState, history: "push" | "replace") => void setUrlParams({ ...WITHOUT_SHORT_FORM, query: queryParam(s) }, { history }),
    [setUrlParams],
  );
  const ids = useId();

  const stateRef = useRef(state);
  const lastParam = useRef<string | null>(queryParam(state));
  const lastTyping = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const resultsRef = useRef<HTMLElement>(null);

  const propertyLabel = useCallback((key: string) => catalogue.properties.find((p) => p.key === key)?.label ?? key, [catalogue]);
  const labelFor = useCallback((facet: ListFacet, value: string) => (facet === "property" ? propertyLabel(value) : value), [propertyLabel]);

  const search = useQuery({
    queryKey: ["search", searched],
    queryFn: ({ signal }) => fetchJson<SearchResult>(`/api/search?query=${encodeURIComponent(searched)}`, { signal }),
    initialData: searched === initialKey && initialResult ? initialResult : undefined,
    enabled: searched !== refused,
    // The last results stay up (dimmed) while the next ones load.
    placeholderData: keepPreviousData,
  });
  const result = search.data ?? null;
  const error = pageError ?? (search.error ? searchError(search.error) : null);
  const loading = search.isFetching;
  const { refetch } = search;

  const run = useCallback(
    (next: SearchState, again: boolean) => {
      setPageError(null);
      setRefused(null);
      setSearched(searchKey(next));
      if (again) void refetch();
    },
    [refetch],
  );

  /** Put a state into the URL (push, or replace while the same field is being typed in) and search. */
  const commit = useCallback(
    (next: SearchState, typing?: string) => {
      const param = queryParam(next);
      const changed = param !== lastParam.current;
      if (changed) {
        writeUrl(next, typing && typing === lastTyping.current ? "replace" : "push");
        lastParam.current = param;
      }
      lastTyping.current = typing ?? null;
      if (changed || error) run(next, !changed);
    },
    [run, error, writeUrl],
  );

  const change = useCallback(
    (fn: (s: SearchState) => SearchState, options: ChangeOptions = {}) => {
      const next = fn(stateRef.current);
      stateRef.current = next;
      setState(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
      if (options.delay) timer.current = setTimeout(() => commit(next, options.typing), options.delay);
      else commit(next, options.typing);
    },
    [commit],
  );

  /** Adopt a state the URL names (back/forward, a link, or a stale first render). */
  const adopt = useCallback(
    (params: URLSearchParams) => {
      const query = queryFromParams(params);
      const next = query ? fromQuery(query, catalogue) : emptyState();
      if (timer.current) clearTimeout(timer.current);
      stateRef.current = next;
      setState(next);
      if (next.elements.length) setElementsOpen(true);
      lastParam.current = params.get("query");
      lastTyping.current = null;
      // Short-form or non-canonical URLs are rewritten to the one form this page writes.
      const canonical = queryParam(next);
      if (canonical !== params.get("query")) {
        writeUrl(next, "replace");
        lastParam.current = canonical;
      }
      run(next, false);
    },
    [catalogue, run, writeUrl],
  );

  // The URL changed without this component writing it: the first render, back/forward, a link.
  const paramsKey = searchParams.toString();
  useEffect(() => {
    const params = new URLSearchParams(paramsKey);
    const inUrl = params.get("query");
    if (inUrl !== null && inUrl === lastParam.current) return; // our own write
    const query = queryFromParams(params);
    if (query === null) {
      // Unreadable JSON: the server already said so on the first render; keep the address as typed.
      lastParam.current = inUrl;
      setPageError((e) => e ?? { message: "query: not valid JSON", field: "query" });
      return;
    }
    const wanted = queryParam(fromQuery(query, catalogue));
    if (wanted === lastParam.current) {
      // Same search spelled differently (the short form, another key order): write the canonical form.
      if (inUrl !== wanted) writeUrl(stateRef.current, "replace");
      return;
    }
    adopt(params);
  }, [paramsKey, adopt, catalogue, writeUrl]);

  useEffect(() => setHydrated(true), []);

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  // --- handlers -----------------------------------------------------------------------------
  const setText = (q: string) => change((s) => ({ ...s, q, page: 1 }), { typing: "q", delay: TYPING_DEBOUNCE_MS });
  const toggleFacet = (facet: ListFacet, value: string) =>
    change((s) => {
      const current = s.facets[facet];
      const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
      return { ...s, facets: { ...s.facets, [facet]: values }, page: 1 };
    });
  const clearFacet = (facet: ListFacet) => change((s) => ({ ...s, facets: { ...s.facets, [facet]: [] }, page: 1 }));
  const toggleElement = (symbol: string) =>
    change((s) => ({ ...s, elements: s.elements.includes(symbol) ? s.elements.filter((e) => e !== symbol) : [...s.elements, symbol], page: 1 }));
  const setClauses = (clauses: ClauseDraft[], typing?: string) =>
    change((s) => ({ ...s, clauses, page: 1 }), typing ? { typing, delay: NUMBER_DEBOUNCE_MS } : {});
  const setPage = (page: number) => {
    change((s) => ({ ...s, page }));
    resultsRef.current?.scrollIntoView({ block: "start" });
    resultsRef.current?.focus({ preventScroll: true });
  };
  const clearAll = () => change((s) => ({ ...emptyState(), perPage: s.perPage, sort: s.sort }));

  const facetCounts = result?.facets ?? {};
  const elementCounts = useMemo(() => Object.fromEntries((result?.facets.elements ?? []).map((f) => [f.value, f.count])), [result]);
  const sortable = catalogue.properties.filter((p) => p.materials > 0);
  const total = result?.total ?? 0;
  const pages = result ? Math.max(1, Math.ceil(result.total / result.perPage)) : 1;
  const first = result && result.total ? (result.page - 1) * result.perPage + 1 : 0;
  const last = result ? Math.min(result.total, result.page * result.perPage) : 0;
  const filtered = isFiltered(state);
  const activeFilterCount =
    Object.values(state.facets).reduce((n, v) => n + v.length, 0) + state.elements.length + state.clauses.length + (state.q.trim() ? 1 : 0);

  return (
    <div className="space-y-5">
      <form
        role="search"
        method="get"
        action="/"
        aria-label="Materials"
        onSubmit={(e) => {
          e.preventDefault();
          change((s) => s, { typing: "q" });
        }}
        className="flex flex-wrap items-end gap-2"
      >
        <div className="min-w-64 flex-1">
          <label htmlFor={`${ids}-q`} className="mb-1 block text-sm font-medium text-slate-700">
            Search materials, papers and methods
          </label>
          <input
            id={`${ids}-q`}
            type="search"
            name="q"
            value={state.q}
            onChange={(e) => setText(e.target.value)}
            placeholder="e.g. FeS2, single-atom catalyst, sodium metal anode"
            autoComplete="off"
            spellCheck={false}
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base shadow-sm placeholder:text-slate-400 focus:border-brand"
          />
        </div>
        <button type="submit" className="rounded-md bg-brand px-4 py-2 font-medium text-white shadow-sm hover:bg-sky-800">
          Search
        </button>
      </form>

      {/* On a phone the filters wait behind a button, so the results come first. */}
      <button
        type="button"
        aria-expanded={filtersOpen}
        aria-controls={`${ids}-filter-panel ${ids}-query-panel`}
        onClick={() => setFiltersOpen(!filtersOpen)}
        data-testid="filters-toggle"
        className="flex w-full items-center justify-between rounded border border-slate-300 bg-white px-3 py-2 text-left text-sm font-medium text-slate-800 lg:hidden"
      >
        <span>Filters{activeFilterCount ? <span className="ml-1 font-normal text-slate-600">({activeFilterCount} active)</span> : null}</span>
        <span aria-hidden className={`text-slate-500 transition-transform ${filtersOpen ? "rotate-180" : ""}`}>
          ▾
        </span>
      </button>

      <div className="grid gap-6 lg:grid-cols-[15rem_minmax(0,1fr)]">
        <aside id={`${ids}-filter-panel`} aria-labelledby={`${ids}-filters`} className={`min-w-0 ${filtersOpen ? "" : "max-lg:hidden"}`}>
          <div className="flex items-baseline justify-between">
            <h2 id={`${ids}-filters`} className="text-base font-semibold">
              Filters
            </h2>
            {activeFilterCount ? (
              <button type="button" onClick={clearAll} className="rounded px-1 text-sm text-brand hover:underline">
                Clear all
              </button>
            ) : null}
          </div>
          <div className="mt-3">
            <FacetSidebar facets={facetCounts} selected={state.facets} labelFor={labelFor} onToggle={toggleFacet} onClear={clearFacet} />
          </div>
        </aside>

        <div className="min-w-0 space-y-4">
          <div id={`${ids}-query-panel`} className={`space-y-4 ${filtersOpen ? "" : "max-lg:hidden"}`}>
            <section aria-labelledby={`${ids}-elements`} className="rounded border border-slate-200 bg-white">
              <h2 id={`${ids}-elements`} className="text-base font-semibold">
                <button
                  type="button"
                  aria-expanded={elementsOpen}
                  aria-controls={`${ids}-elements-panel`}
                  onClick={() => setElementsOpen(!elementsOpen)}
                  className="flex w-full items-center justify-between gap-3 rounded px-4 py-2.5 text-left hover:bg-slate-50"
                >
                  <span>
                    Elements
                    <span className="ml-2 text-sm font-normal text-slate-600">
                      {state.elements.length
                        ? `${state.elementsMode === "only" ? "only" : "all of"} ${state.elements.join(", ")}`
                        : "pick from the periodic table"}
                    </span>
                  </span>
                  <span aria-hidden className={`text-slate-500 transition-transform ${elementsOpen ? "rotate-180" : ""}`}>
                    ▾
                  </span>
                </button>
              </h2>
              <div id={`${ids}-elements-panel`} hidden={!elementsOpen} className="border-t border-slate-100 px-4 pb-4 pt-3">
                <ElementPicker
                  known={catalogue.elements}
                  counts={elementCounts}
                  selected={state.elements}
                  mode={state.elementsMode}
                  onToggle={toggleElement}
                  onMode={(elementsMode) => change((s) => ({ ...s, elementsMode, page: 1 }))}
                  onClear={() => change((s) => ({ ...s, elements: [], page: 1 }))}
                />
              </div>
            </section>

            <section aria-labelledby={`${ids}-metrics`} className="rounded border border-slate-200 bg-white px-4 py-3">
              <h2 id={`${ids}-metrics`} className="mb-2 text-base font-semibold">
                Metric filters
              </h2>
              <MetricBuilder clauses={state.clauses} properties={catalogue.properties} conditions={catalogue.conditions} onChange={setClauses} />
              <WhoseNumbers scopes={state.scopes} derived={state.derived} onChange={(p) => change((s) => ({ ...s, ...p, page: 1 }))} />
            </section>
            <button
              type="button"
              onClick={() => {
                setFiltersOpen(false);
                resultsRef.current?.scrollIntoView({ block: "start" });
              }}
              className="w-full rounded-md bg-brand px-4 py-2 font-medium text-white shadow-sm hover:bg-sky-800 lg:hidden"
            >
              Show {total} {total === 1 ? "material" : "materials"}
            </button>
          </div>

          <section
            ref={resultsRef}
            tabIndex={-1}
            aria-labelledby={`${ids}-results`}
            aria-busy={loading}
            data-testid="search-results"
            data-hydrated={hydrated ? "" : undefined}
            className="scroll-mt-4 space-y-3 outline-none"
          >
            <div className="flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 pb-2">
              <div>
                <h2 id={`${ids}-results`} className="text-xl font-semibold">
                  {error ? "Results" : `${total} ${total === 1 ? "material" : "materials"}`}
                </h2>
                <p role="status" className="text-sm text-slate-600">
                  {loading ? (
                    <span className="inline-flex items-center gap-2">
                      <span aria-hidden className="inline-block h-3 w-3 animate-spin rounded-full border-2 border-brand border-t-transparent" />
                      Searching…
                    </span>
                  ) : error ? (
                    "The search could not run."
                  ) : total ? (
                    `Showing ${first}–${last} of ${total}${filtered ? " matching" : ""}`
                  ) : (
                    "Nothing matches."
                  )}
                </p>
              </div>
              <div className="flex flex-wrap items-end gap-3 text-sm">
                <label className="flex flex-col gap-0.5 text-xs text-slate-600" htmlFor={`${ids}-sort`}>
                  Sort by
                  <select
                    id={`${ids}-sort`}
                    value={state.sort?.property ?? ""}
                    onChange={(e) => {
                      const def = catalogue.properties.find((p) => p.key === e.target.value);
                      change((s) => ({ ...s, sort: def ? { property: def.key, order: def.better === "lower" ? "asc" : "desc" } : null, page: 1 }));
                    }}
                    className="max-w-56 rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
                  >
                    <option value="">Best match</option>
                    {sortable.map((p) => (
                      <option key={p.key} value={p.key}>
                        {p.label}
                      </option>
                    ))}
                  </select>
                </label>
                <label className="flex flex-col gap-0.5 text-xs text-slate-600" htmlFor={`${ids}-order`}>
                  Order
                  <select
                    id={`${ids}-order`}
                    value={state.sort?.order ?? "desc"}
                    disabled={!state.sort}
                    onChange={(e) => change((s) => (s.sort ? { ...s, sort: { ...s.sort, order: e.target.value as "asc" | "desc" }, page: 1 } : s))}
                    className="rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 disabled:opacity-50"
                  >
                    <option value="desc">Highest first</option>
                    <option value="asc">Lowest first</option>
                  </select>
                </label>
                <label className="flex flex-col gap-0.5 text-xs text-slate-600" htmlFor={`${ids}-per-page`}>
                  Per page
                  <select
                    id={`${ids}-per-page`}
                    value={state.perPage}
                    onChange={(e) => change((s) => ({ ...s, perPage: Number(e.target.value), page: 1 }))}
                    className="rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
                  >
                    {[10, 20, 50, 100].map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
            </div>

            {error ? (
              <div role="alert" data-testid="search-error" className="rounded border border-red-300 bg-red-50 p-4 text-sm text-red-900">
                <p className="font-medium">The search could not run: {error.message}</p>
                {error.field ? <p className="mt-1 text-red-800">Check the field “{error.field}”.</p> : null}
                <button type="button" onClick={clearAll} className="mt-2 rounded border border-red-300 bg-white px-2 py-1 text-red-900 hover:bg-red-100">
                  Start a new search
                </button>
              </div>
            ) : null}
            {!error && result?.rateOnly.length ? (
              <div data-testid="rate-only" className="rounded border border-slate-200 bg-slate-50 p-3 text-sm text-slate-700">
                {result.rateOnly.map((r) => (
                  <p key={r.clause}>
                    {r.measurements} {propertyLabel(state.clauses[r.clause]?.property ?? "").toLowerCase()} measurement{r.measurements === 1 ? "" : "s"} of{" "}
                    {r.materials} material{r.materials === 1 ? "" : "s"} give only a C-rate in a paper that does not define 1C: they cannot be converted to a
                    current density, so the current-density bound{state.clauses.length > 1 ? ` of metric filter ${r.clause + 1}` : ""} neither includes nor
                    excludes them.
                  </p>
                ))}
              </div>
            ) : null}
            {error ? null : result && result.materials.length ? (
              <div className={loading ? "opacity-60 transition-opacity" : "transition-opacity"}>
                <ResultList materials={result.materials} propertyLabel={propertyLabel} clauseProperties={state.clauses.map((c) => c.property)} />
              </div>
            ) : result ? (
              <EmptyState state={state} propertyLabel={propertyLabel} change={change} hasFilters={filtered} />
            ) : null}

            {!error && result ? <Pagination page={result.page} pages={pages} hrefFor={(page) => urlFor({ ...state, page })} onPage={setPage} /> : null}
          </section>
        </div>
      </div>
    </div>
  );
}

function EmptyState({
  state,
  propertyLabel,
  change,
  hasFilters,
}: {
  state: SearchState;
  propertyLabel: (key: string) => string;
  change: (fn: (s: SearchState) => SearchState) => void;
  hasFilters: boolean;
}) {
  const suggestions: { label: string; apply: (s: SearchState) => SearchState }[] = [];
  if (state.q.trim()) suggestions.push({ label: `Search everything instead of “${state.q.trim()}”`, apply: (s) => ({ ...s, q: "", page: 1 }) });
  for (const [facet, values] of Object.entries(state.facets) as [ListFacet, string[]][]) {
    for (const value of values) {
      suggestions.push({
        label: `Remove ${FACET_LABELS[facet].toLowerCase()}: ${facet === "property" ? propertyLabel(value) : value}`,
        apply: (s) => ({ ...s, facets: { ...s.facets, [facet]: s.facets[facet].filter((v) => v !== value) }, page: 1 }),
      });
    }
  }
  if (state.elements.length && state.elementsMode === "only")
    suggestions.push({ label: `Materials containing all of ${state.elements.join(", ")} (not only)`, apply: (s) => ({ ...s, elementsMode: "all", page: 1 }) });
  if (state.elements.length) suggestions.push({ label: `Clear elements (${state.elements.join(", ")})`, apply: (s) => ({ ...s, elements: [], page: 1 }) });
  for (const clause of state.clauses) {
    const name = propertyLabel(clause.property).toLowerCase();
    if (clause.where.some((w) => w.min.trim() || w.max.trim()))
      suggestions.push({
        label: `Drop the conditions on ${name}`,
        apply: (s) => ({ ...s, clauses: s.clauses.map((c) => (c.id === clause.id ? { ...c, where: [] } : c)), page: 1 }),
      });
    suggestions.push({ label: `Remove the ${name} filter`, apply: (s) => ({ ...s, clauses: s.clauses.filter((c) => c.id !== clause.id), page: 1 }) });
  }
  return (
    <div data-testid="empty-state" className="rounded border border-dashed border-slate-300 bg-white p-6">
      <p className="font-medium text-slate-800">{hasFilters ? "No materials match this search." : "The knowledge base has no materials yet."}</p>
      {hasFilters ? (
        <>
          <p className="mt-1 text-sm text-slate-600">Loosen it:</p>
          <ul className="mt-2 flex flex-wrap gap-2">
            {suggestions.slice(0, 8).map((s) => (
              <li key={s.label}>
                <button
                  type="button"
                  onClick={() => change(s.apply)}
                  className="rounded-full border border-slate-300 bg-slate-50 px-3 py-1 text-sm text-slate-800 hover:border-brand hover:text-brand"
                >
                  {s.label}
                </button>
              </li>
            ))}
          </ul>
          <p className="mt-4 text-sm text-slate-600">Or try one of these searches:</p>
          <ul className="mt-2 flex flex-wrap gap-2">
            {EXAMPLES.map((q) => (
              <li key={q}>
                <button
                  type="button"
                  onClick={() => change(() => ({ ...emptyState(), q }))}
                  className="rounded-full border border-sky-200 bg-sky-50 px-3 py-1 text-sm text-brand hover:border-brand"
                >
                  {q}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="mt-1 text-sm text-slate-600">
          Import records with <code>matlit import FILE</code>.
        </p>
      )}
    </div>
  );
}

/** Whose numbers the metric filters and sorting read: the material's own, and on request the others. */
function WhoseNumbers({ scopes, derived, onChange }: { scopes: Scope[]; derived: boolean; onChange: (p: { scopes?: Scope[]; derived?: boolean }) => void }) {
  const others = SCOPES.filter((s) => s !== OWN_SCOPE);
  const toggle = (scope: Scope) => {
    const next = scopes.includes(scope) ? scopes.filter((s) => s !== scope) : [...scopes, scope];
    onChange({ scopes: next.length ? next : [OWN_SCOPE] });
  };
  return (
    <fieldset className="mt-3 border-t border-slate-100 pt-2 text-xs text-slate-600">
      <legend className="sr-only">Whose numbers the metric filters read</legend>
      <p>Metric filters and sorting read the materials&apos; own stated numbers. Also include:</p>
      <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        {others.map((scope) => (
          <label key={scope} className="inline-flex items-center gap-1" title={SCOPE_TEXT[scope].description}>
            <input type="checkbox" checked={scopes.includes(scope)} onChange={() => toggle(scope)} className="accent-brand" />
            {SCOPE_TEXT[scope].heading.toLowerCase()}
          </label>
        ))}
        <label className="inline-flex items-center gap-1" title="numbers matlit computed from the paper's own, each with its formula">
          <input type="checkbox" checked={derived} onChange={() => onChange({ derived: !derived })} className="accent-brand" />
          numbers derived by matlit
        </label>
      </div>
    </fieldset>
  );
}
