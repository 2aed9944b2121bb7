"use client";

import { useEffect, useRef } from "react";
import { unitText } from "@/lib/units/display";
import { PROPERTY_GROUP_LABELS, type PropertyGroup } from "@/lib/units/properties";
import { newClauseId, type ClauseDraft, type ConditionOption, type PropertyOption, type UnitOption } from "./model";

export const MAX_CLAUSES = 8;

interface Props {
  clauses: ClauseDraft[];
  properties: PropertyOption[];
  conditions: ConditionOption[];
  /** `typing` names the field being typed in, so a burst of keystrokes makes one history entry. */
  onChange: (clauses: ClauseDraft[], typing?: string) => void;
}

const inputClass = "w-24 rounded border border-slate-300 bg-white px-2 py-1 text-sm tabular-nums shadow-sm placeholder:text-slate-400 focus:border-brand";
const selectClass = "rounded border border-slate-300 bg-white px-2 py-1 text-sm shadow-sm focus:border-brand";
const labelClass = "flex flex-col gap-0.5 text-xs text-slate-600";

/** Units offered for a field, plus the one in use if a hand-written URL chose another. */
function unitOptions(units: UnitOption[], current: string): UnitOption[] {
  return current && !units.some((u) => u.value === current) ? [...units, { value: current, label: unitText(current) }] : units;
}

