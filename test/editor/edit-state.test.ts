import { describe, it, expect } from "vitest";
import { validateRecordFile } from "../../lib/records/validate";
import { recordToForm } from "../../lib/editing/form";
import { applyEdit } from "../../app/components/editor/editorState";
import { validFile } from "../helpers/records";

describe("an edit of the editor's state", () => {
  it("copies only the path to the changed field", () => {
    const paper = validateRecordFile(validFile()).papers[0]!;
    const before = recordToForm({ ...paper, materials: [paper.materials![0]!, paper.materials![0]!] });
    const after = applyEdit(before, (d) => void (d.materials[1]!.measurements[0]!.value = "42"));
    expect(after.materials[1]!.measurements[0]!.value).toBe("42");
    expect(before.materials[1]!.measurements[0]!.value).not.toBe("42");
    expect(after.paper).toBe(before.paper);
    expect(after.materials[0]).toBe(before.materials[0]);
    expect(after.materials[1]!.synthesis).toBe(before.materials[1]!.synthesis);
    expect(after.materials[1]!.measurements[0]!.conditions).toBe(before.materials[1]!.measurements[0]!.conditions);
  });
});
