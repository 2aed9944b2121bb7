"use client";

import Link from "next/link";
import { useEffect, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useDebounce } from "use-debounce";
import type { Comparison } from "@/lib/compare/types";
import type { PickedComparison, PickedMaterial } from "@/lib/compare/picked";
import type { UnitChoice } from "@/lib/units/affine";
import type { MaterialHit, SearchResult } from "@/lib/search/types";
import { fetchJson } from "../components/fetchJson";
import { compareHref, MAX_SELECTION, readSelection, writeSelection } from "./selection";
import { CompareTable } from "./CompareTable";
import { FiguresAndFlags } from "./Figures";
import { KnowledgeBaseScatter, RateChart, TemperatureChart } from "./Charts";

interface Props {
  chips: PickedMaterial[];
  errors: PickedComparison["errors"];
  comparison: Comparison | null;
  /** Per compared property, the units its rows may be shown in. */
  units: Record<string, UnitChoice[]>;
  /** The URL asks for only the rows with two or more materials. */
  sharedOnly: boolean;
}

export const SERIES_COLOURS = ["#0f5f8c", "#d9480f", "#2b8a3e", "#862e9c", "#c2255c", "#5c940d", "#1864ab", "#e67700"];

/**
 * The compare page's client side. The selection lives in the URL; every change navigates to the
 * new URL (the server page recomputes the comparison) and is mirrored in localStorage.
 */
