/** Table rows: cells named by their column's header, the row's material in its first cell. */
import { describe, it, expect } from "vitest";
import { tableRowAt } from "../../lib/extract/tables";
import { repairText } from "../../lib/extract/repair";
import { measurementCandidates } from "../../lib/extract/candidates";
import { materialMentions } from "../../lib/extract/materials";

const TABLE = ["Host\tSulfur loading\tPerformance", "Co–N4/G\t4.2 mg cm−2\t1020 mA h g−1 at 0.2C", "NiSA@NC\t6.0 mg cm−2\t5.1 mA h cm−2 after 100 cycles"].join(
  "\n",
);

describe("table rows", () => {
  it("keeps each row a paragraph of its own, its cells split by ' | '", () => {
    const text = repairText(`A table follows.\n${TABLE}`);
    expect(text).toBe(
      "A table follows.\n\nHost | Sulfur loading | Performance\n\nCo–N4/G | 4.2 mg cm−2 | 1020 mA h g−1 at 0.2C\n\nNiSA@NC | 6.0 mg cm−2 | 5.1 mA h cm−2 after 100 cycles",
    );
    const row = tableRowAt(text, text.indexOf("NiSA"));
    expect(row!.header).toEqual(["Host", "Sulfur loading", "Performance"]);
    expect(row!.cells.map((c) => c.text)).toEqual(["NiSA@NC", "6.0 mg cm−2", "5.1 mA h cm−2 after 100 cycles"]);
  });

  it("names each cell's numbers by its column's header, files them under the row's first cell, and gives the row's loading to its results", () => {
    expect(measurementCandidates(TABLE).map((c) => [c.material, c.property, c.value, c.conditions])).toEqual([
      ["Co–N4/G", "sulfur_loading", 4.2, {}],
      ["Co–N4/G", "specific_capacity", 1020, { cRate: 0.2, sulfurLoading: { value: 4.2, unit: "mg cm−2" } }],
      ["NiSA@NC", "sulfur_loading", 6, {}],
      ["NiSA@NC", "areal_capacity", 5.1, { cycle: 100, sulfurLoading: { value: 6, unit: "mg cm−2" } }],
    ]);
  });
});

describe("a table's materials", () => {
  it("are its rows' first cells, below the header and beside values, so a draft record files each row's numbers under its own material", () => {
    const text = repairText(["Host\tLoading\tPerformance", "Group A\t\t", "Co–N4/G\t4.2 mg cm−2\t1020 mA h g−1", "NiSA@NC\t6.0 mg cm−2\t"].join("\n"));
    expect(
      materialMentions(text)
        .filter((m) => m.kind === "table")
        .map((m) => m.name),
    ).toEqual(["Co–N4/G", "NiSA@NC"]);
  });
});
