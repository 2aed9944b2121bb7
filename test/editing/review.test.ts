/** Reviewing extracted candidates inside a paper's draft: what is accepted is in the form, what is rejected is not, and a reload keeps both. */
import { describe, it, expect } from "vitest";
import { produce } from "immer";
import { assembleDocument } from "../../lib/extract/document";
import { extractPaper } from "../../lib/extract/record";
import { acceptAbove, candidateRowId, decide, editCandidate, startReview } from "../../lib/editing/review";
import { coerceState, emptyState, formToRecord } from "../../lib/editing/form";

const TEXT =
  "Hard carbon spheres (HCS) and commercial graphite (CG) were compared as sodium-ion anodes. HCS delivered a reversible capacity of 310 mAh g−1 at 20 mA g−1, " +
  "while CG delivered a capacity of 35 mAh g−1 at 20 mA g−1.";

function started() {
  const typed = produce(emptyState(), (d) => void (d.paper.title = "My own title"));
  return startReview(
    typed,
    extractPaper(assembleDocument("text", [{ kind: "paragraph", text: TEXT }], { doi: "10.1000/abc", title: "Their title" })),
    "pasted text",
  );
}
const idOf = (state: ReturnType<typeof started>, value: number) => state.review!.candidates.find((c) => c.measurement?.value === value)!.id;

describe("the review of an extraction", () => {
  it("fills the paper's empty fields from the document and keeps what was typed", () => {
    const state = started();
    expect(state.paper.doi).toBe("10.1000/abc");
    expect(state.paper.title).toBe("My own title");
    expect(state.materials).toEqual([]);
    expect(state.review!.candidates.every((c) => c.decision === "pending")).toBe(true);
  });

  it("puts an accepted candidate in the form under its material, and takes it out again when rejected", () => {
    let state = started();
    const id = idOf(state, 310);
    state = produce(state, (d) => decide(d, id, "accepted"));
    expect(state.materials.map((m) => m.key)).toEqual(["hcs"]);
    expect(state.materials[0]!.measurements).toMatchObject([{ uid: candidateRowId(id), property: "specific_capacity", value: "310", unit: "mAh g-1" }]);
    state = produce(state, (d) => decide(d, id, "rejected"));
    expect(state.materials[0]!.measurements).toEqual([]);
    expect(state.review!.candidates.find((c) => c.id === id)!.decision).toBe("rejected");
  });

  it("accepts every undecided candidate at or above a confidence, leaving rejected ones rejected", () => {
    let state = started();
    const rejected = idOf(state, 35);
    state = produce(state, (d) => decide(d, rejected, "rejected"));
    let accepted = 0;
    state = produce(state, (d) => void (accepted = acceptAbove(d, 0.5)));
    expect(accepted).toBeGreaterThan(0);
    const rows = state.materials.flatMap((m) => m.measurements.map((x) => x.value));
    expect(rows).toContain("310");
    expect(rows).not.toContain("35");
  });

  it("an edit changes the candidate and its row together, under the material chosen", () => {
    let state = started();
    const id = idOf(state, 35);
    state = produce(state, (d) => editCandidate(d, id, { material: "cg", measurement: { property: "specific_capacity", value: 36, unit: "mAh g-1" } }));
    expect(state.materials.find((m) => m.key === "cg")!.measurements).toMatchObject([{ uid: candidateRowId(id), value: "36" }]);
    expect(state.materials.find((m) => m.key === "cg")!.isControl).toBe(true);
  });

  it("survives a reload: the draft's JSON comes back with the review and the accepted rows, and the record leaves the review out", () => {
    let state = started();
    state = produce(state, (d) => decide(d, idOf(state, 310), "accepted"));
    const reloaded = coerceState(JSON.parse(JSON.stringify(state)));
    expect(reloaded.review!.candidates.map((c) => c.decision)).toEqual(state.review!.candidates.map((c) => c.decision));
    expect(reloaded.review!.text).toBe(state.review!.text);
    expect(reloaded.materials[0]!.measurements[0]!.uid).toBe(candidateRowId(idOf(state, 310)));
    expect(JSON.stringify(formToRecord(reloaded).record)).not.toContain("candidates");
  });
});