export function CompareApp({ chips, errors, comparison, units, sharedOnly: sharedFromUrl }: Props) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [sharedOnly, setSharedOnly] = useState(sharedFromUrl);
  const ids = chips.map((c) => c.ref ?? c.id);
  // The option only narrows the table in the browser: the URL keeps it without asking the server again.
  const toggleShared = (on: boolean) => {
    setSharedOnly(on);
    window.history.replaceState(null, "", compareHref(ids, on));
  };

  useEffect(() => {
    if (!chips.length) {
      // A bare /compare picks up the selection the user was building (e.g. from "Add to compare").
      const stored = readSelection();
      if (stored.length) router.replace(compareHref(stored));
      return;
    }
    writeSelection(chips.filter((c) => c.ref && !c.error).map((c) => c.ref!));
  }, [chips, router]);

  const go = (next: string[]) => {
    writeSelection(next);
    startTransition(() => router.push(compareHref(next, sharedOnly), { scroll: false }));
  };

  const colours = new Map((comparison?.materials ?? []).map((m) => [m.ref, SERIES_COLOURS[m.index % SERIES_COLOURS.length]!]));

  return (
    <div className="space-y-8" data-testid="compare-app" aria-busy={pending}>
      <section aria-labelledby="selection" className="rounded border border-slate-200 bg-white p-4 shadow-sm">
        <h2 id="selection" className="text-lg font-semibold">
          Materials{" "}
          <span className="text-sm font-normal text-slate-500">
            ({chips.length} of up to {MAX_SELECTION})
          </span>
        </h2>
        {chips.length ? (
          <ul className="mt-2 flex flex-wrap gap-2" aria-label="Selected materials">
            {chips.map((c, i) => (
              <li
                key={`${c.id}-${i}`}
                data-testid="selected-material"
                className={`flex items-center gap-2 rounded border px-2 py-1 text-sm ${c.error ? "border-red-300 bg-red-50" : "border-slate-300 bg-slate-50"}`}
              >
                {c.ref ? (
                  <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ background: colours.get(c.ref) ?? "#94a3b8" }} />
                ) : null}
                <span>
                  {c.path ? (
                    <Link href={c.path} className="font-medium text-brand hover:underline">
                      {c.name}
                    </Link>
                  ) : (
                    <span className="font-medium">{c.name}</span>
                  )}
                  {c.paper ? <span className="ml-1 text-xs text-slate-500">{c.paper}</span> : null}
                  {c.error ? <span className="ml-1 text-xs text-red-700">({c.error})</span> : null}
                </span>
                <button
                  type="button"
                  onClick={() => go(ids.filter((_, k) => k !== i))}
                  className="rounded px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900"
                  aria-label={`Remove ${c.name}`}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <MaterialPicker selected={ids} full={ids.length >= MAX_SELECTION} onAdd={(ref) => go([...ids, ref])} />
        {errors.length ? (
          <div role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900" data-testid="compare-error">
            {errors.map((e, i) => (
              <p key={i}>{e.message}</p>
            ))}
          </div>
        ) : null}
      </section>

      {!comparison ? (
        <section data-testid="compare-empty" className="rounded border border-dashed border-slate-300 bg-white p-8 text-center text-slate-600">
          <p className="text-lg font-medium text-slate-800">
            {chips.length === 1 ? "Add one more material to compare" : "Pick two or more materials to compare"}
          </p>
          <p className="mt-1 text-sm">
            Search above, or open a material from{" "}
            <Link href="/" className="text-brand hover:underline">
              search
            </Link>{" "}
            and use “Add to compare”. Try{" "}
            <Link
              className="text-brand hover:underline"
              href={compareHref(["10.1007/s40820-025-01858-2/fes2-qd-mxene", "10.1007/s40820-025-01858-2/fes2-mxene", "10.1002/smtd.202100188/sbqd-c"])}
            >
              FeS₂ QD/MXene vs FeS₂/MXene vs SbQD@C
            </Link>
            .
          </p>
        </section>
      ) : (
        <>
          <Downloads ids={comparison.materials.map((m) => m.ref)} />
          <CompareTable comparison={comparison} units={units} colours={SERIES_COLOURS} sharedOnly={sharedOnly} onSharedOnly={toggleShared} />
          <section aria-labelledby="charts" className="space-y-6">
            <h2 id="charts" className="text-xl font-semibold">
              Charts
            </h2>
            <div className="grid gap-6 lg:grid-cols-2">
              <RateChart comparison={comparison} colours={SERIES_COLOURS} />
              <TemperatureChart comparison={comparison} colours={SERIES_COLOURS} />
            </div>
            <KnowledgeBaseScatter comparison={comparison} colours={SERIES_COLOURS} />
          </section>
          <FiguresAndFlags comparison={comparison} colours={SERIES_COLOURS} />
          {comparison.notes.length ? (
            <section aria-label="Notes on the comparison" className="text-xs text-slate-500">
              <ul className="list-disc space-y-0.5 pl-4">
                {comparison.notes.map((n, i) => (
                  <li key={i}>{n}</li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      )}
    </div>
  );
}

function Downloads({ ids }: { ids: string[] }) {
  const query = compareHref(ids).replace(/^\/compare/, "");
  return (
    <p className="flex flex-wrap items-center gap-3 text-sm" data-testid="downloads">
      <span className="text-slate-500">Download this comparison:</span>
      <a className="rounded border border-slate-300 bg-white px-2 py-0.5 text-brand hover:border-brand" href={`/api/compare${query}&format=csv`} download>
        CSV
      </a>
      <a
        className="rounded border border-slate-300 bg-white px-2 py-0.5 text-brand hover:border-brand"
        href={`/api/compare${query}`}
        download="matlit-compare.json"
      >
        JSON
      </a>
      <span className="break-all text-xs text-slate-500">
        or on the command line: <code>matlit compare {ids.join(" ")} --json</code>
      </span>
    </p>
  );
}

/** Search-as-you-type over GET /api/search; Enter or a click adds the highlighted material. */
function MaterialPicker({ selected, full, onAdd }: { selected: string[]; full: boolean; onAdd: (ref: string) => void }) {
  const [text, setText] = useState("");
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const [q] = useDebounce(text.trim(), 200);
  const search = useQuery({
    queryKey: ["compare-picker", q],
    queryFn: ({ signal }) => fetchJson<SearchResult>(`/api/search?q=${encodeURIComponent(q)}&perPage=10`, { signal }),
    enabled: q !== "",
    placeholderData: keepPreviousData,
  });
  const typed = text.trim() !== "";
  const hits: MaterialHit[] = (typed && search.data?.materials) || [];
  const total = typed ? (search.data?.total ?? 0) : 0;
  const loading = typed && (q !== text.trim() || search.isFetching);
  const failure = typed && search.error ? search.error.message : null;

  // An answer for what was typed (fetched, or from the cache when typed again) opens the list at its first hit.
  const answer = search.isPlaceholderData ? undefined : search.data;
  useEffect(() => {
    if (!answer || !q) return;
    setActive(0);
    setOpen(true);
  }, [answer, q]);

  const choose = (hit: MaterialHit | undefined) => {
    if (!hit || selected.includes(hit.ref) || full) return;
    onAdd(hit.ref);
    setText("");
    setOpen(false);
  };

  const listId = "compare-picker-options";
  return (
    <div className="relative mt-3 max-w-xl">
      <label htmlFor="compare-picker" className="block text-sm font-medium text-slate-700">
        Add a material
      </label>
      <input
        id="compare-picker"
        type="search"
        role="combobox"
        aria-expanded={open && hits.length > 0}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={open && hits[active] ? `${listId}-${active}` : undefined}
        disabled={full}
        placeholder={full ? `At most ${MAX_SELECTION} materials: remove one to add another` : "Type a name, formula or element: FeS2, SbQD, Sn-FB…"}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onFocus={() => hits.length && setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((a) => Math.min(a + 1, hits.length - 1));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((a) => Math.max(a - 1, 0));
          } else if (e.key === "Enter") {
            e.preventDefault();
            choose(hits[active]);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
        className="mt-1 w-full rounded border border-slate-300 px-3 py-1.5 shadow-sm focus:border-brand focus:outline-none disabled:bg-slate-100"
      />
      {loading ? <span className="absolute right-3 top-8 text-xs text-slate-400">searching…</span> : null}
      {failure ? <p className="mt-1 text-sm text-red-700">Search failed: {failure}</p> : null}
      {open && text.trim() && !loading && hits.length === 0 && !failure ? (
        <p className="mt-1 text-sm text-slate-500">No material matches “{text.trim()}”.</p>
      ) : null}
      {open && hits.length > 0 ? (
        <ul
          id={listId}
          role="listbox"
          aria-label="Materials to add"
          className="absolute z-30 mt-1 max-h-80 w-full overflow-auto rounded border border-slate-200 bg-white py-1 shadow-lg"
        >
          {hits.map((hit, i) => {
            const already = selected.includes(hit.ref);
            return (
              <li
                key={hit.ref}
                id={`${listId}-${i}`}
                role="option"
                aria-selected={i === active}
                aria-disabled={already}
                onMouseDown={(e) => e.preventDefault()}
                onMouseEnter={() => setActive(i)}
                onClick={() => choose(hit)}
                className={`cursor-pointer px-3 py-1.5 text-sm ${i === active ? "bg-sky-50" : ""} ${already ? "cursor-default text-slate-400" : ""}`}
              >
                <span className="font-medium">{hit.name}</span>{" "}
                <span className="text-xs text-slate-500">
                  {hit.role} · {hit.batterySystem} · {hit.paper.journal} {hit.paper.year}
                  {already ? " · already added" : ""}
                </span>
              </li>
            );
          })}
          {total > hits.length ? <li className="px-3 py-1 text-xs text-slate-400">{total - hits.length} more: type more of the name</li> : null}
        </ul>
      ) : null}
    </div>
  );
}
