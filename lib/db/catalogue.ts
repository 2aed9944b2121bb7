/** Keeps the Property and Formula tables equal to the catalogues in code (the source of truth). */
import type { PrismaClient } from "./index";
import { writeTransaction } from "./transaction";
import { PROPERTIES } from "../units/properties";
import { FORMULAS } from "../formulas/catalogue";

export async function syncCatalogue(prisma: PrismaClient): Promise<void> {
  await writeTransaction(prisma, async (tx) => {
    for (const p of PROPERTIES) {
      const data = { label: p.label, unit: p.unit, display: p.display, group: p.group, better: p.better ?? null, description: p.description };
      await tx.property.upsert({ where: { key: p.key }, create: { key: p.key, ...data }, update: data });
    }
    for (const f of FORMULAS) {
      const data = {
        name: f.name,
        expression: f.expression,
        latex: f.latex,
        variablesJson: JSON.stringify(f.variables),
        outputUnit: f.outputUnit,
        kind: f.kind,
        referencesJson: JSON.stringify(f.references),
      };
      await tx.formula.upsert({ where: { key: f.key }, create: { key: f.key, ...data }, update: data });
    }
  });
}
