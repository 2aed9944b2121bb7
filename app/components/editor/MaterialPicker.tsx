import type { MaterialForm } from "@/lib/editing/form";

/** Which material the synthesis and measurement steps show, with how many rows each has. */
export function MaterialPicker({
  materials,
  names,
  index,
  rows,
  onPick,
}: {
  materials: MaterialForm[];
  names: string[];
  index: number;
  rows: "synthesis" | "measurements";
  onPick: (index: number) => void;
}) {
  return (
    <div className="max-w-md">
      <label htmlFor="material-picker" className="block text-xs font-medium text-slate-600">
        Material
      </label>
      <select
        id="material-picker"
        className="w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm"
        value={Math.min(index, materials.length - 1)}
        onChange={(e) => onPick(Number(e.target.value))}
      >
        {materials.map((m, i) => (
          <option key={m.uid} value={i}>
            {names[i]} ({rows === "synthesis" ? `${m.synthesis.length} step(s)` : `${m.measurements.length} measurement(s)`})
          </option>
        ))}
      </select>
    </div>
  );
}
