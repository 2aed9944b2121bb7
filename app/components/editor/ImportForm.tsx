"use client";

import { useState } from "react";
import { writeJson } from "./api";
import { paperPath } from "@/lib/materials/paths";
import { primaryButton } from "./fields";

interface Summary {
  papers: { doi: string; action: "created" | "replaced"; materials: number; measurements: number }[];
}

/** Upload a JSON record file: validated like `matlit import`, loaded all or nothing. */
export function ImportForm() {
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Summary | null>(null);
  const [error, setError] = useState<{ message: string; details: { path: string; message: string }[] } | null>(null);

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setResult(null);
    setError(null);
    try {
      const text = await file.text();
      try {
        JSON.parse(text);
      } catch (x) {
        setError({ message: `${file.name} is not valid JSON: ${x instanceof Error ? x.message : String(x)}`, details: [] });
        return;
      }
      const r = await writeJson("/api/import", "POST", text);
      if (r.ok) setResult(r.data as Summary);
      else
        setError({
          message: r.error?.message ?? `error ${r.status}`,
          details: Array.isArray(r.error?.details) ? (r.error!.details as { path: string; message: string }[]) : [],
        });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="space-y-4">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-4 shadow-sm">
        <div>
          <label htmlFor="record-file" className="block text-sm font-medium text-slate-700">
            Record file (.json)
          </label>
          <input id="record-file" type="file" accept="application/json,.json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} className="mt-1 text-sm" />
        </div>
        <button type="submit" className={primaryButton} disabled={!file || busy}>
          {busy ? "Importing…" : "Validate and import"}
        </button>
      </form>
      {error ? (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm" data-testid="import-errors">
          <p className="font-medium text-red-800">{error.message}</p>
          {error.details.length ? (
            <ul className="mt-1 max-h-96 list-disc overflow-auto pl-5 text-red-900">
              {error.details.map((d, i) => (
                <li key={i}>
                  <code>{d.path}</code>: {d.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {result ? (
        <div role="status" className="rounded border border-emerald-300 bg-emerald-50 p-3 text-sm" data-testid="import-result">
          <p className="font-medium text-emerald-900">Imported {result.papers.length} paper(s).</p>
          <ul className="mt-1 list-disc pl-5">
            {result.papers.map((p) => (
              <li key={p.doi}>
                {p.action}{" "}
                <a className="text-brand underline" href={paperPath(p.doi)}>
                  {p.doi}
                </a>
                : {p.materials} material(s), {p.measurements} measurement(s)
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
