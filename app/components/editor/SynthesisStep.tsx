import type { MaterialForm, QuantityForm, StepForm } from "@/lib/editing/form";
import { QuantityField, RowControls, secondaryButton, TextField } from "./fields";
import type { Edit, RowsProps } from "./editorState";

export function SynthesisStep({ material, mi, name, edit, onAdd, onMove, onRemove }: RowsProps & { material: MaterialForm; mi: number; name: string }) {
  return (
    <div className="space-y-3">
      {material.synthesis.length === 0 ? <p className="text-sm text-slate-600">No synthesis steps for {name} yet.</p> : null}
      <ol className="space-y-3">
        {material.synthesis.map((s, si) => (
          <li key={s.uid}>
            <StepRow s={s} mi={mi} si={si} count={material.synthesis.length} name={name} edit={edit} onMove={onMove} onRemove={onRemove} />
          </li>
        ))}
      </ol>
      <button type="button" className={secondaryButton} onClick={onAdd}>
        + Add synthesis step to {name}
      </button>
    </div>
  );
}

function StepRow({
  s,
  mi,
  si,
  count,
  name,
  edit,
  onMove,
  onRemove,
}: {
  s: StepForm;
  mi: number;
  si: number;
  count: number;
  name: string;
  edit: Edit;
  onMove: RowsProps["onMove"];
  onRemove: RowsProps["onRemove"];
}) {
  const path = `materials[${mi}].synthesis[${si}]`;
  const setText = (key: "action" | "reagents" | "atmosphere" | "notes" | "quote") => (value: string) =>
    edit((d) => void (d.materials[mi]!.synthesis[si]![key] = value));
  const setQ = (key: "temperature" | "duration" | "rampRate") => (value: QuantityForm) => edit((d) => void (d.materials[mi]!.synthesis[si]![key] = value));
  return (
    <fieldset className="rounded border border-slate-200 p-3" data-testid="step-row">
      <legend className="px-1 text-sm font-medium">
        Step {si + 1}
        {s.action ? `: ${s.action}` : ""}
      </legend>
      <div className="mb-2 flex justify-end">
        <RowControls
          what={`synthesis step ${si + 1} of ${name}`}
          rowId={s.uid}
          index={si}
          count={count}
          onMove={(a, b) => onMove(a, b, s.uid)}
          onRemove={() => onRemove(si)}
        />
      </div>
      <div className="grid gap-3 md:grid-cols-6">
        <TextField
          className="md:col-span-2"
          path={`${path}.action`}
          label="Action"
          value={s.action}
          onChange={setText("action")}
          required
          placeholder="anneal, hydrothermal, ball-mill…"
        />
        <QuantityField
          className="md:col-span-2"
          path={`${path}.temperature`}
          label="Temperature"
          value={s.temperature}
          onChange={setQ("temperature")}
          target="degC"
          placeholderUnit="°C"
        />
        <QuantityField
          className="md:col-span-2"
          path={`${path}.duration`}
          label="Duration"
          value={s.duration}
          onChange={setQ("duration")}
          target="h"
          placeholderUnit="h"
        />
        <QuantityField
          className="md:col-span-2"
          path={`${path}.rampRate`}
          label="Ramp rate"
          value={s.rampRate}
          onChange={setQ("rampRate")}
          target="degC/min"
          placeholderUnit="°C min-1"
        />
        <TextField
          className="md:col-span-2"
          path={`${path}.atmosphere`}
          label="Atmosphere"
          value={s.atmosphere}
          onChange={setText("atmosphere")}
          placeholder="Ar"
        />
        <TextField
          className="md:col-span-2"
          path={`${path}.reagents`}
          label="Reagents (one a line: name | amount | concentration)"
          value={s.reagents}
          onChange={setText("reagents")}
          multiline={2}
          placeholder="NaOH | 2 mmol | 0.5 M"
        />
        <TextField className="md:col-span-3" path={`${path}.notes`} label="Notes" value={s.notes} onChange={setText("notes")} multiline={2} />
        <TextField
          className="md:col-span-3"
          path={`${path}.quote`}
          label="Quote (verbatim from the paper)"
          value={s.quote}
          onChange={setText("quote")}
          multiline={2}
        />
      </div>
    </fieldset>
  );
}
