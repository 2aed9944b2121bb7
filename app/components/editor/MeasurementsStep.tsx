import { useContext } from "react";
import type { Draft } from "immer";
import { QUALIFIERS } from "@/lib/records/schema";
import { SCOPES, SCOPE_TEXT, type Scope } from "@/lib/records/scope";
import { PROPERTIES, PROPERTY_GROUP_LABELS, property as propertyDef } from "@/lib/units/properties";
import { CONDITIONS, type ConditionDefinition } from "@/lib/units/conditions";
import { parseNumber } from "@/lib/units/numbers";
import { quoteStatesValue } from "@/lib/records/provenance";
import {
  conditionTyped,
  duplicateMeasurement,
  emptyInput,
  fieldId,
  type DerivationForm,
  type MaterialForm,
  type MeasurementForm,
  type QuantityForm,
  type RangeForm,
  type ValueOrRangeForm,
} from "@/lib/editing/form";
import {
  ErrorsContext,
  FieldErrors,
  GivenSwitch,
  numbersPreview,
  QuantityField,
  RowControls,
  secondaryButton,
  SelectField,
  TextField,
  ValueOrRangeField,
} from "./fields";
import type { Edit, RowsProps } from "./editorState";

// A label that already names its unit ("Cycle life (cycles)") is not given it twice; a unitless property gets none.
const PROPERTY_OPTIONS = PROPERTIES.map((p) => ({
  value: p.key,
  label: p.display === "–" || p.label.endsWith(`(${p.display})`) || /\)$/.test(p.label) ? p.label : `${p.label} (${p.display})`,
  group: PROPERTY_GROUP_LABELS[p.group],
}));
const SCOPE_OPTIONS = SCOPES.map((s) => ({ value: s, label: SCOPE_TEXT[s].heading }));

/** The measurement's fields that hold typed text. */
type TextKey = Exclude<{ [K in keyof MeasurementForm]: MeasurementForm[K] extends string ? K : never }[keyof MeasurementForm], "given" | "uid">;

export function MeasurementsStep({ material, mi, name, edit, onAdd, onMove, onRemove }: RowsProps & { material: MaterialForm; mi: number; name: string }) {
  return (
    <div className="space-y-3">
      {material.measurements.length === 0 ? <p className="text-sm text-slate-600">No measurements for {name} yet.</p> : null}
      <ol className="space-y-3">
        {material.measurements.map((x, ki) => (
          <li key={x.uid}>
            <MeasurementRow x={x} mi={mi} ki={ki} count={material.measurements.length} name={name} edit={edit} onMove={onMove} onRemove={onRemove} />
          </li>
        ))}
      </ol>
      <button type="button" className={secondaryButton} onClick={onAdd}>
        + Add measurement to {name}
      </button>
    </div>
  );
}

