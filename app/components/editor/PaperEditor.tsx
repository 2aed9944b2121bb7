"use client";

import { useCallback, useContext, useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { BATTERY_SYSTEMS, QUALIFIERS, ROLES } from "@/lib/records/schema";
import { PROPERTIES, property as propertyDef } from "@/lib/units/properties";
import { CONDITIONS, type ConditionDefinition } from "@/lib/units/conditions";
import { FORMULAS } from "@/lib/formulas/catalogue";
import type { FieldError } from "@/lib/records/validate";
import {
  emptyMaterial,
  emptyMeasurement,
  emptyStep,
  fieldId,
  formToRecord,
  slugify,
  stepOfPath,
  STEPS,
  validateForm,
  type ConditionsForm,
  type EditorState,
  type MaterialForm,
  type MeasurementForm,
  type QuantityForm,
  type RangeForm,
  type StepForm,
  type StepKey,
} from "@/lib/editing/form";
import { canonicalPreview, ErrorsContext, FieldErrors, primaryButton, QuantityField, RowControls, secondaryButton, SelectField, TextField, type FormErrors } from "./fields";
import { writeJson } from "./api";
import { paperApiPath, paperEditPath } from "@/lib/materials/paths";

const AUTOSAVE_MS = 700;
const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

const GROUP_LABELS: Record<string, string> = {
  electrochemical: "Electrochemical",
  kinetics: "Kinetics",
  transport: "Transport",
  cell: "Cell",
  structure: "Structure",
  computation: "Computation (DFT)",
  "mechanical-thermal": "Mechanical and thermal",
  composition: "Composition",
};

const PROPERTY_OPTIONS = PROPERTIES.map((p) => ({ value: p.key, label: `${p.label} (${p.display})`, group: GROUP_LABELS[p.group] ?? p.group }));
const MATERIAL_CLASSES = ["metal sulfide", "metal oxide", "layered oxide", "polyanion", "MXene", "carbon", "alloy", "single-atom catalyst", "polymer electrolyte", "liquid electrolyte", "quasi-solid-state electrolyte", "sodium metal", "lithium metal", "full cell"];

export interface PaperEditorProps {
  mode: "new" | "edit";
  /** DOI of the paper being edited (edit mode). */
  originalDoi?: string;
  /** Version of the published paper this edit started from (edit mode): publishing checks it. */
  baseVersion?: number | null;
  draftId: string;
  initialState: EditorState;
  /** When the draft shown was last saved (a resumed draft). */
  savedAt?: string | null;
  /** Where to go when the draft is discarded. */
  discardTo: string;
}

type SaveStatus = { status: "idle" | "pending" | "saving" | "saved" | "error"; at?: string; message?: string };

function moveItem<T>(list: T[], from: number, to: number): void {
  if (to < 0 || to >= list.length) return;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item!);
}

