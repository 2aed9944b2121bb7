/** The table's "only rows with two or more materials" option. */
import { describe, it, expect } from "vitest";
import { sharedRows } from "../../lib/compare/filter";
import type { CompareCell, ComparePropertyGroup, CompareRow } from "../../lib/compare/types";

const cell = {} as CompareCell;
const row = (id: string, cells: (CompareCell | null)[]) => ({ id, cells }) as CompareRow;
const group = (key: string, rows: CompareRow[]) => ({ property: { key }, rows }) as ComparePropertyGroup;

describe("rows with two or more materials", () => {
  it("keeps rows with values of two or more materials, a stand-in counting, and drops properties left empty", () => {
    const groups = [
      group("specific_capacity", [row("both", [cell, cell, null]), row("one", [cell, null, null]), row("three", [cell, cell, cell])]),
      group("b_value", [row("alone", [null, null, cell])]),
    ];
    const shared = sharedRows(groups);
    expect(shared.map((g) => g.property.key)).toEqual(["specific_capacity"]);
    expect(shared[0]!.rows.map((r) => r.id)).toEqual(["both", "three"]);
    expect(groups[0]!.rows).toHaveLength(3); // the comparison itself is left whole
  });
});