function MeasurementRow({
  x,
  mi,
  ki,
  count,
  name,
  edit,
  onMove,
  onRemove,
}: {
  x: MeasurementForm;
  mi: number;
  ki: number;
  count: number;
  name: string;
  edit: Edit;
  onMove: RowsProps["onMove"];
  onRemove: RowsProps["onRemove"];
}) {
  const path = `materials[${mi}].measurements[${ki}]`;
  const def = propertyDef(x.property);
  const change = (apply: (row: Draft<MeasurementForm>) => void) => edit((d) => apply(d.materials[mi]!.measurements[ki]!));
  const set = (key: TextKey) => (value: string) =>
    change((row) => {
      // Picking a property proposes its canonical unit when none was typed.
      if (key === "property" && !row.unit.trim()) row.unit = propertyDef(value)?.display.replace(/^–$/, "") ?? "";
      row[key] = value;
    });
  const setCondition = (key: string) => (value: ConditionValue) =>
    change((row) => void ((row.conditions as unknown as Record<string, ConditionValue>)[key] = value));
  const unit = x.unitReadAs.trim() || x.unit;
  const preview = def ? numbersPreview(x, unit, def.unit, x.property) : null;
  const c = x.conditions;
  const hasConditions = CONDITIONS.some((def) => conditionTyped((c as unknown as Record<string, ConditionValue>)[def.key]!));
  // A number the quote does not state is most often a typo (105 for the quote's 150): said, not refused.
  const quoteMisses = numbersNotIn(x);
  const valueErrors = useValueErrors(path);
  const { errors: allErrors, shown } = useContext(ErrorsContext);
  // Once the unit's own error shows, the preview does not repeat it.
  const unitErrorShown = [`${path}.unit`, `${path}.unitReadAs`].some((p) => shown(p) && (allErrors.get(p)?.length ?? 0) > 0);
  const scope = SCOPE_TEXT[x.scope as Scope];
  return (
    <fieldset className="rounded border border-slate-200 p-3" data-testid="measurement-row">
      <legend className="px-1 text-sm font-medium">
        Measurement {ki + 1}
        {def ? `: ${def.label}` : ""}
      </legend>
      <div className="mb-2 flex justify-end gap-2">
        <button
          type="button"
          className="rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:bg-slate-100"
          aria-label={`Duplicate measurement ${ki + 1} of ${name} (keeps property, unit and conditions)`}
          onClick={() => {
            edit((d) => void d.materials[mi]!.measurements.splice(ki + 1, 0, duplicateMeasurement(x)));
            setTimeout(() => document.getElementById(fieldId(`materials[${mi}].measurements[${ki + 1}].${x.given === "range" ? "min" : "value"}`))?.focus(), 0);
          }}
        >
          Duplicate
        </button>
        <RowControls
          what={`measurement ${ki + 1} of ${name}`}
          rowId={x.uid}
          index={ki}
          count={count}
          onMove={(a, b) => onMove(a, b, x.uid)}
          onRemove={() => onRemove(ki)}
        />
      </div>
      <div className="grid gap-3 md:grid-cols-6">
        <SelectField
          className="md:col-span-3"
          path={`${path}.property`}
          label="Property"
          value={x.property}
          onChange={set("property")}
          options={PROPERTY_OPTIONS}
          required
          empty="— pick a property —"
        />
        <SelectField
          className="md:col-span-1"
          path={`${path}.qualifier`}
          label="Qualifier"
          value={x.qualifier}
          onChange={set("qualifier")}
          options={QUALIFIERS.filter((qq) => qq !== "=")}
          empty="="
        />
        <SelectField
          className="md:col-span-2"
          path={`${path}.scope`}
          label="What the number is about"
          value={x.scope}
          onChange={set("scope")}
          options={SCOPE_OPTIONS}
          empty={null}
          hint={scope?.description}
        />
        <div className="md:col-span-6">
          <GivenSwitch path={path} label={`Measurement ${ki + 1}`} value={x.given} onChange={(given) => change((row) => void (row.given = given))} />
          <div className="flex flex-wrap gap-1">
            {x.given === "range" ? (
              <>
                <TextField className="w-28" path={`${path}.min`} label="Min" value={x.min} onChange={set("min")} required inputMode="decimal" />
                <TextField className="w-28" path={`${path}.max`} label="Max" value={x.max} onChange={set("max")} required inputMode="decimal" />
              </>
            ) : (
              <TextField className="w-28" path={`${path}.value`} label="Value" value={x.value} onChange={set("value")} required inputMode="decimal" />
            )}
            <TextField className="w-40" path={`${path}.unit`} label="Unit as in the paper" value={x.unit} onChange={set("unit")} placeholder={def?.display} />
            <TextField
              className="w-56"
              path={`${path}.unitReadAs`}
              label="Unit read as"
              value={x.unitReadAs}
              onChange={set("unitReadAs")}
              hint="only when the printed unit is a slip or missing"
            />
            <TextField
              className="min-w-48 flex-1"
              path={`${path}.reported`}
              label="As printed (optional)"
              value={x.reported}
              onChange={set("reported")}
              placeholder={x.given === "range" ? "between 6.4×10⁻¹¹ and 2.5×10⁻⁹" : undefined}
            />
          </div>
          <p className={`mt-0.5 min-h-4 text-xs ${preview && !preview.ok ? "text-amber-700" : "text-slate-500"}`} aria-live="polite" data-testid="canonical">
            {preview ? (preview.ok ? `= ${preview.text} (canonical)` : unitErrorShown ? "" : preview.text) : def ? `canonical unit: ${def.display}` : ""}
          </p>
          <FieldErrors id={`${fieldId(path)}-row-err`} messages={valueErrors} />
        </div>
        <TextField
          className="md:col-span-2"
          path={`${path}.location`}
          label="Where (Fig., Table, Sect.)"
          value={x.location}
          onChange={set("location")}
          placeholder="Fig. 4c"
        />
        <SelectField
          className="md:col-span-1"
          path={`${path}.source`}
          label="Source"
          value={x.source}
          onChange={set("source")}
          options={["stated", "derived"]}
          empty="stated"
          hint="stated: the paper prints it; derived: you computed it from numbers the paper prints"
        />
        <TextField
          className="md:col-span-3"
          path={`${path}.subject`}
          label="Subject (optional)"
          value={x.subject}
          onChange={set("subject")}
          placeholder="Na⁺ on FeS₂ (100)"
          hint="what the number is about when the property alone does not say it"
        />
        {x.source === "derived" ? (
          <DerivationFields
            className="md:col-span-6"
            path={`${path}.derivation`}
            derivation={x.derivation}
            change={(apply) => change((row) => apply(row.derivation))}
          />
        ) : null}
        <TextField
          className="md:col-span-6"
          path={`${path}.quote`}
          label="Quote (verbatim sentence or table cell that states the number)"
          value={x.quote}
          onChange={set("quote")}
          multiline={2}
          required
          hint={
            quoteMisses.length ? (
              <span className="text-amber-800" data-testid="quote-warning">
                The quote does not state {quoteMisses.join(" or ")}: check the number or the quote.
              </span>
            ) : undefined
          }
        />
        <details className="md:col-span-6 rounded border border-slate-200 bg-slate-50 p-2" open>
          <summary className="cursor-pointer text-sm font-medium">Conditions{hasConditions ? " (set)" : ""}</summary>
          <div className="mt-2 grid gap-3 md:grid-cols-4">
            {CONDITIONS.map((def) => (
              <ConditionField
                key={def.key}
                def={def}
                path={`${path}.conditions.${def.key}`}
                value={(c as unknown as Record<string, ConditionValue>)[def.key]!}
                onChange={setCondition(def.key)}
                qualifier={c.qualifiers[def.key]}
                onQualifier={(q) => change((row) => void (row.conditions.qualifiers[def.key] = q))}
              />
            ))}
          </div>
        </details>
        <TextField className="md:col-span-6" path={`${path}.note`} label="Note" value={x.note} onChange={set("note")} />
      </div>
    </fieldset>
  );
}

