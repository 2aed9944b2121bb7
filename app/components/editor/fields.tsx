"use client";

import { createContext, useContext, useId, type ReactNode } from "react";
import { convert, readUnit, toCanonical } from "@/lib/units/convert";
import { formatQuantity, prettyNumber } from "@/lib/units/display";
import { property as propertyDef } from "@/lib/units/properties";
import { fieldId, type Given, type QuantityForm, type ValueOrRangeForm } from "@/lib/editing/form";
import { parseNumber } from "@/lib/units/numbers";

/** Errors by field path, and whether a field's errors are shown yet (after it was left, or on publish). */
export interface FormErrors {
  errors: Map<string, string[]>;
  shown: (path: string) => boolean;
  touch: (path: string) => void;
}

export const ErrorsContext = createContext<FormErrors>({ errors: new Map(), shown: () => false, touch: () => {} });

export const inputClass =
  "w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm shadow-sm placeholder:text-slate-400 focus:border-brand aria-[invalid=true]:border-red-600";
const labelClass = "block text-xs font-medium text-slate-600";

function useFieldErrors(paths: string[]): string[] {
  const { errors, shown } = useContext(ErrorsContext);
  return paths.flatMap((p) => (shown(p) ? (errors.get(p) ?? []) : []));
}

export function FieldErrors({ id, messages }: { id: string; messages: string[] }) {
  if (!messages.length) return null;
  return (
    <ul id={id} className="mt-0.5 text-xs text-red-700" data-testid="field-error">
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}

interface TextFieldProps {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  multiline?: boolean | number;
  required?: boolean;
  hint?: ReactNode;
  placeholder?: string;
  className?: string;
  list?: string;
  inputMode?: "decimal" | "numeric" | "text";
}

export function TextField({ path, label, value, onChange, multiline, required, hint, placeholder, className, list, inputMode }: TextFieldProps) {
  const { touch } = useContext(ErrorsContext);
  const messages = useFieldErrors([path]);
  const id = fieldId(path);
  const describedBy = [messages.length ? `${id}-err` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined;
  const common = {
    id,
    name: path,
    value,
    placeholder,
    "aria-invalid": messages.length > 0,
    "aria-describedby": describedBy,
    "aria-required": required || undefined,
    onBlur: () => touch(path),
    className: inputClass,
  };
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
        {required ? (
          <span className="text-red-700" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </label>
      {multiline ? (
        <textarea {...common} rows={typeof multiline === "number" ? multiline : 3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" list={list} inputMode={inputMode} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      )}
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${id}-err`} messages={messages} />
    </div>
  );
}

interface SelectFieldProps {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly (string | { value: string; label: string; group?: string })[];
  required?: boolean;
  /** The option of no choice; null: there is none (the field has a default). */
  empty?: string | null;
  hint?: ReactNode;
  className?: string;
}

export function SelectField({ path, label, value, onChange, options, required, empty = "— choose —", hint, className }: SelectFieldProps) {
  const { touch } = useContext(ErrorsContext);
  const messages = useFieldErrors([path]);
  const id = fieldId(path);
  const describedBy = [messages.length ? `${id}-err` : "", hint ? `${id}-hint` : ""].filter(Boolean).join(" ") || undefined;
  const normalized = options.map((o) => (typeof o === "string" ? { value: o, label: o, group: undefined } : o));
  const groups = [...new Set(normalized.map((o) => o.group))];
  const render = (list: typeof normalized) =>
    list.map((o) => (
      <option key={o.value} value={o.value}>
        {o.label}
      </option>
    ));
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
        {required ? (
          <span className="text-red-700" aria-hidden="true">
            {" "}
            *
          </span>
        ) : null}
      </label>
      <select
        id={id}
        name={path}
        value={value}
        aria-invalid={messages.length > 0}
        aria-describedby={describedBy}
        onBlur={() => touch(path)}
        onChange={(e) => onChange(e.target.value)}
        className={inputClass}
      >
        {empty === null ? null : <option value="">{empty}</option>}
        {groups.length > 1 || groups[0] !== undefined
          ? groups.map((g) => (
              <optgroup key={g ?? "other"} label={g ?? "Other"}>
                {render(normalized.filter((o) => o.group === g))}
              </optgroup>
            ))
          : render(normalized)}
      </select>
      {hint ? (
        <p id={`${id}-hint`} className="mt-0.5 text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      <FieldErrors id={`${id}-err`} messages={messages} />
    </div>
  );
}

/** What a value in a paper's unit is in the canonical unit, as the editor types: "= 0.1 A g⁻¹". */
export function canonicalPreview(value: string, unit: string, target: string | readonly string[], property?: string): { text: string; ok: boolean } | null {
  const n = parseNumber(value);
  if (n === null || (!unit.trim() && !property)) return null;
  try {
    if (property) {
      const c = toCanonical(property, n, unit);
      return { text: `${prettyNumber(c)} ${property ? (propertyDef(property)?.display.replace(/^–$/, "") ?? "") : ""}`.trim(), ok: true };
    }
    readUnit(unit); // an unreadable unit says so (with a suggestion), not that it is of another kind
    for (const t of Array.isArray(target) ? target : [target]) {
      try {
        return { text: formatQuantity(convert(n, unit, t), t), ok: true };
      } catch {
        // try the next unit of this kind
      }
    }
    return { text: `“${unit}” is not a unit of this kind`, ok: false };
  } catch (e) {
    return { text: e instanceof Error ? e.message : String(e), ok: false };
  }
}

/** The canonical value of a value, or of both ends of a range: "= 0.1 A g⁻¹ to 0.2 A g⁻¹". */
export function numbersPreview(
  f: Pick<ValueOrRangeForm, "given" | "value" | "min" | "max">,
  unit: string,
  target: string | readonly string[],
  property?: string,
): { text: string; ok: boolean } | null {
  if (f.given !== "range") return f.value.trim() ? canonicalPreview(f.value, unit, target, property) : null;
  const low = f.min.trim() ? canonicalPreview(f.min, unit, target, property) : null;
  const high = f.max.trim() ? canonicalPreview(f.max, unit, target, property) : null;
  if (!low || !high) return null;
  if (!low.ok) return low;
  if (!high.ok) return high;
  return { text: `${low.text} to ${high.text}`, ok: true };
}

/** Whether the paper gives a single value or a range: a radio group, so arrow keys switch it. */
export function GivenSwitch({ path, label, value, onChange }: { path: string; label: string; value: Given; onChange: (given: Given) => void }) {
  const name = fieldId(`${path}.given`);
  return (
    <div role="radiogroup" aria-label={`${label}: a value or a range`} className="flex gap-3 text-xs text-slate-700">
      {(["value", "range"] as const).map((given) => (
        <label key={given} className="flex items-center gap-1">
          <input type="radio" name={name} id={`${name}-${given}`} value={given} checked={value === given} onChange={() => onChange(given)} />
          {given === "value" ? "a value" : "a range"}
        </label>
      ))}
    </div>
  );
}

interface ValueOrRangeFieldProps {
  path: string;
  label: string;
  value: ValueOrRangeForm;
  onChange: (value: ValueOrRangeForm) => void;
  /** Canonical unit(s) in mathjs syntax for the preview; none: no preview. */
  target?: readonly string[];
  placeholderUnit?: string;
  className?: string;
}

/** A number or a range (min–max) with the unit the paper wrote, and how the paper prints it. */
export function ValueOrRangeField({ path, label, value, onChange, target, placeholderUnit, className }: ValueOrRangeFieldProps) {
  const { touch } = useContext(ErrorsContext);
  const messages = useFieldErrors([path, `${path}.value`, `${path}.min`, `${path}.max`, `${path}.unit`, `${path}.reported`]);
  const id = fieldId(path);
  const hintId = useId();
  const preview = target ? numbersPreview(value, value.unit, target) : null;
  const input = (field: "value" | "min" | "max" | "unit" | "reported", name: string, width: string, placeholder?: string) => (
    <input
      id={fieldId(`${path}.${field}`)}
      aria-label={`${label}: ${name}`}
      className={`${inputClass} ${width}`}
      inputMode={field === "unit" || field === "reported" ? undefined : "decimal"}
      autoComplete="off"
      placeholder={placeholder}
      value={value[field]}
      aria-invalid={messages.length > 0}
      aria-describedby={`${target ? hintId : ""} ${messages.length ? `${id}-err` : ""}`.trim() || undefined}
      onBlur={() => touch(path)}
      onChange={(e) => onChange({ ...value, [field]: e.target.value })}
    />
  );
  return (
    <fieldset className={className}>
      <legend className={labelClass}>{label}</legend>
      <GivenSwitch path={path} label={label} value={value.given} onChange={(given) => onChange({ ...value, given })} />
      <div className="flex gap-1">
        {value.given === "range" ? (
          <>
            {input("min", "min", "w-16")}
            <span aria-hidden="true" className="self-center">
              –
            </span>
            {input("max", "max", "w-16")}
          </>
        ) : (
          input("value", "value", "w-24")
        )}
        {input("unit", "unit", "w-28", placeholderUnit)}
      </div>
      {input("reported", "as printed", "mt-1", "as printed (optional)")}
      {target ? (
        <p
          id={hintId}
          className={`mt-0.5 min-h-4 text-xs ${preview && !preview.ok ? "text-amber-700" : "text-slate-500"}`}
          aria-live="polite"
          data-testid="canonical"
        >
          {/* One message per problem: once the field's own error shows, the preview does not repeat it. */}
          {preview ? (preview.ok ? `= ${preview.text}` : messages.length ? "" : preview.text) : ""}
        </p>
      ) : null}
      <FieldErrors id={`${id}-err`} messages={messages} />
    </fieldset>
  );
}

interface QuantityFieldProps {
  path: string;
  label: string;
  value: QuantityForm;
  onChange: (value: QuantityForm) => void;
  /** Canonical unit(s) in mathjs syntax, the first that fits is shown. */
  target: string | readonly string[];
  placeholderUnit?: string;
  className?: string;
}

/** A number with the unit the paper wrote, and its canonical value as you type. */
export function QuantityField({ path, label, value, onChange, target, placeholderUnit, className }: QuantityFieldProps) {
  const { touch } = useContext(ErrorsContext);
  const messages = useFieldErrors([path, `${path}.value`, `${path}.unit`]);
  const id = fieldId(path);
  const hintId = useId();
  const preview = value.value.trim() ? canonicalPreview(value.value, value.unit, target) : null;
  return (
    <fieldset className={className}>
      <legend className={labelClass}>{label}</legend>
      <div className="flex gap-1">
        <input
          id={fieldId(`${path}.value`)}
          aria-label={`${label}: value`}
          className={`${inputClass} w-24`}
          inputMode="decimal"
          autoComplete="off"
          value={value.value}
          aria-invalid={messages.length > 0}
          aria-describedby={`${hintId} ${messages.length ? `${id}-err` : ""}`.trim()}
          onBlur={() => touch(path)}
          onChange={(e) => onChange({ ...value, value: e.target.value })}
        />
        <input
          id={fieldId(`${path}.unit`)}
          aria-label={`${label}: unit`}
          className={`${inputClass} w-28`}
          autoComplete="off"
          placeholder={placeholderUnit}
          value={value.unit}
          aria-invalid={messages.length > 0}
          aria-describedby={hintId}
          onBlur={() => touch(path)}
          onChange={(e) => onChange({ ...value, unit: e.target.value })}
        />
      </div>
      <p
        id={hintId}
        className={`mt-0.5 min-h-4 text-xs ${preview && !preview.ok ? "text-amber-700" : "text-slate-500"}`}
        aria-live="polite"
        data-testid="canonical"
      >
        {/* One message per problem: once the field's own error shows, the preview does not repeat it. */}
        {preview ? (preview.ok ? `= ${preview.text}` : messages.length ? "" : preview.text) : ""}
      </p>
      <FieldErrors id={`${id}-err`} messages={messages} />
    </fieldset>
  );
}

interface RowControlsProps {
  /** "measurement 2 of FeS₂": names the row for screen readers. */
  what: string;
  rowId: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: () => void;
}

const smallButton = "rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100 disabled:opacity-40";

/** Move up, move down, remove: plain buttons, so the keyboard can do all of it. */
export function RowControls({ what, rowId, index, count, onMove, onRemove }: RowControlsProps) {
  return (
    <div className="flex gap-1" role="group" aria-label={`Arrange ${what}`}>
      <button
        type="button"
        id={`${rowId}-up`}
        className={smallButton}
        disabled={index === 0}
        aria-label={`Move ${what} up`}
        onClick={() => onMove(index, index - 1)}
      >
        ↑ Up
      </button>
      <button
        type="button"
        id={`${rowId}-down`}
        className={smallButton}
        disabled={index === count - 1}
        aria-label={`Move ${what} down`}
        onClick={() => onMove(index, index + 1)}
      >
        ↓ Down
      </button>
      <button type="button" className={`${smallButton} text-red-700`} aria-label={`Remove ${what}`} onClick={onRemove}>
        Remove
      </button>
    </div>
  );
}

export const primaryButton = "rounded bg-brand px-3 py-1.5 text-sm font-medium text-white shadow-sm hover:opacity-90 disabled:opacity-50";
export const secondaryButton = "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm text-slate-800 shadow-sm hover:bg-slate-100 disabled:opacity-50";
