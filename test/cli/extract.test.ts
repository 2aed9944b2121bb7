/** `matlit extract`: a paper's file → candidates and a draft record file that `matlit import` accepts unchanged. */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { matlit } from "../helpers/cli";
import type { Candidate } from "../../lib/extract";

const ABSTRACT =
  "N-CNFs carbonized at 800 °C delivered a reversible capacity of 293 mAh g 1 at a current density of 50 mA g 1 in the first cycle. " +
  "Even though the first-cycle Coulombic efficiency was 64%, the nitrogen-doped carbon nanofibers (N-CNFs) kept their capacity.";

const PAGE = `<!doctype html><html><head>
<meta name="citation_title" content="Carbon nanofibers for sodium storage">
<meta name="citation_author" content="Franklin, Rosalind">
<meta name="citation_journal_title" content="Journal of Test Batteries">
<meta name="citation_publication_date" content="2025/03/01">
<meta name="citation_doi" content="10.9999/cli.extract.1">
</head><body><article><h2>Abstract</h2><p>${ABSTRACT}</p></article></body></html>`;

describe("matlit extract", () => {
  let dir: string;
  let databaseUrl: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "matlit-extract-cli-"));
    databaseUrl = `file:${join(dir, "matlit.db")}`;
    writeFileSync(join(dir, "abstract.txt"), ABSTRACT);
    writeFileSync(join(dir, "paper.html"), PAGE);
    writeFileSync(join(dir, "empty.txt"), "");
    writeFileSync(join(dir, "noise.bin"), Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 17, 200, 0, 9]));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds the capacity with its current density and cycle, the first-cycle efficiency, the material and the synthesis step of a pasted abstract", async () => {
    const r = await matlit(["extract", join(dir, "abstract.txt"), "--json"], databaseUrl);
    expect(r.status).toBe(0);
    const { candidates } = JSON.parse(r.stdout) as { candidates: Candidate[] };
    const capacity = candidates.find((c) => c.measurement?.property === "specific_capacity");
    expect(capacity?.measurement).toMatchObject({ value: 293, unit: "mAh g-1", conditions: { currentDensity: { value: 50, unit: "mA g-1" }, cycle: 1 } });
    expect(candidates.find((c) => c.measurement?.property === "initial_coulombic_efficiency")?.measurement).toMatchObject({ value: 64, unit: "%" });
    expect(candidates.filter((c) => c.measurement).every((c) => c.material === "n-cnfs")).toBe(true);
    expect(candidates.find((c) => c.step)?.step).toMatchObject({ temperature: { value: 800, unit: "°C" } });
  });

  it("prints one line a candidate and names what the record still lacks", async () => {
    const r = await matlit(["extract", join(dir, "abstract.txt")], databaseUrl);
    expect(r.stdout).toMatch(/Specific capacity 293 mAh g⁻¹ · 50 mA g⁻¹/);
    expect(r.stderr).toMatch(/missing doi: the document does not state the DOI/);
  });

  it("writes a draft record that matlit import accepts unchanged when the file states the paper's metadata", async () => {
    const out = join(dir, "record.json");
    const r = await matlit(["extract", join(dir, "paper.html"), "--out", out, "--json"], databaseUrl);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).record).toEqual(JSON.parse(readFileSync(out, "utf8")));
    const imported = await matlit(["import", out, "--json"], databaseUrl);
    expect(imported.stderr).toBe("");
    expect(JSON.parse(imported.stdout).papers[0]).toMatchObject({ doi: "10.9999/cli.extract.1" });
  });

  it("refuses an empty file, a binary that is not a document and an unknown format, naming the problem", async () => {
    const empty = await matlit(["extract", join(dir, "empty.txt")], databaseUrl);
    expect(empty.status).not.toBe(0);
    expect(empty.stderr).toMatch(/empty\.txt: the file is empty/);
    const binary = await matlit(["extract", join(dir, "noise.bin")], databaseUrl);
    expect(binary.status).not.toBe(0);
    expect(binary.stderr).toMatch(/noise\.bin: .*binary/);
    const format = await matlit(["extract", join(dir, "abstract.txt"), "--format", "docx"], databaseUrl);
    expect(format.stderr).toMatch(/unknown format "docx"/);
  });
});