/** How a derived number was computed: a formula over named inputs, each a number the paper states. */
function DerivationFields({
  path,
  derivation,
  change,
  className,
}: {
  path: string;
  derivation: DerivationForm;
  change: (apply: (d: Draft<DerivationForm>) => void) => void;
  className?: string;
}) {
  const errors = useValueErrors(path);
  return (
    <fieldset id={fieldId(path)} tabIndex={-1} className={`rounded border border-slate-200 bg-slate-50 p-2 ${className ?? ""}`} data-testid="derivation">
      <legend className="px-1 text-sm font-medium">How the number was derived</legend>
      <TextField
        path={`${path}.formula`}
        label="Formula over the input names"
        value={derivation.formula}
        onChange={(formula) => change((d) => void (d.formula = formula))}
        placeholder="after - before"
        hint="units are kept: m / A with m in mg and A in cm2 gives mg cm-2"
        required
      />
      <FieldErrors id={`${fieldId(path)}-row-err`} messages={errors} />
      <ol className="mt-2 space-y-2">
        {derivation.inputs.map((input, i) => {
          const ip = `${path}.inputs[${i}]`;
          const what = `input ${input.name.trim() || i + 1}`;
          return (
            <li key={input.uid} className="grid gap-2 rounded border border-slate-200 bg-white p-2 md:grid-cols-6">
              <TextField
                className="md:col-span-1"
                path={`${ip}.name`}
                label="Name"
                value={input.name}
                onChange={(name) => change((d) => void (d.inputs[i]!.name = name))}
                placeholder="m"
                required
              />
              <ValueOrRangeField
                className="md:col-span-2"
                path={ip}
                label={`Value of ${what}`}
                value={input}
                onChange={(value) => change((d) => void Object.assign(d.inputs[i]!, value))}
              />
              <TextField
                className="md:col-span-2"
                path={`${ip}.quote`}
                label="Quote (optional)"
                value={input.quote}
                onChange={(quote) => change((d) => void (d.inputs[i]!.quote = quote))}
                multiline={2}
              />
              <div className="self-end md:col-span-1">
                <button type="button" className={secondaryButton} aria-label={`Remove ${what}`} onClick={() => change((d) => void d.inputs.splice(i, 1))}>
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <button type="button" className={`mt-2 ${secondaryButton}`} onClick={() => change((d) => void d.inputs.push(emptyInput()))}>
        + Add input
      </button>
    </fieldset>
  );
}

/** Errors of a measurement that belong to the row itself (a refine on the whole row). */
function useValueErrors(path: string): string[] {
  const { errors, shown } = useContext(ErrorsContext);
  return shown(path) ? (errors.get(path) ?? []) : [];
}

/** What one condition's field holds (the kind of field follows the catalogue entry). */
type ConditionValue = QuantityForm | RangeForm | ValueOrRangeForm | string;

/** The numbers of a row (value, or min and max) its quote does not state, once both are typed. */
function numbersNotIn(x: MeasurementForm): string[] {
  if (!x.quote.trim()) return [];
  const typed = x.given === "range" ? [x.min, x.max] : [x.value];
  return typed.filter((t) => {
    const n = parseNumber(t);
    return n !== null && !quoteStatesValue(x.quote, n);
  });
}

/** The field of one condition of the catalogue, by how a record writes it. */
function ConditionField(props: {
  def: ConditionDefinition;
  path: string;
  value: ConditionValue;
  onChange: (value: ConditionValue) => void;
  /** For a numeric condition: "" (as stated), "≈", ">", … */
  qualifier?: string;
  onQualifier: (qualifier: string) => void;
}) {
  if (props.qualifier === undefined) return <ConditionInput {...props} />;
  // Level with the value's input: below the label, and below the value/range switch where there is one.
  const level = props.def.kind === "quantity" && props.def.ranges ? "mt-[2.6rem]" : "mt-[1.15rem]";
  return (
    <div className="flex items-start gap-1">
      <select
        aria-label={`${props.def.label}: qualifier`}
        id={fieldId(`${props.path.replace(/\.conditions\./, ".conditions.qualifiers.")}`)}
        className={`${level} rounded border border-slate-300 px-0.5 py-1 text-sm`}
        value={props.qualifier}
        onChange={(e) => props.onQualifier(e.target.value)}
      >
        <option value="">=</option>
        {QUALIFIERS.filter((q) => q !== "=").map((q) => (
          <option key={q}>{q}</option>
        ))}
      </select>
      <ConditionInput {...props} />
    </div>
  );
}

function ConditionInput({
  def,
  path,
  value,
  onChange,
}: {
  def: ConditionDefinition;
  path: string;
  value: ConditionValue;
  onChange: (value: ConditionValue) => void;
}) {
  const target = def.columns.map((col) => col.unit ?? "");
  switch (def.kind) {
    case "quantity":
      return def.ranges ? (
        <ValueOrRangeField
          path={path}
          label={def.label}
          value={value as ValueOrRangeForm}
          onChange={onChange}
          target={target}
          placeholderUnit={def.placeholder}
        />
      ) : (
        <QuantityField path={path} label={def.label} value={value as QuantityForm} onChange={onChange} target={target} placeholderUnit={def.placeholder} />
      );
    case "range":
      return <RangeField path={path} label={def.label} value={value as RangeForm} onChange={onChange} placeholderUnit={def.placeholder} />;
    case "choice":
      return <SelectField path={path} label={def.label} value={value as string} onChange={onChange} options={def.options ?? []} empty="—" />;
    default:
      return (
        <TextField
          path={path}
          label={def.label}
          value={value as string}
          onChange={onChange}
          inputMode={def.kind === "number" ? "decimal" : def.kind === "count" ? "numeric" : undefined}
          placeholder={def.placeholder}
        />
      );
  }
}

/** Min, max and one unit (a voltage window). */
function RangeField({
  path,
  label,
  value,
  onChange,
  placeholderUnit,
}: {
  path: string;
  label: string;
  value: RangeForm;
  onChange: (value: RangeForm) => void;
  placeholderUnit?: string;
}) {
  const input = "rounded border border-slate-300 px-1 py-1 text-sm";
  return (
    <fieldset>
      <legend className="block text-xs font-medium text-slate-600">{label}</legend>
      <div className="flex gap-1">
        <input
          aria-label={`${label}: min`}
          id={fieldId(`${path}.min`)}
          className={`w-16 ${input}`}
          inputMode="decimal"
          value={value.min}
          onChange={(e) => onChange({ ...value, min: e.target.value })}
        />
        <span aria-hidden="true" className="self-center">
          –
        </span>
        <input
          aria-label={`${label}: max`}
          id={fieldId(`${path}.max`)}
          className={`w-16 ${input}`}
          inputMode="decimal"
          value={value.max}
          onChange={(e) => onChange({ ...value, max: e.target.value })}
        />
        <input
          aria-label={`${label}: unit`}
          id={fieldId(`${path}.unit`)}
          className={`w-14 ${input}`}
          placeholder={placeholderUnit}
          value={value.unit}
          onChange={(e) => onChange({ ...value, unit: e.target.value })}
        />
      </div>
      <RangeErrors path={path} />
    </fieldset>
  );
}

function RangeErrors({ path }: { path: string }) {
  const { errors, shown } = useContext(ErrorsContext);
  const messages = [path, `${path}.min`, `${path}.max`, `${path}.unit`].flatMap((p) => (shown(p) || shown(path) ? (errors.get(p) ?? []) : []));
  return <FieldErrors id={`${fieldId(path)}-err`} messages={messages} />;
}
