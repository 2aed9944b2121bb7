/**
 * Editing on the server: drafts saved as the editor types, and publishing a paper from the form
 * or the API through the one record validation and writePaper, in one transaction.
 */
import { paperKey } from "../records/identifiers";
import { publishingProblems } from "./form";
import { z } from "zod";
import { db, type PrismaClient, type Tx } from "../db";
import { writeTransaction } from "../db/transaction";
import { AppError } from "../errors";
import { validateRecordFile, RecordValidationError } from "../records/validate";
import { readPapers, writePaper } from "../records/store";
import type { PaperParsed } from "../records/schema";
import type { Editor } from "../auth";
import { paperPath as paperUrl } from "../materials/paths";

export const DRAFT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const MAX_DRAFT_BYTES = 2 * 1024 * 1024;
export const MAX_PAPER_BYTES = 2 * 1024 * 1024;

const notYours = () => new AppError("forbidden", "this draft belongs to another editor");

export function assertDraftId(id: string): string {
  if (!DRAFT_ID.test(id)) throw new AppError("invalid", "a draft id is a lower-case UUID", { field: "id" });
  return id;
}

export const draftBodySchema = z
  .object({
    doi: z.string().max(300).nullable().optional(),
    state: z.record(z.string(), z.unknown()),
    baseVersion: z.number().int().positive().nullable().optional(),
  })
  .strict();

export interface DraftSummary {
  id: string;
  doi: string | null;
  title: string;
  updatedAt: string;
}

function titleOf(json: string): string {
  try {
    const state = JSON.parse(json) as { paper?: { title?: unknown; doi?: unknown } };
    const title = typeof state.paper?.title === "string" ? state.paper.title.trim() : "";
    const doi = typeof state.paper?.doi === "string" ? state.paper.doi.trim() : "";
    return title || doi || "(untitled)";
  } catch {
    return "(unreadable draft)";
  }
}

export async function listDrafts(userId: number, prisma: PrismaClient = db()): Promise<DraftSummary[]> {
  const drafts = await prisma.paperDraft.findMany({ where: { userId }, orderBy: { updatedAt: "desc" }, take: 200 });
  return drafts.map((d) => ({ id: d.id, doi: d.doi, title: titleOf(d.json), updatedAt: d.updatedAt.toISOString() }));
}

/** The draft if it belongs to `user`; not_found when missing, forbidden when it is someone else's. */
export async function ownDraft(id: string, user: Editor, prisma: PrismaClient = db()) {
  const draft = await prisma.paperDraft.findUnique({ where: { id: assertDraftId(id) } });
  if (!draft) throw new AppError("not_found", `no draft ${id}`);
  if (draft.userId !== user.id) throw notYours();
  return draft;
}

/** Create or overwrite a draft of `user`; refuses another editor's draft. */
export async function saveDraft(id: string, user: Editor, body: unknown, prisma: PrismaClient = db()) {
  assertDraftId(id);
  const parsed = draftBodySchema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError("invalid", `draft: ${issue.path.join(".") || "body"}: ${issue.message}`, { field: issue.path.join(".") || undefined });
  }
  const json = JSON.stringify(parsed.data.state);
  const doi = parsed.data.doi?.trim().toLowerCase() || null;
  const baseVersion = parsed.data.baseVersion ?? null;
  return writeTransaction(prisma, async (tx) => {
    const existing = await tx.paperDraft.findUnique({ where: { id }, select: { userId: true } });
    if (existing && existing.userId !== user.id) throw notYours();
    const saved = existing
      ? await tx.paperDraft.update({ where: { id }, data: { json, doi, baseVersion } })
      : await tx.paperDraft.create({ data: { id, userId: user.id, json, doi, baseVersion } });
    return { id: saved.id, doi: saved.doi, updatedAt: saved.updatedAt.toISOString() };
  });
}

/** Discard a draft of `user` (not_found when missing, forbidden when it is someone else's). */
export async function deleteDraft(id: string, user: Editor, prisma: PrismaClient = db()): Promise<string> {
  const draft = await ownDraft(id, user, prisma);
  await writeTransaction(prisma, (tx) => tx.paperDraft.deleteMany({ where: { id: draft.id, userId: user.id } }));
  return draft.id;
}

/**
 * A paper's version: the id of its latest revision (every publish and import writes one), or null
 * for an unknown DOI. An edit remembers the version it started from; publishing refuses when the
 * paper has moved on since, so one editor never silently overwrites another's work.
 */
export async function paperVersion(doi: string, prisma: PrismaClient | Tx = db()): Promise<{ version: number; savedAt: Date; savedBy: string | null } | null> {
  const latest = await prisma.revision.findFirst({
    where: { entityType: "paper", entityKey: doi.toLowerCase() },
    orderBy: { id: "desc" },
    select: { id: true, createdAt: true, user: { select: { email: true } } },
  });
  return latest ? { version: latest.id, savedAt: latest.createdAt, savedBy: latest.user?.email ?? null } : null;
}

/** One saved change of a paper: who, when, and the record before (absent when created) and after. */
export interface PaperRevision {
  id: number;
  action: string;
  /** The editor's e-mail; null for an import or the command line. */
  editor: string | null;
  createdAt: Date;
  before?: unknown;
  after?: unknown;
}

/**
 * A paper's revisions, newest first (at most `limit`). What each wrote ("after") is the next
 * revision's "before", or for the newest the paper as it stands (older databases stored it too).
 */