export function PaperEditor({ mode, originalDoi, baseVersion, draftId, initialState, savedAt, discardTo }: PaperEditorProps) {
  const [state, setState] = useState<EditorState>(initialState);
  const [step, setStep] = useState<StepKey>("paper");
  const [materialIndex, setMaterialIndex] = useState(0);
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [publishError, setPublishError] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const [save, setSave] = useState<SaveStatus>(savedAt ? { status: "saved", at: savedAt } : { status: "idle" });
  const [doiConflict, setDoiConflict] = useState<{ doi: string; title: string; path: string } | null>(null);
  const [removed, setRemoved] = useState<{ label: string; undo: EditorState } | null>(null);

  const pendingFocus = useRef<string | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<unknown> | null>(null);
  const dirty = useRef(false);
  const finished = useRef(false);
  const first = useRef(true);
  const stateRef = useRef(state);
  stateRef.current = state;
  const summaryRef = useRef<HTMLDivElement>(null);

  /** Immutable edits written as mutations of a copy. */
  const edit = useCallback((change: (draft: EditorState) => void) => {
    setState((current) => {
      const next = structuredClone(current);
      change(next);
      return next;
    });
    setServerErrors([]);
  }, []);

  // The URL names the draft, so a reload or a shared link of one's own comes back to it.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.get("draft") !== draftId) {
      url.searchParams.set("draft", draftId);
      window.history.replaceState(window.history.state, "", url.toString());
    }
  }, [draftId]);

  // ---- autosave --------------------------------------------------------------------------
  const saveNow = useCallback(
    async (keepalive = false) => {
      if (finished.current || !dirty.current) return;
      dirty.current = false;
      const body = JSON.stringify({ doi: mode === "edit" ? (originalDoi ?? null) : null, state: stateRef.current, baseVersion: baseVersion ?? null });
      setSave((s) => ({ ...s, status: "saving" }));
      const run = writeJson(`/api/drafts/${draftId}`, "PUT", body, { keepalive: keepalive && body.length < 60_000 })
        .then((r) => {
          if (r.ok) setSave({ status: "saved", at: (r.data as { updatedAt: string }).updatedAt });
          else {
            dirty.current = true;
            setSave({ status: "error", message: r.error?.message ?? `error ${r.status}` });
          }
        })
        .catch((e: unknown) => {
          dirty.current = true;
          setSave({ status: "error", message: e instanceof Error ? e.message : String(e) });
        });
      inFlight.current = run;
      await run;
    },
    [draftId, mode, originalDoi, baseVersion],
  );

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    dirty.current = true;
    setSave((s) => (s.status === "error" || s.status === "pending" ? s : { ...s, status: "pending" }));
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
  }, [state, saveNow]);

  // Leaving the page (closing the tab, navigating) saves what is pending.
  useEffect(() => {
    const flush = () => {
      if (saveTimer.current) clearTimeout(saveTimer.current);
      void saveNow(true);
    };
    const onVisibility = () => document.visibilityState === "hidden" && flush();
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [saveNow]);

  // Retry a failed save every few seconds (the server may be restarting).
  useEffect(() => {
    if (save.status !== "error") return;
    const t = setTimeout(() => void saveNow(), 3000);
    return () => clearTimeout(t);
  }, [save, saveNow]);

  // ---- DOI already known? ----------------------------------------------------------------
  const doi = state.paper.doi.trim().toLowerCase();
  useEffect(() => {
    setDoiConflict(null);
    if (!DOI_PATTERN.test(doi) || (mode === "edit" && doi === originalDoi)) return;
    const controller = new AbortController();
    const t = setTimeout(async () => {
      try {
        const response = await fetch(paperApiPath(doi), { signal: controller.signal });
        if (response.ok) {
          const data = (await response.json()) as { paper: { doi: string; title: string }; path: string };
          setDoiConflict({ doi: data.paper.doi, title: data.paper.title, path: data.path });
        }
      } catch {
        // aborted or offline: no flag
      }
    }, 400);
    return () => {
      clearTimeout(t);
      controller.abort();
    };
  }, [doi, mode, originalDoi]);

  // ---- validation ------------------------------------------------------------------------
  const deferred = useDeferredValue(state);
  const clientErrors = useMemo(() => validateForm(deferred), [deferred]);
  const allErrors = serverErrors.length ? serverErrors : clientErrors;
  const errorMap = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const e of allErrors) map.set(e.path, [...(map.get(e.path) ?? []), e.message]);
    return map;
  }, [allErrors]);
  const formErrors: FormErrors = useMemo(
    () => ({
      errors: errorMap,
      shown: (path: string) => showAll || serverErrors.length > 0 || touched.has(path) || [...touched].some((t) => t.startsWith(`${path}.`) || path.startsWith(`${t}.`)),
      touch: (path: string) => setTouched((t) => (t.has(path) ? t : new Set(t).add(path))),
    }),
    [errorMap, showAll, serverErrors.length, touched],
  );
  const errorsByStep = useMemo(() => {
    const counts: Record<StepKey, number> = { paper: 0, materials: 0, synthesis: 0, measurements: 0 };
    for (const e of allErrors) counts[stepOfPath(e.path)]++;
    return counts;
  }, [allErrors]);

  // Focus a field that was just added or moved, once it is on screen.
  useEffect(() => {
    if (!pendingFocus.current) return;
    const el = document.getElementById(pendingFocus.current);
    if (el) {
      el.focus();
      pendingFocus.current = null;
    }
  });

  const goToError = (path: string) => {
    setStep(stepOfPath(path));
    const m = /^materials\[(\d+)\]/.exec(path);
    if (m) setMaterialIndex(Number(m[1]));
    pendingFocus.current = fieldId(path);
    // Quantity fields: focus the value input.
    setTimeout(() => {
      const el = document.getElementById(fieldId(path)) ?? document.getElementById(fieldId(`${path}.value`)) ?? document.getElementById(fieldId(path.replace(/\.(value|unit)$/, "") + ".value"));
      el?.focus();
    }, 50);
  };

  // ---- publishing ------------------------------------------------------------------------
  const publish = async () => {
    setPublishError(null);
    const problems = validateForm(state);
    if (problems.length) {
      setShowAll(true);
      setTimeout(() => summaryRef.current?.focus(), 0);
      return;
    }
    setPublishing(true);
    try {
      if (saveTimer.current) clearTimeout(saveTimer.current);
      await inFlight.current;
      const { record } = formToRecord(state);
      const target = mode === "new" ? `/api/papers?draft=${draftId}` : `${paperApiPath(originalDoi!)}?draft=${draftId}`;
      const r = await writeJson(target, mode === "new" ? "POST" : "PUT", record, baseVersion ? { headers: { "If-Match": `"${baseVersion}"` } } : {});
      if (r.ok) {
        finished.current = true;
        window.location.assign((r.data as { path: string }).path);
        return;
      }
      const details = Array.isArray(r.error?.details) ? (r.error!.details as FieldError[]) : [];
      if (details.length) setServerErrors(details);
      else if (r.error?.field) setServerErrors([{ path: r.error.field, message: r.error.message }]);
      setPublishError(r.error?.message ?? "publishing failed");
      setShowAll(true);
      setTimeout(() => summaryRef.current?.focus(), 0);
    } catch (e) {
      setPublishError(`publishing failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setPublishing(false);
    }
  };

  const discard = async () => {
    if (!window.confirm(mode === "new" ? "Discard this draft? What you typed is deleted." : "Discard your unpublished changes?")) return;
    finished.current = true;
    if (saveTimer.current) clearTimeout(saveTimer.current);
    await inFlight.current;
    await writeJson(`/api/drafts/${draftId}`, "DELETE");
    window.location.assign(discardTo);
  };

  const stepIndex = STEPS.findIndex((s) => s.key === step);
  const material = state.materials[materialIndex];
  const materialNames = state.materials.map((m, i) => m.name.trim() || `Material ${i + 1}`);

  const removeWithUndo = (label: string, change: (d: EditorState) => void) => {
    setRemoved({ label, undo: stateRef.current });
    edit(change);
  };

  return (
    <ErrorsContext.Provider value={formErrors}>
      <div className="space-y-4" data-testid="paper-editor">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-semibold">{mode === "new" ? "Add a paper" : `Edit ${originalDoi}`}</h1>
          <p className="text-sm text-slate-600" role="status" aria-live="polite" data-testid="save-status">
            {save.status === "pending" ? "Unsaved changes…" : save.status === "saving" ? "Saving draft…" : save.status === "saved" ? `Draft saved ${new Date(save.at!).toLocaleTimeString()}` : save.status === "error" ? `Draft not saved (${save.message}); retrying` : "Changes are saved as a draft as you type"}
          </p>
        </div>

        <nav aria-label="Editor steps">
          <ol className="flex flex-wrap gap-2">
            {STEPS.map((s, i) => (
              <li key={s.key}>
                <button
                  type="button"
                  onClick={() => setStep(s.key)}
                  aria-current={s.key === step ? "step" : undefined}
                  className={`rounded-full border px-3 py-1 text-sm ${s.key === step ? "border-brand bg-brand text-white" : "border-slate-300 bg-white text-slate-700 hover:bg-slate-100"}`}
                >
                  {i + 1}. {s.label}
                  {(showAll || serverErrors.length > 0) && errorsByStep[s.key] ? (
                    <span className={`ml-1 rounded-full px-1.5 text-xs ${s.key === step ? "bg-white text-red-700" : "bg-red-100 text-red-800"}`}>{errorsByStep[s.key]} to fix</span>
                  ) : null}
                </button>
              </li>
            ))}
          </ol>
        </nav>

        {(showAll || serverErrors.length > 0) && allErrors.length ? (
          <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm" data-testid="error-summary">
            <p className="font-medium text-red-800">{publishError ?? `${allErrors.length} field(s) to fix before publishing`}</p>
            <ul className="mt-1 max-h-48 list-disc overflow-auto pl-5">
              {allErrors.slice(0, 50).map((e, i) => (
                <li key={i}>
                  <button type="button" className="text-left text-red-800 underline" onClick={() => goToError(e.path)}>
                    {e.path}
                  </button>
                  : {e.message}
                </li>
              ))}
            </ul>
          </div>
        ) : publishError ? (
          <div ref={summaryRef} tabIndex={-1} role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">{publishError}</div>
        ) : null}

        {removed ? (
          <div className="flex items-center gap-3 rounded border border-slate-300 bg-white px-3 py-2 text-sm" role="status">
            <span>Removed {removed.label}.</span>
            <button type="button" className="text-brand underline" onClick={() => { setState(removed.undo); setRemoved(null); }}>Undo</button>
            <button type="button" className="text-slate-500 underline" onClick={() => setRemoved(null)}>Dismiss</button>
          </div>
        ) : null}

        <section aria-labelledby="step-heading" className="rounded border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="step-heading" className="mb-3 text-lg font-semibold">
            Step {stepIndex + 1} of {STEPS.length}: {STEPS[stepIndex]!.label}
          </h2>

          {step === "paper" ? <PaperStep state={state} edit={edit} doiConflict={doiConflict} mode={mode} /> : null}

          {step === "materials" ? (
            <MaterialsStep
              state={state}
              edit={edit}
              onAdd={() => {
                const m = emptyMaterial();
                pendingFocus.current = fieldId(`materials[${state.materials.length}].name`);
                edit((d) => void d.materials.push(m));
              }}
              onMove={(from, to, rowId) => {
                pendingFocus.current = `${rowId}-${to < from ? "up" : "down"}`;
                edit((d) => moveItem(d.materials, from, to));
              }}
              onRemove={(i) => removeWithUndo(`material “${materialNames[i]}”`, (d) => void d.materials.splice(i, 1))}
            />
          ) : null}

          {step === "synthesis" || step === "measurements" ? (
            state.materials.length === 0 ? (
              <p className="text-sm text-slate-600">
                Add a material first.{" "}
                <button type="button" className="text-brand underline" onClick={() => setStep("materials")}>Go to materials</button>
              </p>
            ) : (
              <div className="space-y-3">
                <div className="max-w-md">
                  <label htmlFor="material-picker" className="block text-xs font-medium text-slate-600">Material</label>
                  <select id="material-picker" className="w-full rounded border border-slate-300 bg-white px-2 py-1 text-sm" value={Math.min(materialIndex, state.materials.length - 1)} onChange={(e) => setMaterialIndex(Number(e.target.value))}>
                    {state.materials.map((m, i) => (
                      <option key={m.uid} value={i}>
                        {materialNames[i]} ({step === "synthesis" ? `${m.synthesis.length} step(s)` : `${m.measurements.length} measurement(s)`})
                      </option>
                    ))}
                  </select>
                </div>
                {material && step === "synthesis" ? (
                  <SynthesisRows
                    material={material}
                    mi={materialIndex}
                    name={materialNames[materialIndex]!}
                    edit={edit}
                    onAdd={() => {
                      pendingFocus.current = fieldId(`materials[${materialIndex}].synthesis[${material.synthesis.length}].action`);
                      edit((d) => void d.materials[materialIndex]!.synthesis.push(emptyStep()));
                    }}
                    onMove={(from, to, rowId) => {
                      pendingFocus.current = `${rowId}-${to < from ? "up" : "down"}`;
                      edit((d) => moveItem(d.materials[materialIndex]!.synthesis, from, to));
                    }}
                    onRemove={(i) => removeWithUndo(`synthesis step ${i + 1} of “${materialNames[materialIndex]}”`, (d) => void d.materials[materialIndex]!.synthesis.splice(i, 1))}
                  />
                ) : null}
                {material && step === "measurements" ? (
                  <MeasurementRows
                    material={material}
                    mi={materialIndex}
                    name={materialNames[materialIndex]!}
                    edit={edit}
                    onAdd={() => {
                      pendingFocus.current = fieldId(`materials[${materialIndex}].measurements[${material.measurements.length}].property`);
                      edit((d) => void d.materials[materialIndex]!.measurements.push(emptyMeasurement()));
                    }}
                    onMove={(from, to, rowId) => {
                      pendingFocus.current = `${rowId}-${to < from ? "up" : "down"}`;
                      edit((d) => moveItem(d.materials[materialIndex]!.measurements, from, to));
                    }}
                    onRemove={(i) => removeWithUndo(`measurement ${i + 1} of “${materialNames[materialIndex]}”`, (d) => void d.materials[materialIndex]!.measurements.splice(i, 1))}
                  />
                ) : null}
              </div>
            )
          ) : null}
        </section>

        <div className="flex flex-wrap items-center gap-2">
          <button type="button" className={secondaryButton} disabled={stepIndex === 0} onClick={() => setStep(STEPS[stepIndex - 1]!.key)}>
            ← Back
          </button>
          {stepIndex < STEPS.length - 1 ? (
            <button type="button" className={secondaryButton} onClick={() => setStep(STEPS[stepIndex + 1]!.key)}>
              Next: {STEPS[stepIndex + 1]!.label} →
            </button>
          ) : null}
          <button type="button" className={primaryButton} onClick={() => void publish()} disabled={publishing}>
            {publishing ? "Publishing…" : mode === "new" ? "Publish paper" : "Publish changes"}
          </button>
          <span className="text-xs text-slate-500">{clientErrors.length ? `${clientErrors.length} field(s) still to fill or fix` : "Ready to publish"}</span>
          <button type="button" className="ml-auto text-sm text-red-700 underline" onClick={() => void discard()}>
            Discard draft
          </button>
        </div>
      </div>
    </ErrorsContext.Provider>
  );
}

type Edit = (change: (draft: EditorState) => void) => void;

// ---------------------------------------------------------------------------------------------

function PaperStep({ state, edit, doiConflict, mode }: { state: EditorState; edit: Edit; doiConflict: { doi: string; title: string; path: string } | null; mode: "new" | "edit" }) {
  const p = state.paper;
  const set = (key: keyof typeof p) => (value: string) => edit((d) => void ((d.paper as unknown as Record<string, string>)[key] = value));
  return (
    <div className="grid gap-3 md:grid-cols-6">
      <div className="md:col-span-3">
        <TextField path="doi" label="DOI" value={p.doi} onChange={set("doi")} required placeholder="10.1007/s40820-025-01858-2" hint={mode === "edit" ? "The DOI identifies the paper; to change it, add the paper anew." : undefined} />
        {doiConflict ? (
          <p className="mt-1 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-900" role="status" data-testid="doi-conflict">
            This DOI is already in the knowledge base: <a className="text-brand underline" href={doiConflict.path}>{doiConflict.title}</a> (<a className="text-brand underline" href={paperEditPath(doiConflict.doi)}>edit it</a>)
          </p>
        ) : null}
      </div>
      <SelectField className="md:col-span-3" path="kind" label="Kind" value={p.kind} onChange={set("kind")} options={["research article", "review"]} required />
      <TextField className="md:col-span-6" path="title" label="Title" value={p.title} onChange={set("title")} required />
      <TextField className="md:col-span-3" path="journal" label="Journal" value={p.journal} onChange={set("journal")} required />
      <TextField className="md:col-span-1" path="year" label="Year" value={p.year} onChange={set("year")} required inputMode="numeric" />
      <TextField className="md:col-span-1" path="volume" label="Volume" value={p.volume} onChange={set("volume")} />
      <TextField className="md:col-span-1" path="issue" label="Issue" value={p.issue} onChange={set("issue")} />
      <TextField className="md:col-span-2" path="articleNumber" label="Article number" value={p.articleNumber} onChange={set("articleNumber")} />
      <TextField className="md:col-span-2" path="pages" label="Pages" value={p.pages} onChange={set("pages")} />
      <TextField className="md:col-span-2" path="license" label="Licence" value={p.license} onChange={set("license")} placeholder="CC BY 4.0" />
      <TextField className="md:col-span-3" path="authors" label="Authors (one a line, in order)" value={p.authors} onChange={set("authors")} multiline={4} required />
      <TextField className="md:col-span-3" path="keywords" label="Keywords (one a line)" value={p.keywords} onChange={set("keywords")} multiline={4} />
      <TextField className="md:col-span-6" path="abstract" label="Abstract" value={p.abstract} onChange={set("abstract")} multiline={4} />
      <fieldset className="md:col-span-6">
        <legend className="text-xs font-medium text-slate-600">Formulas the paper uses</legend>
        <div className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
          {FORMULAS.map((f) => (
            <label key={f.key} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={p.formulas.includes(f.key)}
                onChange={(e) => edit((d) => void (d.paper.formulas = e.target.checked ? [...d.paper.formulas, f.key] : d.paper.formulas.filter((k) => k !== f.key)))}
              />
              {f.name}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

interface RowsProps {
  edit: Edit;
  onAdd: () => void;
  onMove: (from: number, to: number, rowId: string) => void;
  onRemove: (index: number) => void;
}

function MaterialsStep({ state, edit, onAdd, onMove, onRemove }: RowsProps & { state: EditorState }) {
  return (
    <div className="space-y-4">
      <datalist id="material-classes">
        {MATERIAL_CLASSES.map((c) => <option key={c} value={c} />)}
      </datalist>
      {state.materials.length === 0 ? <p className="text-sm text-slate-600">No materials yet. A paper usually reports its main material and its controls.</p> : null}
      <ol className="space-y-4">
        {state.materials.map((m, i) => (
          <li key={m.uid}>
            <MaterialRow m={m} i={i} count={state.materials.length} edit={edit} onMove={onMove} onRemove={onRemove} />
          </li>
        ))}
      </ol>
      <button type="button" className={secondaryButton} onClick={onAdd}>
        + Add material
      </button>
    </div>
  );
}

function MaterialRow({ m, i, count, edit, onMove, onRemove }: { m: MaterialForm; i: number; count: number; edit: Edit; onMove: RowsProps["onMove"]; onRemove: RowsProps["onRemove"] }) {
  const path = `materials[${i}]`;
  const set = (key: "key" | "name" | "formula" | "elements" | "role" | "batterySystem" | "materialClass" | "description" | "components" | "citedReference") => (value: string) =>
    edit((d) => {
      const x = d.materials[i]!;
      // The key follows the name until it is edited by hand.
      if (key === "name" && (!x.key || x.key === slugify(x.name))) x.key = slugify(value);
      x[key] = value;
    });
  const label = `material ${i + 1}${m.name ? ` (${m.name})` : ""}`;
  return (
    <fieldset className="rounded border border-slate-200 p-3" data-testid="material-row">
      <legend className="px-1 text-sm font-medium">Material {i + 1}{m.name ? `: ${m.name}` : ""}</legend>
      <div className="mb-2 flex justify-end">
        <RowControls what={label} rowId={m.uid} index={i} count={count} onMove={(a, b) => onMove(a, b, m.uid)} onRemove={() => onRemove(i)} />
      </div>
      <div className="grid gap-3 md:grid-cols-6">
        <TextField className="md:col-span-3" path={`${path}.name`} label="Name as the paper writes it" value={m.name} onChange={set("name")} required placeholder="FeS₂ QD/MXene" />
        <TextField className="md:col-span-3" path={`${path}.key`} label="Key (unique in the paper)" value={m.key} onChange={set("key")} required hint="lower-case slug; follows the name until you edit it" />
        <TextField className="md:col-span-2" path={`${path}.formula`} label="Formula (ASCII, components by /)" value={m.formula} onChange={set("formula")} placeholder="FeS2/Ti3C2Tx" />
        <TextField className="md:col-span-2" path={`${path}.elements`} label="Elements (blank: from the formula)" value={m.elements} onChange={set("elements")} placeholder="Fe S Ti C" />
        <TextField className="md:col-span-2" path={`${path}.materialClass`} label="Material class" value={m.materialClass} onChange={set("materialClass")} required list="material-classes" />
        <SelectField className="md:col-span-2" path={`${path}.role`} label="Role" value={m.role} onChange={set("role")} options={ROLES} required />
        <SelectField className="md:col-span-2" path={`${path}.batterySystem`} label="Battery system" value={m.batterySystem} onChange={set("batterySystem")} options={BATTERY_SYSTEMS} required />
        <div className="flex items-end md:col-span-2">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={m.isControl} onChange={(e) => edit((d) => void (d.materials[i]!.isControl = e.target.checked))} />
            Control (not the paper's main material)
          </label>
        </div>
        <TextField className="md:col-span-6" path={`${path}.description`} label="Description" value={m.description} onChange={set("description")} multiline={2} />
        <TextField className="md:col-span-3" path={`${path}.components`} label="Built from (keys of other materials, for cells)" value={m.components} onChange={set("components")} placeholder="fes2-qd-mxene, nvp" />
        <TextField className="md:col-span-3" path={`${path}.citedReference`} label="Cited reference (reviews)" value={m.citedReference} onChange={set("citedReference")} />
      </div>
    </fieldset>
  );
}

// ---------------------------------------------------------------------------------------------

function SynthesisRows({ material, mi, name, edit, onAdd, onMove, onRemove }: RowsProps & { material: MaterialForm; mi: number; name: string }) {
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

function StepRow({ s, mi, si, count, name, edit, onMove, onRemove }: { s: StepForm; mi: number; si: number; count: number; name: string; edit: Edit; onMove: RowsProps["onMove"]; onRemove: RowsProps["onRemove"] }) {
  const path = `materials[${mi}].synthesis[${si}]`;
  const setText = (key: "action" | "reagents" | "atmosphere" | "notes" | "quote") => (value: string) => edit((d) => void (d.materials[mi]!.synthesis[si]![key] = value));
  const setQ = (key: "temperature" | "duration" | "rampRate") => (value: QuantityForm) => edit((d) => void (d.materials[mi]!.synthesis[si]![key] = value));
  return (
    <fieldset className="rounded border border-slate-200 p-3" data-testid="step-row">
      <legend className="px-1 text-sm font-medium">Step {si + 1}{s.action ? `: ${s.action}` : ""}</legend>
      <div className="mb-2 flex justify-end">
        <RowControls what={`synthesis step ${si + 1} of ${name}`} rowId={s.uid} index={si} count={count} onMove={(a, b) => onMove(a, b, s.uid)} onRemove={() => onRemove(si)} />
      </div>
      <div className="grid gap-3 md:grid-cols-6">
        <TextField className="md:col-span-2" path={`${path}.action`} label="Action" value={s.action} onChange={setText("action")} required placeholder="anneal, hydrothermal, ball-mill…" />
        <QuantityField className="md:col-span-2" path={`${path}.temperature`} label="Temperature" value={s.temperature} onChange={setQ("temperature")} target="degC" placeholderUnit="°C" />
        <QuantityField className="md:col-span-2" path={`${path}.duration`} label="Duration" value={s.duration} onChange={setQ("duration")} target="h" placeholderUnit="h" />
        <QuantityField className="md:col-span-2" path={`${path}.rampRate`} label="Ramp rate" value={s.rampRate} onChange={setQ("rampRate")} target="degC/min" placeholderUnit="°C min-1" />
        <TextField className="md:col-span-2" path={`${path}.atmosphere`} label="Atmosphere" value={s.atmosphere} onChange={setText("atmosphere")} placeholder="Ar" />
        <TextField className="md:col-span-2" path={`${path}.reagents`} label="Reagents (one a line: name | amount | concentration)" value={s.reagents} onChange={setText("reagents")} multiline={2} placeholder="NaOH | 2 mmol | 0.5 M" />
        <TextField className="md:col-span-3" path={`${path}.notes`} label="Notes" value={s.notes} onChange={setText("notes")} multiline={2} />
        <TextField className="md:col-span-3" path={`${path}.quote`} label="Quote (verbatim from the paper)" value={s.quote} onChange={setText("quote")} multiline={2} />
      </div>
    </fieldset>
  );
}

// ---------------------------------------------------------------------------------------------

function MeasurementRows({ material, mi, name, edit, onAdd, onMove, onRemove }: RowsProps & { material: MaterialForm; mi: number; name: string }) {
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

function MeasurementRow({ x, mi, ki, count, name, edit, onMove, onRemove }: { x: MeasurementForm; mi: number; ki: number; count: number; name: string; edit: Edit; onMove: RowsProps["onMove"]; onRemove: RowsProps["onRemove"] }) {
  const path = `materials[${mi}].measurements[${ki}]`;
  const def = propertyDef(x.property);
  const set = (key: "property" | "value" | "unit" | "min" | "max" | "qualifier" | "quote" | "location" | "source" | "subject" | "note") => (value: string) =>
    edit((d) => {
      const row = d.materials[mi]!.measurements[ki]!;
      // Picking a property proposes its canonical unit when none was typed.
      if (key === "property" && !row.unit.trim()) row.unit = propertyDef(value)?.display.replace(/^–$/, "") ?? "";
      row[key] = value;
    });
  const setCondition = (key: string) => (value: ConditionValue) => edit((d) => void ((d.materials[mi]!.measurements[ki]!.conditions as Record<string, ConditionValue>)[key] = value));
  const preview = def && x.value.trim() ? canonicalPreview(x.value, x.unit, def.unit, x.property) : null;
  const c = x.conditions;
  const hasConditions = Object.values(c).some((v) => (typeof v === "string" ? v.trim() : Object.values(v).some((part) => part.trim())));
  const valueErrors = useValueErrors(path);
  const { errors: allErrors, shown } = useContextErrors();
  // Once the unit's own error shows, the preview does not repeat it.
  const unitErrorShown = shown(`${path}.unit`) && (allErrors.get(`${path}.unit`)?.length ?? 0) > 0;
  return (
    <fieldset className="rounded border border-slate-200 p-3" data-testid="measurement-row">
      <legend className="px-1 text-sm font-medium">Measurement {ki + 1}{def ? `: ${def.label}` : ""}</legend>
      <div className="mb-2 flex justify-end">
        <RowControls what={`measurement ${ki + 1} of ${name}`} rowId={x.uid} index={ki} count={count} onMove={(a, b) => onMove(a, b, x.uid)} onRemove={() => onRemove(ki)} />
      </div>
      <div className="grid gap-3 md:grid-cols-6">
        <SelectField className="md:col-span-3" path={`${path}.property`} label="Property" value={x.property} onChange={set("property")} options={PROPERTY_OPTIONS} required empty="— pick a property —" />
        <SelectField className="md:col-span-1" path={`${path}.qualifier`} label="Qualifier" value={x.qualifier} onChange={set("qualifier")} options={QUALIFIERS.filter((qq) => qq !== "=")} empty="=" />
        <div className="md:col-span-2">
          <div className="flex gap-1">
            <TextField className="w-28" path={`${path}.value`} label="Value" value={x.value} onChange={set("value")} required inputMode="decimal" />
            <TextField className="flex-1" path={`${path}.unit`} label="Unit as in the paper" value={x.unit} onChange={set("unit")} placeholder={def?.display} />
          </div>
          <p className={`mt-0.5 min-h-4 text-xs ${preview && !preview.ok ? "text-amber-700" : "text-slate-500"}`} aria-live="polite" data-testid="canonical">
            {preview ? (preview.ok ? `= ${preview.text} (canonical)` : unitErrorShown ? "" : preview.text) : def ? `canonical unit: ${def.display}` : ""}
          </p>
          <FieldErrors id={`${fieldId(path)}-row-err`} messages={valueErrors} />
        </div>
        <TextField className="md:col-span-1" path={`${path}.min`} label="Range min" value={x.min} onChange={set("min")} inputMode="decimal" />
        <TextField className="md:col-span-1" path={`${path}.max`} label="Range max" value={x.max} onChange={set("max")} inputMode="decimal" />
        <TextField className="md:col-span-2" path={`${path}.location`} label="Where (Fig., Table, Sect.)" value={x.location} onChange={set("location")} placeholder="Fig. 4c" />
        <SelectField className="md:col-span-1" path={`${path}.source`} label="Source" value={x.source} onChange={set("source")} options={["stated", "derived"]} empty="stated" />
        <TextField className="md:col-span-1" path={`${path}.subject`} label="Subject" value={x.subject} onChange={set("subject")} />
        <TextField className="md:col-span-6" path={`${path}.quote`} label="Quote (verbatim sentence or table cell that states the number)" value={x.quote} onChange={set("quote")} multiline={2} required />
        <details className="md:col-span-6 rounded border border-slate-200 bg-slate-50 p-2" open={hasConditions || undefined}>
          <summary className="cursor-pointer text-sm font-medium">Conditions{hasConditions ? " (set)" : ""}</summary>
          <div className="mt-2 grid gap-3 md:grid-cols-4">
            {CONDITIONS.map((def) => (
              <ConditionField key={def.key} def={def} path={`${path}.conditions.${def.key}`} value={(c as Record<string, ConditionValue>)[def.key]!} onChange={setCondition(def.key)} />
            ))}
          </div>
        </details>
        <TextField className="md:col-span-6" path={`${path}.note`} label="Note" value={x.note} onChange={set("note")} />
      </div>
    </fieldset>
  );
}

/** Errors of a measurement that belong to the row itself (a refine on the whole row). */
function useValueErrors(path: string): string[] {
  const { errors, shown } = useContextErrors();
  return shown(path) ? (errors.get(path) ?? []) : [];
}

type ConditionValue = ConditionsForm[keyof ConditionsForm];

/** The field of one condition of the catalogue, by how a record writes it. */
function ConditionField({ def, path, value, onChange }: { def: ConditionDefinition; path: string; value: ConditionValue; onChange: (value: ConditionValue) => void }) {
  const target = def.columns.map((col) => col.unit ?? "");
  switch (def.kind) {
    case "quantity":
      return <QuantityField path={path} label={def.label} value={value as QuantityForm} onChange={onChange} target={target} placeholderUnit={def.placeholder} />;
    case "range":
      return <RangeField path={path} label={def.label} value={value as RangeForm} onChange={onChange} placeholderUnit={def.placeholder} />;
    case "choice":
      return <SelectField path={path} label={def.label} value={value as string} onChange={onChange} options={def.options ?? []} empty="—" />;
    default:
      return <TextField path={path} label={def.label} value={value as string} onChange={onChange} inputMode={def.kind === "number" ? "decimal" : def.kind === "count" ? "numeric" : undefined} placeholder={def.placeholder} />;
  }
}

/** Min, max and one unit (a voltage window). */
function RangeField({ path, label, value, onChange, placeholderUnit }: { path: string; label: string; value: RangeForm; onChange: (value: RangeForm) => void; placeholderUnit?: string }) {
  const input = "rounded border border-slate-300 px-1 py-1 text-sm";
  return (
    <fieldset>
      <legend className="block text-xs font-medium text-slate-600">{label}</legend>
      <div className="flex gap-1">
        <input aria-label={`${label}: min`} id={fieldId(`${path}.min`)} className={`w-16 ${input}`} inputMode="decimal" value={value.min} onChange={(e) => onChange({ ...value, min: e.target.value })} />
        <span aria-hidden="true" className="self-center">–</span>
        <input aria-label={`${label}: max`} id={fieldId(`${path}.max`)} className={`w-16 ${input}`} inputMode="decimal" value={value.max} onChange={(e) => onChange({ ...value, max: e.target.value })} />
        <input aria-label={`${label}: unit`} id={fieldId(`${path}.unit`)} className={`w-14 ${input}`} placeholder={placeholderUnit} value={value.unit} onChange={(e) => onChange({ ...value, unit: e.target.value })} />
      </div>
      <RangeErrors path={path} />
    </fieldset>
  );
}

function RangeErrors({ path }: { path: string }) {
  const { errors, shown } = useContextErrors();
  const messages = [path, `${path}.min`, `${path}.max`, `${path}.unit`].flatMap((p) => (shown(p) || shown(path) ? (errors.get(p) ?? []) : []));
  return <FieldErrors id={`${fieldId(path)}-err`} messages={messages} />;
}

function useContextErrors() {
  return useContext(ErrorsContext);
}

