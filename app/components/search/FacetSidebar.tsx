"use client";

import { useId, useState } from "react";
import type { FacetCount } from "@/lib/search/types";
import { orderFacetCounts } from "@/lib/search/facet-order";
import { FACET_KEYS, FACET_LABELS, type ListFacet } from "./model";

const COLLAPSED = 8;

interface Props {
  facets: Partial<Record<ListFacet, FacetCount[]>>;
  selected: Record<ListFacet, string[]>;
  /** Human labels for values (property keys → "Specific capacity"). */
  labelFor: (facet: ListFacet, value: string) => string;
  onToggle: (facet: ListFacet, value: string) => void;
  onClear: (facet: ListFacet) => void;
}

/** Merge what the backend counted with what is ticked (a ticked value always stays visible). */
function entries(facet: ListFacet, counts: FacetCount[] | undefined, selected: string[]): FacetCount[] {
  const byValue = new Map<string, number>();
  for (const c of counts ?? []) byValue.set(c.value, c.count);
  for (const v of selected) if (!byValue.has(v)) byValue.set(v, 0);
  return orderFacetCounts(
    facet,
    [...byValue].map(([value, count]) => ({ value, count })),
  );
}

export function FacetSidebar({ facets, selected, labelFor, onToggle, onClear }: Props) {
  return (
    <div className="space-y-5">
      {FACET_KEYS.map((facet) => (
        <FacetGroup
          key={facet}
          facet={facet}
          items={entries(facet, facets[facet], selected[facet])}
          selected={selected[facet]}
          labelFor={labelFor}
          onToggle={onToggle}
          onClear={onClear}
        />
      ))}
    </div>
  );
}

function FacetGroup({
  facet,
  items,
  selected,
  labelFor,
  onToggle,
  onClear,
}: {
  facet: ListFacet;
  items: FacetCount[];
  selected: string[];
  labelFor: Props["labelFor"];
  onToggle: Props["onToggle"];
  onClear: Props["onClear"];
}) {
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const visible = expanded ? items : items.filter((item, i) => i < COLLAPSED || selected.includes(item.value));
  const hidden = items.length - visible.length;
  return (
    <div className="relative">
      {selected.length ? (
        <button type="button" onClick={() => onClear(facet)} className="absolute right-0 top-0 z-10 rounded px-1 text-xs leading-5 text-brand hover:underline">
          Clear<span className="sr-only"> {FACET_LABELS[facet].toLowerCase()}</span>
        </button>
      ) : null}
      <fieldset data-facet={facet} className="min-w-0">
        <legend className="text-sm font-semibold leading-5 text-slate-800">{FACET_LABELS[facet]}</legend>
        {items.length === 0 ? (
          <p className="mt-1 text-xs text-slate-500">No values for this search.</p>
        ) : (
          <ul id={`${id}-list`} className="mt-1.5 space-y-0.5">
            {visible.map((item) => {
              const checked = selected.includes(item.value);
              const label = labelFor(facet, item.value);
              return (
                <li key={item.value}>
                  <label
                    className={`flex cursor-pointer items-start gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-100 ${item.count === 0 && !checked ? "text-slate-400" : "text-slate-700"}`}
                  >
                    <input type="checkbox" checked={checked} onChange={() => onToggle(facet, item.value)} className="mt-[3px] shrink-0 accent-brand" />
                    <span className="min-w-0 flex-1 break-words" title={label}>
                      {label}
                    </span>
                    <span className="shrink-0 text-xs tabular-nums text-slate-500">{item.count}</span>
                  </label>
                </li>
              );
            })}
          </ul>
        )}
        {hidden > 0 || expanded ? (
          <button
            type="button"
            aria-expanded={expanded}
            aria-controls={`${id}-list`}
            onClick={() => setExpanded(!expanded)}
            className="mt-1 rounded px-1 text-xs text-brand hover:underline"
          >
            {expanded ? "Show fewer" : `Show ${hidden} more`}
          </button>
        ) : null}
      </fieldset>
    </div>
  );
}
