/** The `matlit` command line on a seeded SQLite file: its commands in-process, then the executable itself. */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { matlit, matlitProcess } from "../helpers/cli";
import { validFile } from "../helpers/records";
import { FORMULA_EXAMPLES } from "../formulas/examples";

describe("matlit CLI", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    expect((await matlit(["setup"], t.url)).status).toBe(0);
  });
  afterAll(async () => t.cleanup());

  it.each(FORMULA_EXAMPLES.map((e) => [e.key, e] as const))("formula eval %s --json converts units in and out", async (_key, example) => {
    const result = await matlit(["formula", "eval", example.key, "--json", JSON.stringify(example.request)], t.url);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const body = JSON.parse(result.stdout) as { value: number; unit: string };
    expect(body.unit).toBe(example.unit);
    expect(Math.abs(body.value - example.value) / Math.abs(example.value)).toBeLessThan(example.tolerance ?? 1e-9);
  });

  it("formula list names every key", async () => {
    const body = JSON.parse((await matlit(["formula", "list", "--json"], t.url)).stdout) as { formulas: { key: string }[] };
    expect(body.formulas.map((f) => f.key)).toEqual(expect.arrayContaining(FORMULA_EXAMPLES.map((e) => e.key)));
  });

  it("search --json answers the README's query; the same bound as 0.25 Ah/g gives the same", async () => {
    const query = (min: number, unit: string) => ({
      q: "FeS2 sodium",
      facets: { battery_system: ["sodium-ion"], role: ["anode"], elements: { all: ["Fe", "S"] } },
      metrics: [{ property: "specific_capacity", min, unit, where: { temperature: { max: -20, unit: "degC" } } }],
    });
    const a = JSON.parse((await matlit(["search", "--json", JSON.stringify(query(250, "mAh/g"))], t.url)).stdout) as { materials: { ref: string }[] };
    const b = JSON.parse((await matlit(["search", "--json", JSON.stringify(query(0.25, "Ah/g"))], t.url)).stdout) as { materials: { ref: string }[] };
    expect(a.materials.map((m) => m.ref)).toEqual(["10.1007/s40820-025-01858-2/fes2-qd-mxene"]);
    expect(b.materials.map((m) => m.ref)).toEqual(a.materials.map((m) => m.ref));
  });

  it("search exits non-zero with the field on a bad query", async () => {
    const r = await matlit(["search", "--json", JSON.stringify({ metrics: [{ property: "nope" }] })], t.url);
    expect(r.status).not.toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ error: { message: 'metrics[0].property: unknown property "nope"', field: "metrics[0].property" } });
  });

  it("audit --json lists the flags with both numbers and the formula", async () => {
    const body = JSON.parse((await matlit(["audit", "--json"], t.url)).stdout) as {
      papers: { flags: { formula: string; stated: { value: number }; recomputed: { value: number } }[] }[];
    };
    const flags = body.papers.flatMap((p) => p.flags);
    expect(flags.find((f) => f.formula === "binding_energy_shift")).toMatchObject({ stated: { value: 1.2 }, recomputed: { value: expect.closeTo(1.1, 9) } });
  });

  it("stats prints per paper materials, synthesis steps and measurements by property", async () => {
    const out = (await matlit(["stats"], t.url)).stdout;
    expect(out).toMatch(/10\.1007\/s40820-025-01858-2/);
    expect(out).toMatch(/materials \d+, synthesis steps \d+, measurements \d+/);
    expect(out).toMatch(/specific_capacity\s+\d+/);
    expect(out).toMatch(/total: 5 papers/);
  });

  describe("bin/matlit.js, run as a shell runs it", () => {
    const work = mkdtempSync(join(tmpdir(), "matlit-bin-"));
    afterAll(() => rmSync(work, { recursive: true, force: true }));

    it("exits 1 on a bad record file, naming each bad field on stderr and importing nothing", async () => {
      const f = validFile("10.1234/matlit.bin.bad");
      (f.papers[0]!.materials![0]!.measurements![0] as { property: string }).property = "capacityy";
      const file = join(work, "bad.json");
      writeFileSync(file, JSON.stringify(f));
      const result = await matlitProcess(["import", file], t.url);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(
        `${file}: 1 invalid field(s); nothing was imported\n  papers[0].materials[0].measurements[0].property: unknown property "capacityy"\n`,
      );
      expect(await t.prisma.paper.count({ where: { doi: "10.1234/matlit.bin.bad" } })).toBe(0);
    });

    it("streams export to standard output and answers search --json, exiting 0", async () => {
      const [exported, searched] = await Promise.all([
        matlitProcess(["export", "--format", "json"], t.url),
        matlitProcess(["search", "--json", JSON.stringify({ q: "FeS2 sodium", facets: { role: ["anode"] } })], t.url),
      ]);
      expect(exported.status, exported.stderr).toBe(0);
      expect(exported.stdout).toBe((await matlit(["export", "--format", "json"], t.url)).stdout);
      expect((JSON.parse(exported.stdout) as { papers: unknown[] }).papers).toHaveLength(5);
      expect(searched.status, searched.stderr).toBe(0);
      expect((JSON.parse(searched.stdout) as { materials: { ref: string }[] }).materials.map((m) => m.ref)).toContain(
        "10.1007/s40820-025-01858-2/fes2-qd-mxene",
      );
    });
  });
});