export async function paperRevisions(doi: string, prisma: PrismaClient = db(), limit = 50): Promise<PaperRevision[]> {
  const revisions = await prisma.revision.findMany({
    where: { entityType: "paper", entityKey: doi.toLowerCase() },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    include: { user: { select: { email: true } } },
    take: limit,
  });
  const [current] = revisions.length ? await readPapers(prisma, { dois: [doi.toLowerCase()] }) : [];
  return revisions.map((r, i) => {
    const newer = revisions[i - 1];
    const after = r.afterJson
      ? (JSON.parse(r.afterJson) as unknown)
      : newer
        ? newer.beforeJson
          ? (JSON.parse(newer.beforeJson) as unknown)
          : undefined
        : current;
    return {
      id: r.id,
      action: r.action,
      editor: r.user?.email ?? null,
      createdAt: r.createdAt,
      ...(r.beforeJson ? { before: JSON.parse(r.beforeJson) as unknown } : {}),
      ...(after !== undefined ? { after } : {}),
    };
  });
}

/** A record-file path of the one paper ("papers[0].materials[1].unit") as the paper's own path. */
export const paperPath = (path: string): string => path.replace(/^papers\[0\]\.?/, "") || "(paper)";

/** Validate one paper with the record file's validation; field errors name paths within the paper. */
export function validatePaper(input: unknown): PaperParsed {
  if (!input || typeof input !== "object" || Array.isArray(input)) throw new AppError("invalid", "the body must be one paper record (a JSON object)");
  try {
    return validateRecordFile({ papers: [input] }).papers[0]!;
  } catch (e) {
    if (!(e instanceof RecordValidationError)) throw e;
    throw new RecordValidationError(e.errors.map((x) => ({ path: paperPath(x.path), message: x.message })));
  }
}

/**
 * Publish a paper: validate, then in one transaction check it is new (create) or exists (update),
 * write it through writePaper (a Revision records who, when, before and after; the search index
 * follows by trigger) and remove the draft it came from.
 */
export async function publishPaper(
  input: unknown,
  options: { user: Editor; mode: "create" | "update"; doi?: string; draftId?: string | null; baseVersion?: number },
  prisma: PrismaClient = db(),
) {
  const paper = { ...validatePaper(input), status: "published" as const };
  const missing = publishingProblems(paper);
  if (missing.length) throw new RecordValidationError(missing);
  const key = paperKey(paper);
  if (options.mode === "update" && options.doi && key !== options.doi.toLowerCase()) {
    throw new AppError("invalid", `the DOI or identifier of a paper cannot change while editing it (${options.doi} → ${key}); add it as a new paper instead`, {
      field: paper.doi ? "doi" : "identifier",
    });
  }
  // The draft the record came from is discarded with the publish; one never saved is no matter.
  if (options.draftId) {
    const draft = await prisma.paperDraft.findUnique({ where: { id: assertDraftId(options.draftId) }, select: { userId: true } });
    if (draft && draft.userId !== options.user.id) throw notYours();
  }
  return writeTransaction(prisma, async (tx) => {
    const existing = await tx.paper.findUnique({ where: { doi: key }, select: { id: true, title: true } });
    if (options.mode === "create" && existing) {
      throw new AppError(
        "conflict",
        `${paper.doi ? `DOI ${key}` : `identifier ${paper.identifier}`} is already in the knowledge base ("${existing.title}"); edit that paper instead`,
        {
          field: paper.doi ? "doi" : "identifier",
          details: { path: paperUrl(key) },
        },
      );
    }
    if (options.mode === "update" && !existing) throw new AppError("not_found", `no paper with DOI or identifier ${key}`);
    if (options.mode === "update" && options.baseVersion !== undefined) {
      const current = await paperVersion(key, tx);
      if (current && current.version !== options.baseVersion) {
        const who = current.savedBy ? ` by ${current.savedBy}` : "";
        throw new AppError(
          "conflict",
          `someone else saved this paper (${current.savedAt.toISOString().replace("T", " ").slice(0, 16)} UTC${who}) after you started editing; nothing was published and your draft is kept — open the paper to see their version and apply your changes to it`,
          { field: "version", details: { currentVersion: current.version, baseVersion: options.baseVersion } },
        );
      }
    }
    const summary = await writePaper(tx, paper, options.user.id);
    if (options.draftId) await tx.paperDraft.deleteMany({ where: { id: options.draftId, userId: options.user.id } });
    return summary;
  });
}

/** A saved draft as the editor page resumes it. */
const resumedDraft = (draft: { id: string; json: string; updatedAt: Date; baseVersion: number | null }) => ({
  forbidden: false as const,
  id: draft.id,
  state: JSON.parse(draft.json) as unknown,
  savedAt: draft.updatedAt.toISOString(),
  resumed: true,
  baseVersion: draft.baseVersion,
});

/**
 * Which draft an editor page shows: the one named in the URL (if it is the editor's), else for an
 * edit the editor's latest draft of that paper, else a new id. `state` is null when nothing was
 * saved yet; `forbidden` when the URL names another editor's draft.
 */
export async function draftForPage(user: Editor, requested: string | undefined, doi: string | null, prisma: PrismaClient = db()) {
  const { randomUUID } = await import("node:crypto");
  if (requested && DRAFT_ID.test(requested)) {
    const draft = await prisma.paperDraft.findUnique({ where: { id: requested } });
    if (draft && draft.userId !== user.id) return { forbidden: true as const };
    if (draft) return resumedDraft(draft);
    return { forbidden: false as const, id: requested, state: null, savedAt: null, resumed: false, baseVersion: null };
  }
  if (doi) {
    const latest = await prisma.paperDraft.findFirst({ where: { userId: user.id, doi }, orderBy: { updatedAt: "desc" } });
    if (latest) return resumedDraft(latest);
  }
  return { forbidden: false as const, id: randomUUID(), state: null, savedAt: null, resumed: false, baseVersion: null };
}
