/**
 * Reviewing what the extractor proposed (lib/extract), inside the paper's draft: the text, the
 * material suggestions and every candidate with the reviewer's decision. Accepting a candidate puts
 * it in the form as a row named after the candidate (`candidateRowId`), rejecting takes that row
 * out again, editing changes the candidate and its row together — so the form, which autosaves, is
 * always what was accepted, and a reload comes back to the same review. Publishing is the form's own.
 *
 * No React and nothing server-only: the editor's client components import it.
 */
import type { Draft } from "immer";
import type { Candidate, Extraction } from "@/lib/extract/record";
import type { MaterialRecord, MeasurementRecord, SynthesisStepRecord } from "@/lib/records/schema";
import { materialToForm, measurementToForm, paperToForm, stepToForm, type EditorState, type PaperForm } from "./form";

export type Decision = "pending" | "accepted" | "rejected";

export interface ReviewCandidate extends Candidate {
  decision: Decision;
}

export interface ReviewState {
  /** The file's name, or "pasted text". */
  source: string;
  text: string;
  sections: Extraction["sections"];
  /** The materials the extractor suggests (without rows): what an accepted candidate's material starts as. */
  materials: MaterialRecord[];
  candidates: ReviewCandidate[];
}

/** The form row of an accepted candidate. */
export const candidateRowId = (id: string): string => `cand-${id}`;

/** A review of an extraction; the paper's fields the form leaves empty take what the document states. */
export function startReview(state: EditorState, extraction: Extraction, source: string): EditorState {
  const paper = extraction.record.papers[0]!;
  const stated = paperToForm(paper);
  const merged = { ...state.paper };
  for (const key of Object.keys(merged) as (keyof PaperForm)[]) {
    if (key === "formulas" || key === "kind") continue;
    if (!merged[key].trim() && stated[key].trim()) merged[key] = stated[key];
  }
  return {
    ...state,
    paper: merged,
    review: {
      source,
      text: extraction.text,
      sections: extraction.sections,
      materials: (paper.materials ?? []).map((m) => ({ ...m, synthesis: [], measurements: [] })),
      candidates: extraction.candidates.map((c) => ({ ...c, decision: "pending" })),
    },
  };
}

function removeRow(draft: Draft<EditorState>, id: string): void {
  const rowId = candidateRowId(id);
  for (const material of draft.materials) {
    material.measurements = material.measurements.filter((m) => m.uid !== rowId);
    material.synthesis = material.synthesis.filter((st) => st.uid !== rowId);
  }
}

function addRow(draft: Draft<EditorState>, c: ReviewCandidate): void {
  let material = draft.materials.find((m) => m.key === c.material);
  if (!material) {
    const suggested = draft.review!.materials.find((m) => m.key === c.material);
    draft.materials.push(materialToForm(suggested ?? { key: c.material, name: c.material, role: "anode", batterySystem: "lithium-ion", materialClass: "" }));
    material = draft.materials.at(-1)!;
  }
  if (c.measurement) material.measurements.push(measurementToForm(c.measurement as MeasurementRecord, candidateRowId(c.id)));
  else if (c.step) material.synthesis.push(stepToForm(c.step as SynthesisStepRecord, candidateRowId(c.id)));
}

/** Accept (the candidate becomes a row of the form), reject or un-decide one candidate. */
export function decide(draft: Draft<EditorState>, id: string, decision: Decision): void {
  const c = draft.review?.candidates.find((x) => x.id === id);
  if (!c || c.problem) return;
  removeRow(draft, id);
  c.decision = decision;
  if (decision === "accepted") addRow(draft, c as ReviewCandidate);
}

/** Accept every undecided candidate at or above `threshold`; returns how many. */
export function acceptAbove(draft: Draft<EditorState>, threshold: number): number {
  const chosen = draft.review?.candidates.filter((c) => c.decision === "pending" && !c.problem && c.confidence >= threshold) ?? [];
  for (const c of chosen) decide(draft, c.id, "accepted");
  return chosen.length;
}

/** What the reviewer may change of a candidate before accepting it. */
export interface CandidateEdit {
  material: string;
  measurement?: Pick<MeasurementRecord, "property" | "unit" | "value" | "min" | "max">;
  step?: Pick<SynthesisStepRecord, "action">;
}

/** Change a candidate and accept it as changed. */
export function editCandidate(draft: Draft<EditorState>, id: string, edit: CandidateEdit): void {
  const c = draft.review?.candidates.find((x) => x.id === id);
  if (!c) return;
  c.material = edit.material;
  if (c.measurement && edit.measurement) {
    const { value, min, max, ...rest } = edit.measurement;
    delete c.measurement.value;
    delete c.measurement.min;
    delete c.measurement.max;
    Object.assign(c.measurement, rest, value !== undefined ? { value } : { min, max });
  }
  if (c.step && edit.step) c.step.action = edit.step.action;
  delete c.problem;
  decide(draft, id, "accepted");
}
