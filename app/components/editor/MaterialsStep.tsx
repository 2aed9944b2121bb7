import { BATTERY_SYSTEMS, ROLES } from "@/lib/records/schema";
import { slugify, type MaterialForm } from "@/lib/editing/form";
import { MATERIAL_CLASSES, materialClassOf } from "@/lib/records/material-classes";
import { RowControls, secondaryButton, SelectField, TextField } from "./fields";
import type { Edit, RowsProps } from "./editorState";

export function MaterialsStep({ materials, edit, onAdd, onMove, onRemove }: RowsProps & { materials: MaterialForm[] }) {
  return (
    <div className="space-y-4">
      {materials.length === 0 ? <p className="text-sm text-slate-600">No materials yet. A paper usually reports its main material and its controls.</p> : null}
      <ol className="space-y-4">
        {materials.map((m, i) => (
          <li key={m.uid}>
            <MaterialRow m={m} i={i} count={materials.length} edit={edit} onMove={onMove} onRemove={onRemove} />
          </li>
        ))}
      </ol>
      <button type="button" className={secondaryButton} onClick={onAdd}>
        + Add material
      </button>
    </div>
  );
}

function MaterialRow({
  m,
  i,
  count,
  edit,
  onMove,
  onRemove,
}: {
  m: MaterialForm;
  i: number;
  count: number;
  edit: Edit;
  onMove: RowsProps["onMove"];
  onRemove: RowsProps["onRemove"];
}) {
  const path = `materials[${i}]`;
  const set =
    (
      key: "key" | "name" | "formula" | "elements" | "role" | "batterySystem" | "materialClass" | "classNote" | "description" | "components" | "citedReference",
    ) =>
    (value: string) =>
      edit((d) => {
        const x = d.materials[i]!;
        // The key follows the name until it is edited by hand.
        if (key === "name" && (!x.key || x.key === slugify(x.name))) x.key = slugify(value);
        x[key] = value;
      });
  const label = `material ${i + 1}${m.name ? ` (${m.name})` : ""}`;
  return (
    <fieldset className="rounded border border-slate-200 p-3" data-testid="material-row">
      <legend className="px-1 text-sm font-medium">
        Material {i + 1}
        {m.name ? `: ${m.name}` : ""}
      </legend>
      <div className="mb-2 flex justify-end">
        <RowControls what={label} rowId={m.uid} index={i} count={count} onMove={(a, b) => onMove(a, b, m.uid)} onRemove={() => onRemove(i)} />
      </div>
      <div className="grid gap-3 md:grid-cols-6">
        <TextField
          className="md:col-span-3"
          path={`${path}.name`}
          label="Name as the paper writes it"
          value={m.name}
          onChange={set("name")}
          required
          placeholder="FeS₂ QD/MXene"
        />
        <TextField
          className="md:col-span-3"
          path={`${path}.key`}
          label="Key (unique in the paper)"
          value={m.key}
          onChange={set("key")}
          required
          hint="lower-case slug; follows the name until you edit it"
        />
        <TextField
          className="md:col-span-2"
          path={`${path}.formula`}
          label="Formula (ASCII, components by /)"
          value={m.formula}
          onChange={set("formula")}
          placeholder="FeS2/Ti3C2Tx"
        />
        <TextField
          className="md:col-span-2"
          path={`${path}.elements`}
          label="Elements (blank: from the formula)"
          value={m.elements}
          onChange={set("elements")}
          placeholder="Fe S Ti C"
        />
        <SelectField
          className="md:col-span-2"
          path={`${path}.materialClass`}
          label="Material class"
          value={m.materialClass}
          onChange={set("materialClass")}
          // A class typed before the list stays shown until another is chosen (it saves as "other" with its text as the note).
          options={[
            ...MATERIAL_CLASSES.map((c) => ({ value: c.value, label: c.value, group: c.group })),
            ...(m.materialClass && !materialClassOf(m.materialClass) ? [{ value: m.materialClass, label: m.materialClass, group: "Not in the list" }] : []),
          ]}
          required
        />
        <TextField
          className="md:col-span-2"
          path={`${path}.classNote`}
          label="Class note"
          value={m.classNote}
          onChange={set("classNote")}
          placeholder="high-entropy O3-type"
          hint="what the class alone does not say"
        />
        <SelectField className="md:col-span-2" path={`${path}.role`} label="Role" value={m.role} onChange={set("role")} options={ROLES} required />
        <SelectField
          className="md:col-span-2"
          path={`${path}.batterySystem`}
          label="Battery system"
          value={m.batterySystem}
          onChange={set("batterySystem")}
          options={BATTERY_SYSTEMS}
          required
        />
        <div className="flex items-end md:col-span-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={m.isControl} onChange={(e) => edit((d) => void (d.materials[i]!.isControl = e.target.checked))} />
            Control (not the paper's main material)
          </label>
        </div>
        <TextField
          className="md:col-span-6"
          path={`${path}.description`}
          label="Description"
          value={m.description}
          onChange={set("description")}
          multiline={2}
        />
        <TextField
          className="md:col-span-3"
          path={`${path}.components`}
          label="Built from (optional, for cells)"
          value={m.components}
          onChange={set("components")}
          placeholder="fes2-qd-mxene, nvp"
          hint="a full or symmetric cell: the keys of this paper's materials it is made of, e.g. its anode and cathode"
        />
        <TextField
          className="md:col-span-3"
          path={`${path}.citedReference`}
          label="Cited reference (reviews)"
          value={m.citedReference}
          onChange={set("citedReference")}
        />
      </div>
    </fieldset>
  );
}
