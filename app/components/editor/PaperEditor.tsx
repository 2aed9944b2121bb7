"use client";

import { useEffect, useRef, useState } from "react";
import type { FieldError } from "@/lib/records/checks";
import {
  emptyMaterial,
  emptyMeasurement,
  emptyStep,
  fieldId,
  fieldLabel,
  formPath,
  formToRecord,
  stepOfPath,
  STEPS,
  validateForm,
  type EditorState,
  type StepKey,
} from "@/lib/editing/form";
import { paperApiPath } from "@/lib/materials/paths";
import { ErrorsContext, primaryButton, secondaryButton } from "./fields";
import { writeJson } from "./api";
import { useEditorState } from "./editorState";
import { useRows } from "./useRows";
import { saveStatusText, useAutosave } from "./useAutosave";
import { useDoiCheck } from "./useDoiCheck";
import { useProblems } from "./useProblems";
import { ProblemSummary } from "./ProblemSummary";
import { PaperStep } from "./PaperStep";
import { MaterialsStep } from "./MaterialsStep";
import { MaterialPicker } from "./MaterialPicker";
import { SynthesisStep } from "./SynthesisStep";
import { MeasurementsStep } from "./MeasurementsStep";
import { ReviewStep } from "./ReviewStep";

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

/** The paper form in four steps: it autosaves a draft, flags a known DOI, and publishes with the version it started from. */
export function PaperEditor({ mode, originalDoi, baseVersion, draftId, initialState, savedAt, discardTo }: PaperEditorProps) {
  const [state, update, replaceState] = useEditorState(initialState);
  // A draft started from a text opens on its review; any other on the paper's fields.
  const [step, setStep] = useState<StepKey>(initialState.review ? "source" : "paper");
  const [materialIndex, setMaterialIndex] = useState(0);
  const [showAll, setShowAll] = useState(false);
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [publishError, setPublishError] = useState<string | null>(null);
  const [publishing, setPublishing] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  const autosave = useAutosave({ draftId, mode, originalDoi, baseVersion, state, savedAt });
  const doiConflict = useDoiCheck(state.paper.doi, mode, originalDoi);
  const { clientErrors, allErrors, formErrors, errorsByStep } = useProblems(state, serverErrors, showAll);
  const problemsShown = showAll || serverErrors.length > 0;

  // The server's problems were about what was published; an edit makes them stale.
  const edit: typeof update = (change) => {
    update(change);
    setServerErrors([]);
  };
  const { rowsOf, removed, undoRemoval, dismissRemoval, focusOnRender } = useRows(state, edit, replaceState);

  // The URL names the draft, so a reload or a shared link of one's own comes back to it.
  useEffect(() => {
    const url = new URL(window.location.href);
    if (url.searchParams.get("draft") !== draftId) {
      url.searchParams.set("draft", draftId);
      window.history.replaceState(window.history.state, "", url.toString());
    }
  }, [draftId]);

  const goToError = (path: string) => {
    setStep(stepOfPath(path));
    const m = /^materials\[(\d+)\]/.exec(path);
    if (m) setMaterialIndex(Number(m[1]));
    focusOnRender(fieldId(path));
    // Quantity fields: focus the value input.
    setTimeout(() => {
      const el =
        document.getElementById(fieldId(path)) ??
        document.getElementById(fieldId(`${path}.value`)) ??
        document.getElementById(fieldId(path.replace(/\.(value|unit)$/, "") + ".value"));
      el?.focus();
    }, 50);
  };

  const showProblems = () => {
    setShowAll(true);
    setTimeout(() => summaryRef.current?.focus(), 0);
  };

  const publish = async () => {
    setPublishError(null);
    if (validateForm(state).length) return showProblems();
    setPublishing(true);
    try {
      await autosave.settle();
      const { record } = formToRecord(state);
      const target = mode === "new" ? `/api/papers?draft=${draftId}` : `${paperApiPath(originalDoi!)}?draft=${draftId}`;
      // If-Match: refused (409) when someone published the paper after this edit started.
      const r = await writeJson(target, mode === "new" ? "POST" : "PUT", record, baseVersion ? { headers: { "If-Match": `"${baseVersion}"` } } : {});
      if (r.ok) {
        autosave.finish();
        window.location.assign((r.data as { path: string }).path);
        return;
      }
      const details = Array.isArray(r.error?.details) ? (r.error!.details as FieldError[]) : [];
      if (details.length) setServerErrors(details.map((e) => ({ ...e, path: formPath(state, e.path) })));
      else if (r.error?.field) setServerErrors([{ path: formPath(state, r.error.field), message: r.error.message }]);
      setPublishError(r.error?.message ?? "publishing failed");
      showProblems();
    } catch (e) {
      setPublishError(`publishing failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setPublishing(false);
    }
  };

  const discard = async () => {
    if (!window.confirm(mode === "new" ? "Discard this draft? What you typed is deleted." : "Discard your unpublished changes?")) return;
    autosave.finish();
    await autosave.settle();
    await writeJson(`/api/drafts/${draftId}`, "DELETE");
    window.location.assign(discardTo);
  };

  const stepIndex = STEPS.findIndex((s) => s.key === step);
  const material = state.materials[materialIndex];
  const materialNames = state.materials.map((m, i) => m.name.trim() || `Material ${i + 1}`);
  const ofMaterial = `“${materialNames[materialIndex]}”`;

  return (
    <ErrorsContext.Provider value={formErrors}>
      <div className="space-y-4" data-testid="paper-editor">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h1 className="text-2xl font-semibold">{mode === "new" ? "Add a paper" : `Edit ${originalDoi}`}</h1>
          <p className="text-sm text-slate-600" role="status" aria-live="polite" data-testid="save-status">
            {saveStatusText(autosave.save)}
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
                  {problemsShown && errorsByStep[s.key] ? (
                    <span className={`ml-1 rounded-full px-1.5 text-xs ${s.key === step ? "bg-white text-red-700" : "bg-red-100 text-red-800"}`}>
                      {errorsByStep[s.key]} to fix
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ol>
        </nav>

        <ProblemSummary
          ref={summaryRef}
          visible={problemsShown}
          problems={allErrors}
          publishError={publishError}
          onGoTo={goToError}
          label={(path) => fieldLabel(state, path)}
        />

        {removed ? (
          <div className="flex items-center gap-3 rounded border border-slate-300 bg-white px-3 py-2 text-sm" role="status">
            <span>Removed {removed}.</span>
            <button type="button" className="text-brand underline" onClick={undoRemoval}>
              Undo
            </button>
            <button type="button" className="text-slate-500 underline" onClick={dismissRemoval}>
              Dismiss
            </button>
          </div>
        ) : null}

        <section aria-labelledby="step-heading" className="rounded border border-slate-200 bg-white p-4 shadow-sm">
          <h2 id="step-heading" className="mb-3 text-lg font-semibold">
            Step {stepIndex + 1} of {STEPS.length}: {STEPS[stepIndex]!.label}
          </h2>

          {step === "source" ? <ReviewStep state={state} edit={edit} replaceState={replaceState} /> : null}

          {step === "paper" ? <PaperStep paper={state.paper} edit={edit} doiConflict={doiConflict} mode={mode} /> : null}

          {step === "materials" ? (
            <MaterialsStep
              materials={state.materials}
              {...rowsOf(
                (d) => d.materials,
                state.materials.length,
                emptyMaterial,
                (i) => `materials[${i}].name`,
                (i) => `material “${materialNames[i]}”`,
              )}
            />
          ) : null}

          {step === "synthesis" || step === "measurements" ? (
            state.materials.length === 0 ? (
              <p className="text-sm text-slate-600">
                Add a material first.{" "}
                <button type="button" className="text-brand underline" onClick={() => setStep("materials")}>
                  Go to materials
                </button>
              </p>
            ) : (
              <div className="space-y-3">
                <MaterialPicker materials={state.materials} names={materialNames} index={materialIndex} rows={step} onPick={setMaterialIndex} />
                {material && step === "synthesis" ? (
                  <SynthesisStep
                    material={material}
                    mi={materialIndex}
                    name={materialNames[materialIndex]!}
                    {...rowsOf(
                      (d) => d.materials[materialIndex]!.synthesis,
                      material.synthesis.length,
                      emptyStep,
                      (i) => `materials[${materialIndex}].synthesis[${i}].action`,
                      (i) => `synthesis step ${i + 1} of ${ofMaterial}`,
                    )}
                  />
                ) : null}
                {material && step === "measurements" ? (
                  <MeasurementsStep
                    material={material}
                    mi={materialIndex}
                    name={materialNames[materialIndex]!}
                    {...rowsOf(
                      (d) => d.materials[materialIndex]!.measurements,
                      material.measurements.length,
                      () => emptyMeasurement(),
                      (i) => `materials[${materialIndex}].measurements[${i}].property`,
                      (i) => `measurement ${i + 1} of ${ofMaterial}`,
                    )}
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
