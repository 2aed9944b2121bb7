/**
 * Each measurement row keeps the unit its canonical value is in (Measurement.canonicalUnit): written
 * on every import, and read so that a row converted under another canonical unit is converted to
 * the catalogue's unit, never relabelled with it.
 */
import { describe, it, expect, afterAll, beforeAll } from "vitest";
import { createTestDatabase, type TestDatabase } from "../helpers/db";
import { validFile } from "../helpers/records";
import { importRecords, validateRecordFile } from "../../lib/records";
import { getMaterial } from "../../lib/materials";
import { inCanonicalUnit, PROPERTIES } from "../../lib/units";

describe("the canonical unit stored with each measurement", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await importRecords(t.prisma, validateRecordFile(validFile()));
  });
  afterAll(async () => t?.cleanup());

  it("is the property's canonical unit on every imported row", async () => {
    const rows = await t.prisma.measurement.findMany({ select: { propertyKey: true, canonicalUnit: true } });
    expect(rows.length).toBeGreaterThan(0);
    const units = new Map(PROPERTIES.map((p) => [p.key, p.unit]));
    for (const r of rows) expect(r.canonicalUnit, r.propertyKey).toBe(units.get(r.propertyKey));
  });

  it("converts a value stored in another unit into the catalogue's canonical unit", async () => {
    expect(inCanonicalUnit("specific_capacity", 0.25, "Ah/g")).toBe(250);
    expect(inCanonicalUnit("specific_capacity", 250, "mAh/g")).toBe(250);
    expect(inCanonicalUnit("temperature_is_not_a_property", 7, "K")).toBe(7);

    const capacity = await t.prisma.measurement.findFirstOrThrow({
      where: { propertyKey: "specific_capacity" },
      include: { material: { include: { paper: true } } },
    });
    // As if the row had been written while the catalogue's canonical unit was Ah/g.
    await t.prisma.measurement.update({
      where: { id: capacity.id },
      data: { canonicalMin: capacity.canonicalMin / 1000, canonicalMax: capacity.canonicalMax / 1000, canonicalUnit: "Ah/g" },
    });
    const material = await getMaterial(t.prisma, capacity.material.paper.doi, capacity.material.key);
    const view = material!.measurementGroups.flatMap((g) => g.items).find((m) => m.id === capacity.id)!;
    expect(view.canonicalMin).toBeCloseTo(capacity.canonicalMin, 9);
    expect(view.canonicalMax).toBeCloseTo(capacity.canonicalMax, 9);
  });
});