function UnitField({ id, label, units, value, onChange }: { id: string; label: string; units: UnitOption[]; value: string; onChange: (v: string) => void }) {
  const options = unitOptions(units, value);
  if (options.length <= 1) {
    return (
      <div className={labelClass}>
        <span aria-hidden>Unit</span>
        <span className="py-1 text-sm text-slate-700">
          <span className="sr-only">Unit for {label}: </span>
          {options[0]?.label || <span aria-label="plain number">–</span>}
        </span>
      </div>
    );
  }
  return (
    <label className={labelClass} htmlFor={id}>
      <span>
        Unit<span className="sr-only"> for {label}</span>
      </span>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} className={selectClass}>
        {options.map((u) => (
          <option key={u.value} value={u.value}>
            {u.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function MetricBuilder({ clauses, properties, conditions, onChange }: Props) {
  const focusClause = useRef<number | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusClause.current === null) return;
    rootRef.current?.querySelector<HTMLSelectElement>(`#clause-${focusClause.current}-property`)?.focus();
    focusClause.current = null;
  });

  const withData = properties.filter((p) => p.materials > 0);
  const withoutData = properties.filter((p) => p.materials === 0);
  const groups = [...new Set(withData.map((p) => p.group))];
  const propertyOf = (key: string) => properties.find((p) => p.key === key);

  const update = (id: number, patch: Partial<ClauseDraft>, typing?: string) =>
    onChange(
      clauses.map((c) => (c.id === id ? { ...c, ...patch } : c)),
      typing,
    );

  const add = () => {
    const first = propertyOf("specific_capacity") ?? withData[0] ?? properties[0]!;
    const id = newClauseId();
    focusClause.current = id;
    onChange([...clauses, { id, property: first.key, min: "", max: "", unit: first.units[0]?.value ?? "", where: [], ranges: "overlap" }]);
  };

  return (
    <div ref={rootRef} className="space-y-3">
      {clauses.length === 0 ? (
        <p className="text-sm text-slate-600">
          Filter by a measured value: e.g. specific capacity of at least 250 mAh g⁻¹ at −20 °C or below. Each filter matches when one measurement meets all its
          bounds.
        </p>
      ) : (
        <ol className="space-y-3">
          {clauses.map((clause, index) => {
            const def = propertyOf(clause.property);
            const name = def?.label.toLowerCase() ?? clause.property;
            const used = new Set(clause.where.map((w) => w.key));
            const base = `clause-${clause.id}`;
            return (
              <li
                key={clause.id}
                role="group"
                aria-label={`Metric filter ${index + 1}`}
                className="rounded border border-slate-200 bg-slate-50/60 p-3"
                data-testid="metric-clause"
              >
                <div className="flex flex-wrap items-end gap-x-3 gap-y-2">
                  <label className={labelClass} htmlFor={`${base}-property`}>
                    Property
                    <select
                      id={`${base}-property`}
                      value={clause.property}
                      onChange={(e) => {
                        const next = propertyOf(e.target.value);
                        update(clause.id, { property: e.target.value, unit: next?.units[0]?.value ?? "", min: "", max: "" });
                      }}
                      className={`${selectClass} max-w-64`}
                    >
                      {groups.map((g) => (
                        <optgroup key={g} label={PROPERTY_GROUP_LABELS[g as PropertyGroup] ?? g}>
                          {withData
                            .filter((p) => p.group === g)
                            .map((p) => (
                              <option key={p.key} value={p.key}>
                                {p.label}
                              </option>
                            ))}
                        </optgroup>
                      ))}
                      {withoutData.length ? (
                        <optgroup label="No measurements yet">
                          {withoutData.map((p) => (
                            <option key={p.key} value={p.key}>
                              {p.label}
                            </option>
                          ))}
                        </optgroup>
                      ) : null}
                    </select>
                  </label>
                  <label className={labelClass} htmlFor={`${base}-min`}>
                    <span>
                      At least<span className="sr-only"> ({name})</span>
                    </span>
                    <input
                      id={`${base}-min`}
                      type="number"
                      step="any"
                      inputMode="decimal"
                      placeholder="min"
                      value={clause.min}
                      onChange={(e) => update(clause.id, { min: e.target.value }, `${base}-min`)}
                      className={inputClass}
                    />
                  </label>
                  <label className={labelClass} htmlFor={`${base}-max`}>
                    <span>
                      At most<span className="sr-only"> ({name})</span>
                    </span>
                    <input
                      id={`${base}-max`}
                      type="number"
                      step="any"
                      inputMode="decimal"
                      placeholder="max"
                      value={clause.max}
                      onChange={(e) => update(clause.id, { max: e.target.value }, `${base}-max`)}
                      className={inputClass}
                    />
                  </label>
                  <UnitField id={`${base}-unit`} label={name} units={def?.units ?? []} value={clause.unit} onChange={(unit) => update(clause.id, { unit })} />
                  <button
                    type="button"
                    onClick={() => onChange(clauses.filter((c) => c.id !== clause.id))}
                    className="ml-auto rounded border border-slate-300 bg-white px-2 py-1 text-sm text-slate-700 hover:border-red-400 hover:text-red-700"
                  >
                    Remove<span className="sr-only"> metric filter {index + 1}</span>
                  </button>
                </div>

                {clause.where.length ? (
                  <ul className="mt-3 space-y-2 border-l-2 border-brand/30 pl-3">
                    {clause.where.map((bound) => {
                      const cond = conditions.find((c) => c.key === bound.key);
                      const condName = cond?.label.toLowerCase() ?? bound.key;
                      const cbase = `${base}-where-${bound.key}`;
                      const patch = (p: Partial<typeof bound>, typing?: string) =>
                        update(clause.id, { where: clause.where.map((w) => (w.key === bound.key ? { ...w, ...p } : w)) }, typing);
                      return (
                        <li
                          key={bound.key}
                          role="group"
                          aria-label={`${cond?.label ?? bound.key} condition`}
                          className="flex flex-wrap items-end gap-x-3 gap-y-2"
                          data-condition={bound.key}
                        >
                          <span className="w-36 self-center text-sm text-slate-700">
                            <span className="text-xs text-slate-500">measured at</span>
                            <br />
                            {cond?.label ?? bound.key}
                          </span>
                          <label className={labelClass} htmlFor={`${cbase}-min`}>
                            <span>
                              At least<span className="sr-only"> ({condName})</span>
                            </span>
                            <input
                              id={`${cbase}-min`}
                              type="number"
                              step="any"
                              inputMode="decimal"
                              placeholder="min"
                              value={bound.min}
                              onChange={(e) => patch({ min: e.target.value }, `${cbase}-min`)}
                              className={inputClass}
                            />
                          </label>
                          <label className={labelClass} htmlFor={`${cbase}-max`}>
                            <span>
                              At most<span className="sr-only"> ({condName})</span>
                            </span>
                            <input
                              id={`${cbase}-max`}
                              type="number"
                              step="any"
                              inputMode="decimal"
                              placeholder="max"
                              value={bound.max}
                              onChange={(e) => patch({ max: e.target.value }, `${cbase}-max`)}
                              className={inputClass}
                            />
                          </label>
                          <UnitField id={`${cbase}-unit`} label={condName} units={cond?.units ?? []} value={bound.unit} onChange={(unit) => patch({ unit })} />
                          <button
                            type="button"
                            onClick={() => update(clause.id, { where: clause.where.filter((w) => w.key !== bound.key) })}
                            className="rounded px-1.5 py-1 text-sm text-slate-600 hover:text-red-700"
                          >
                            <span aria-hidden>✕</span>
                            <span className="sr-only">Remove the {condName} condition</span>
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                ) : null}

                <label className="mt-3 flex items-center gap-2 text-xs text-slate-600" htmlFor={`${base}-ranges`}>
                  <span>A number stated as a range counts when it</span>
                  <select
                    id={`${base}-ranges`}
                    value={clause.ranges}
                    onChange={(e) => update(clause.id, { ranges: e.target.value === "within" ? "within" : "overlap" })}
                    className={selectClass}
                  >
                    <option value="overlap">overlaps the bounds</option>
                    <option value="within">lies entirely within them</option>
                  </select>
                </label>

                {used.size < conditions.length ? (
                  <label className="mt-3 flex items-center gap-2 text-xs text-slate-600" htmlFor={`${base}-add-condition`}>
                    <span>
                      Add condition<span className="sr-only"> to metric filter {index + 1}</span>
                    </span>
                    <select
                      id={`${base}-add-condition`}
                      value=""
                      onChange={(e) => {
                        const cond = conditions.find((c) => c.key === e.target.value);
                        if (!cond) return;
                        update(clause.id, { where: [...clause.where, { key: cond.key, min: "", max: "", unit: cond.units[0]?.value ?? "" }] });
                        // Move focus to the new condition's first field.
                        setTimeout(() => document.getElementById(`${base}-where-${cond.key}-min`)?.focus(), 0);
                      }}
                      className={selectClass}
                    >
                      <option value="">Choose…</option>
                      {conditions
                        .filter((c) => !used.has(c.key))
                        .map((c) => (
                          <option key={c.key} value={c.key}>
                            {c.label}
                          </option>
                        ))}
                    </select>
                  </label>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      <button
        type="button"
        onClick={add}
        disabled={clauses.length >= MAX_CLAUSES}
        className="rounded border border-brand bg-white px-3 py-1.5 text-sm font-medium text-brand hover:bg-sky-50 disabled:cursor-not-allowed disabled:opacity-50"
      >
        + Add metric filter
      </button>
    </div>
  );
}
