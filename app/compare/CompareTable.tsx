"use client";

import Link from "next/link";
import { useState } from "react";
import type { Comparison, ComparePropertyGroup, CompareCell, CompareRow } from "@/lib/compare/types";
import { applyAffine, type UnitChoice } from "@/lib/units/affine";
import { formatRange, prettyNumber } from "@/lib/units/display";
import { PaperQuote } from "@/app/components/PaperText";
import { sharedRows } from "@/lib/compare/filter";
import { STAND_IN_WINDOW_TEXT } from "@/lib/compare/window";

/** Performance first; structure, composition and computed properties fold away below. */
const PERFORMANCE_GROUPS = new Set(["electrochemical", "cell", "kinetics", "transport", "mechanical-thermal"]);

/** The first column stays in view while the materials scroll sideways (a phone shows two or three at a time). */
const STICKY = "sticky left-0 z-[5] w-36 min-w-36 border-r border-slate-200 sm:w-56 sm:min-w-56";

export function CompareTable({
  comparison,
  units: choices,
  colours,
  sharedOnly,
  onSharedOnly,
}: {
  comparison: Comparison;
  units: Record<string, UnitChoice[]>;
  colours: string[];
  /** Only rows with values of two or more materials. */
  sharedOnly: boolean;
  onSharedOnly: (on: boolean) => void;
}) {
  const [units, setUnits] = useState<Record<string, string>>({});
  const shown = sharedOnly ? sharedRows(comparison.properties) : comparison.properties;
  const performance = shown.filter((g) => PERFORMANCE_GROUPS.has(g.property.group));
  const other = shown.filter((g) => !PERFORMANCE_GROUPS.has(g.property.group));
  const table = (groups: ComparePropertyGroup[], label: string) => (
    <div className="overflow-x-auto rounded border border-slate-200 bg-white shadow-sm">
      <table className="w-full border-collapse text-sm" aria-label={label} data-testid="compare-table">
        <thead className="bg-slate-100">
          <tr className="text-left">
            <th scope="col" className={`${STICKY} bg-slate-100 px-2 py-2 font-medium text-slate-600`}>
              Conditions <span className="font-normal">and unit</span>
            </th>
            {comparison.materials.map((m) => (
              <th scope="col" key={m.ref} className="min-w-28 px-2 py-2 align-bottom font-semibold sm:min-w-36">
                <span className="mr-1 inline-block h-2.5 w-2.5 rounded-full" style={{ background: colours[m.index % colours.length] }} aria-hidden="true" />
                <Link href={m.path} className="text-brand hover:underline">
                  {m.name}
                </Link>
                <div className="text-xs font-normal text-slate-500">
                  {m.paper.firstAuthor} et al. {m.paper.year} · {m.role}
                </div>
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.property.key} data-property={g.property.key}>
            <tr className="border-t-2 border-slate-200 bg-slate-50">
              {/* The heading stays in view with the first column; the rest of the band is empty. */}
              <th scope="rowgroup" className={`${STICKY} bg-slate-50 px-2 py-1.5 text-left font-semibold`}>
                {g.property.label}{" "}
                <span className="text-xs font-normal text-slate-500">
                  {g.property.display}
                  {g.property.better ? ` · ${g.property.better} is better` : ""}
                </span>
              </th>
              <td colSpan={comparison.materials.length} />
            </tr>
            {g.rows.map((row) => (
              <Row
                key={row.id}
                row={row}
                group={g}
                choices={choices[g.property.key] ?? []}
                unit={units[row.id] ?? g.property.unit}
                onUnit={(u) => setUnits((s) => ({ ...s, [row.id]: u }))}
              />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
  return (
    <section aria-labelledby="table-heading" className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="table-heading" className="text-xl font-semibold">
          Side by side
        </h2>
        <label className="flex items-center gap-2 text-sm text-slate-700">
          <input type="checkbox" checked={sharedOnly} onChange={(e) => onSharedOnly(e.target.checked)} data-testid="shared-only" />
          Only rows with two or more materials
        </label>
      </div>
      <div className="space-y-1 text-xs text-slate-600" data-testid="compare-legend">
        <p className="flex flex-wrap gap-x-3 gap-y-1">
          <span>
            <span className="rounded bg-emerald-100 px-1 font-semibold text-emerald-900">★ 573</span> best among like-for-like
          </span>
          <span>
            <span className="rounded border border-dashed border-amber-500 px-1 text-amber-900">464</span> stand-in: the material&apos;s nearest measurement
            under other conditions
          </span>
          <span>Hover, focus or tap a value for its quote.</span>
        </p>
        <p data-testid="stand-in-window">Stand-ins only within {STAND_IN_WINDOW_TEXT}.</p>
      </div>
      {performance.length ? (
        table(performance, "Performance comparison")
      ) : (
        <p className="text-sm text-slate-500">
          {sharedOnly ? "No performance row has values of two or more materials." : "No performance measurements recorded for these materials."}
        </p>
      )}
      {other.length ? (
        <details className="rounded border border-slate-200 bg-white">
          <summary className="cursor-pointer px-3 py-2 text-sm font-medium text-slate-700">
            Structure, composition and computed properties ({other.length})
          </summary>
          <div className="p-2">{table(other, "Structure and composition comparison")}</div>
        </details>
      ) : null}
    </section>
  );
}

function Row({
  row,
  group,
  choices,
  unit,
  onUnit,
}: {
  row: CompareRow;
  group: ComparePropertyGroup;
  choices: UnitChoice[];
  unit: string;
  onUnit: (u: string) => void;
}) {
  const choice = choices.find((c) => c.value === unit);
  return (
    <tr className="border-t border-slate-100 align-top" data-testid="compare-row" data-like-for-like={row.likeForLike} data-conditions={row.conditionsText}>
      <th scope="row" className={`${STICKY} bg-white px-2 py-1.5 text-left font-normal text-slate-700`}>
        {row.conditionsText}
        {row.likeForLike ? (
          <span className="ml-1 whitespace-nowrap text-xs text-emerald-700" title="every material was measured under these conditions">
            ✓ all aligned
          </span>
        ) : null}
        {row.distinction ? (
          <span className="block text-xs leading-tight text-slate-500" data-testid="row-distinction">
            {row.distinction}
          </span>
        ) : null}
        {/* A row with one possible unit has it in the property's heading. */}
        {choices.length > 1 ? (
          <select
            aria-label={`Unit for ${group.property.label}, ${row.conditionsText}${row.distinction ? `, ${row.distinction}` : ""}`}
            value={unit}
            onChange={(e) => onUnit(e.target.value)}
            className="mt-0.5 block rounded border border-slate-300 bg-white px-1 py-0.5 text-xs"
          >
            {choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        ) : null}
      </th>
      {row.cells.map((cell, i) => (
        <td key={i} className="px-2 py-1">
          {cell ? (
            <Cell cell={cell} shownIn={choice && choice.value !== group.property.unit ? choice : null} subject={row.distinction ? null : cell.subject} />
          ) : (
            <span className="text-slate-300" aria-label="no measurement">
              –
            </span>
          )}
        </td>
      ))}
    </tr>
  );
}

/** A cell's values in the row's canonical unit, or converted into the unit picked for the row (`shownIn`); its subject unless the row's label says it. */
function Cell({ cell, shownIn, subject }: { cell: CompareCell; shownIn: UnitChoice | null; subject: string | null }) {
  const shown = (v: number) => Number((shownIn ? applyAffine(shownIn.fromCanonical, v) : v).toPrecision(6));
  const value = cell.value === null ? formatRange(shown(cell.min!), shown(cell.max!)) : prettyNumber(shown(cell.value));
  const q = cell.qualifier && cell.qualifier !== "=" ? `${cell.qualifier} ` : "";
  const tip = `tip-${cell.measurementId}-${cell.likeForLike ? "x" : "n"}`;
  const style = cell.best
    ? "bg-emerald-100 font-semibold text-emerald-950 ring-1 ring-emerald-300"
    : !cell.likeForLike
      ? "border border-dashed border-amber-500 text-amber-950"
      : "";
  // The tooltip (reported value, conditions, the quote typeset) is rendered once a reader hovers or
  // focuses the cell: a comparison has hundreds of cells, and rendering every one up front made the page ~0.5 MB.
  const [open, setOpen] = useState(false);
  return (
    <span className="group relative inline-block" onMouseEnter={() => setOpen(true)} onFocus={() => setOpen(true)}>
      <span
        tabIndex={0}
        aria-describedby={tip}
        data-testid="compare-cell"
        data-best={cell.best}
        data-like-for-like={cell.likeForLike}
        className={`inline-block cursor-help rounded px-1 tabular-nums ${style}`}
      >
        {cell.best ? <span aria-label="best">★ </span> : null}
        {/* No symbol: "≈" is a value's own qualifier (≈ 0.01), and the note under the value says what a stand-in is. */}
        {!cell.likeForLike ? <span className="sr-only">stand-in: </span> : null}
        {q}
        {value}
        {cell.source === "derived" ? (
          <sup className="ml-0.5 text-[10px] text-amber-700" title="computed by matlit from numbers the paper states">
            d
          </sup>
        ) : null}
      </span>
      {!cell.likeForLike ? (
        <span className="block text-[11px] leading-tight text-amber-800" data-testid="stand-in-note">
          stand-in: {cell.differences.join("; ")}
        </span>
      ) : null}
      {subject ? <span className="block text-[11px] leading-tight text-slate-500">{subject}</span> : null}
      {open ? (
        <span
          role="tooltip"
          id={tip}
          className="invisible absolute left-0 top-full z-40 mt-1 w-80 rounded border border-slate-300 bg-white p-2 text-xs font-normal text-slate-700 shadow-lg group-focus-within:visible group-hover:visible"
        >
          <span className="block font-medium text-slate-900">
            Reported: {cell.reported.display}
            {shownIn ? ` · shown in ${shownIn.label}` : ""}
          </span>
          {cell.conditionsText ? <span className="block text-slate-600">{cell.conditionsText}</span> : null}
          <PaperQuote className="mt-1 block" text={cell.quote} />
          {cell.location ? <span className="block text-slate-400">{cell.location}</span> : null}
        </span>
      ) : null}
    </span>
  );
}
