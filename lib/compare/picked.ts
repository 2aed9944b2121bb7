/**
 * The compare page's materials as its URL names them: each id resolved on its own, so the picker
 * can name what resolved and point at what did not, and the comparison once every id resolved.
 */
import type { PrismaClient } from "../db";
import type { FieldError } from "../errors";
import { compareMaterials } from "./compare";
import { CompareError, MAX_MATERIALS, resolveMaterials } from "./resolve";
import type { Comparison } from "./types";

export interface PickedMaterial {
  /** As written in the URL. */
  id: string;
  /** "DOI/key" once resolved. */
  ref: string | null;
  name: string;
  path: string | null;
  /** "First author et al., Journal year". */
  paper: string | null;
  /** Why this id is not compared; null when it is. */
  error: string | null;
}

export interface PickedComparison {
  materials: PickedMaterial[];
  /** What keeps the comparison from being made, by the id at fault ("ids[2]") or the list ("ids"). */
  errors: FieldError[];
  comparison: Comparison | null;
}

export async function comparePicked(prisma: PrismaClient, ids: string[]): Promise<PickedComparison> {
  const materials: PickedMaterial[] = [];
  const errors: FieldError[] = [];
  for (const [i, id] of ids.entries()) {
    const field = `ids[${i}]`;
    const resolved = await resolveMaterials(prisma, [id], { min: 1, max: 1 }).catch((e: unknown) => {
      if (!(e instanceof CompareError)) throw e;
      return e;
    });
    if (resolved instanceof CompareError) {
      errors.push({ message: resolved.message, path: field });
      materials.push({ id, ref: null, name: id, path: null, paper: null, error: resolved.message });
      continue;
    }
    const m = resolved[0]!;
    if (materials.some((c) => c.ref === m.ref)) {
      errors.push({ message: `"${id}" is already in the comparison as ${m.name}`, path: field });
      materials.push({ id, ref: m.ref, name: m.name, paper: null, path: m.path, error: "listed twice" });
      continue;
    }
    materials.push({
      id,
      ref: m.ref,
      name: m.name,
      path: m.path,
      paper: `${m.paper.firstAuthor ?? ""} et al., ${m.paper.journal} ${m.paper.year}`,
      error: null,
    });
  }
  if (ids.length > MAX_MATERIALS) errors.push({ message: `compare takes at most ${MAX_MATERIALS} materials (got ${ids.length}); remove some`, path: "ids" });
  if (errors.length || materials.length < 2) return { materials, errors, comparison: null };
  // A material removed since it resolved above.
  const comparison = await compareMaterials(
    prisma,
    materials.map((c) => c.ref!),
  ).catch((e: unknown) => {
    if (!(e instanceof CompareError)) throw e;
    errors.push({ message: e.message, path: e.field });
    return null;
  });
  return { materials, errors, comparison };
}
