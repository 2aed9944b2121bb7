/**
 * Which materials a comparison is about: ids, "DOI/key" references or names resolved to materials,
 * with the limits and errors the CLI, the API and the compare page share.
 */
import { isPaperKey } from "../records/identifiers";
import type { PrismaClient } from "../db";
import { AppError, type ErrorCode } from "../errors";
import { isRowId } from "../db/ids";
import { materialPath, materialRef, paperPath, parseMaterialRef } from "../materials";
import { searchForm } from "../records/chemistry";
import type { ComparedMaterial } from "./types";

export const MIN_MATERIALS = 2;
export const MAX_MATERIALS = 8;

/** A refused comparison; `field` names the id at fault ("ids[1]") or the list ("ids"). */
export class CompareError extends AppError {
  declare readonly field: string;
  constructor(
    message: string,
    field = "ids",
    code: ErrorCode = "invalid",
    readonly candidates?: { ref: string; name: string; paper: string }[],
  ) {
    super(code, message, { field, details: candidates ? { candidates } : undefined });
  }
}

/** `?ids=A&ids=B` and `?ids=A,B` alike. A DOI never contains a comma; a name might not either. */
export function idsFromParams(params: URLSearchParams): string[] {
  return params
    .getAll("ids")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

const fold = (s: string) => searchForm(s).toLowerCase();

interface MaterialRow {
  id: number;
  key: string;
  name: string;
  searchName: string;
  formula: string | null;
  role: string;
  batterySystem: string;
  materialClass: string;
  isControl: boolean;
  paper: { doi: string; title: string; journal: string; year: number; authors: { name: string }[] };
}

const MATERIAL_SELECT = {
  id: true,
  key: true,
  name: true,
  searchName: true,
  formula: true,
  role: true,
  batterySystem: true,
  materialClass: true,
  isControl: true,
  paper: { select: { doi: true, title: true, journal: true, year: true, authors: { orderBy: { position: "asc" as const }, take: 1, select: { name: true } } } },
} as const;

/** Resolve one material by numeric id, "DOI/key", name (case- and script-folded) or, failing those, key. */
async function resolveOne(prisma: PrismaClient, raw: string, index: number): Promise<MaterialRow> {
  const text = raw.trim();
  const field = `ids[${index}]`;
  if (/^\d+$/.test(text)) {
    const id = Number(text);
    const byId = isRowId(id) ? await prisma.material.findUnique({ where: { id }, select: MATERIAL_SELECT }) : null;
    if (byId) return byId;
    throw new CompareError(`no material has id ${text}`, field, "not_found");
  }
  const ref = parseMaterialRef(text);
  if (ref && isPaperKey(ref.doi)) {
    const byRef = await prisma.material.findFirst({ where: { key: ref.key, paper: { doi: ref.doi } }, select: MATERIAL_SELECT });
    if (byRef) return byRef;
  }
  const wanted = fold(text);
  const all = await prisma.material.findMany({ select: MATERIAL_SELECT, orderBy: { id: "asc" } });
  let matches = all.filter((m) => fold(m.searchName) === wanted || fold(m.name) === wanted);
  if (!matches.length) matches = all.filter((m) => m.key.toLowerCase() === wanted);
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    const candidates = matches.map((m) => ({
      ref: materialRef(m.paper.doi, m.key),
      name: m.name,
      paper: `${m.paper.authors[0]?.name ?? ""} ${m.paper.journal} ${m.paper.year}`.trim(),
    }));
    throw new CompareError(
      `"${text}" names ${matches.length} materials; give one of their ids: ${candidates.map((c) => `${c.ref} (${c.name}, ${c.paper})`).join("; ")}`,
      field,
      "invalid",
      candidates,
    );
  }
  throw new CompareError(`no material matches "${text}" (give "DOI/key", a numeric id or the material's name)`, field, "not_found");
}

/** Resolve 2–8 ids or names to materials, in the order given. */
export async function resolveMaterials(
  prisma: PrismaClient,
  refsOrNames: string[],
  limits = { min: MIN_MATERIALS, max: MAX_MATERIALS },
): Promise<ComparedMaterial[]> {
  const ids = refsOrNames.map((s) => s.trim()).filter(Boolean);
  if (ids.length < limits.min) throw new CompareError(`compare needs at least ${limits.min} materials (got ${ids.length})`);
  if (ids.length > limits.max) throw new CompareError(`compare takes at most ${limits.max} materials (got ${ids.length})`);
  const rows: MaterialRow[] = [];
  for (const [i, id] of ids.entries()) {
    const m = await resolveOne(prisma, id, i);
    const twice = rows.findIndex((r) => r.id === m.id);
    if (twice >= 0) throw new CompareError(`"${id}" and "${ids[twice]}" are the same material (${m.name}); list each material once`, `ids[${i}]`);
    rows.push(m);
  }
  return rows.map((m, index) => ({
    index,
    id: m.id,
    ref: materialRef(m.paper.doi, m.key),
    key: m.key,
    name: m.name,
    formula: m.formula,
    role: m.role,
    batterySystem: m.batterySystem,
    materialClass: m.materialClass,
    isControl: m.isControl,
    path: materialPath(m.paper.doi, m.key),
    paper: {
      doi: m.paper.doi,
      title: m.paper.title,
      journal: m.paper.journal,
      year: m.paper.year,
      firstAuthor: m.paper.authors[0]?.name ?? null,
      path: paperPath(m.paper.doi),
    },
  }));
}
