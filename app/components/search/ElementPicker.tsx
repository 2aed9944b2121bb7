"use client";

import { useId } from "react";
import { ELEMENTS } from "@/lib/records/elements";

/** Grid position (row, column), rows 1–7 for periods and 9–10 for the lanthanides and actinides. */
function position(z: number): [number, number] {
  if (z === 1) return [1, 1];
  if (z === 2) return [1, 18];
  const blocks: [number, number, number][] = [
    // [first Z of the period, period, Z of its first p-block element or 0]
    [3, 2, 5],
    [11, 3, 13],
  ];
  for (const [first, period, p] of blocks) {
    if (z >= first && z < first + 8) return z < p ? [period, z - first + 1] : [period, 13 + (z - p)];
  }
  if (z >= 19 && z <= 36) return [4, z - 18];
  if (z >= 37 && z <= 54) return [5, z - 36];
  if (z === 55 || z === 56) return [6, z - 54];
  if (z >= 57 && z <= 71) return [9, z - 57 + 3];
  if (z >= 72 && z <= 86) return [6, z - 68];
  if (z === 87 || z === 88) return [7, z - 86];
  if (z >= 89 && z <= 103) return [10, z - 89 + 3];
  return [7, z - 100];
}

export const ELEMENT_NAMES: Record<string, string> = Object.fromEntries(ELEMENTS.map((e) => [e.symbol, e.name]));

interface Props {
  /** Symbol → materials in the whole knowledge base (what is clickable). */
  known: Record<string, number>;
  /** Symbol → materials matching the rest of the current search. */
  counts: Record<string, number>;
  selected: string[];
  mode: "all" | "only";
  onToggle: (symbol: string) => void;
  onMode: (mode: "all" | "only") => void;
  onClear: () => void;
}

export function ElementPicker({ known, counts, selected, mode, onToggle, onMode, onClear }: Props) {
  const id = useId();
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
        <fieldset className="flex items-center gap-4">
          <legend className="sr-only">How selected elements filter</legend>
          {(
            [
              ["all", "Contains all of"],
              ["only", "Contains only"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex cursor-pointer items-center gap-1.5">
              <input type="radio" name={`${id}-mode`} value={value} checked={mode === value} onChange={() => onMode(value)} className="accent-brand" />
              {label}
            </label>
          ))}
        </fieldset>
        <p className="text-slate-600" aria-live="polite">
          {selected.length ? (
            <>
              Selected: <span className="font-medium text-slate-900">{selected.join(", ")}</span>
            </>
          ) : (
            "No elements selected"
          )}
        </p>
        {selected.length ? (
          <button type="button" onClick={onClear} className="rounded px-1 text-brand underline-offset-2 hover:underline">
            Clear elements
          </button>
        ) : null}
      </div>
      <div
        role="group"
        aria-label="Periodic table"
        className="grid gap-[3px]"
        style={{ gridTemplateColumns: "repeat(18, minmax(0, 1fr))", gridTemplateRows: "repeat(7, auto) 0.5rem repeat(2, auto)" }}
      >
        {ELEMENTS.map((e) => {
          const [row, col] = position(e.z);
          const style = { gridRow: row, gridColumn: col };
          const isSelected = selected.includes(e.symbol);
          const inKb = (known[e.symbol] ?? 0) > 0;
          const count = counts[e.symbol] ?? 0;
          if (!inKb && !isSelected) {
            return (
              <span
                key={e.symbol}
                style={style}
                title={`${e.name}: not in the knowledge base`}
                className="flex h-9 items-center justify-center rounded-sm bg-slate-100 text-[11px] text-slate-300"
              >
                {e.symbol}
              </span>
            );
          }
          return (
            <button
              key={e.symbol}
              type="button"
              style={style}
              aria-pressed={isSelected}
              aria-label={`${e.name} (${e.symbol}), ${count} ${count === 1 ? "material" : "materials"}`}
              title={`${e.name}: ${count} ${count === 1 ? "material" : "materials"}`}
              onClick={() => onToggle(e.symbol)}
              className={`relative flex h-9 flex-col items-center justify-center rounded-sm border leading-none transition-colors focus-visible:z-10 ${
                isSelected
                  ? "border-brand bg-brand text-white"
                  : count > 0
                    ? "border-sky-300 bg-sky-50 text-slate-900 hover:border-brand hover:bg-sky-100"
                    : "border-slate-200 bg-white text-slate-400 hover:border-brand"
              }`}
            >
              <span className="text-[13px] font-semibold">{e.symbol}</span>
              <span className={`mt-0.5 text-[10px] tabular-nums ${isSelected ? "text-sky-100" : "text-slate-500"}`}>{count}</span>
            </button>
          );
        })}
        <span style={{ gridRow: 6, gridColumn: 3 }} aria-hidden className="flex h-9 items-center justify-center text-[10px] text-slate-400">
          57–71
        </span>
        <span style={{ gridRow: 7, gridColumn: 3 }} aria-hidden className="flex h-9 items-center justify-center text-[10px] text-slate-400">
          89–103
        </span>
      </div>
    </div>
  );
}
