import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { currentUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { draftForPage, listDrafts, paperVersion } from "@/lib/editing";
import { readPapers } from "@/lib/records/store";
import { fromSegments, paperEditPath, paperPath } from "@/lib/materials";
import { PaperEditor } from "@/app/components/editor/PaperEditor";
import { DraftList } from "@/app/components/editor/DraftList";
import { coerceState, recordToForm } from "@/lib/editing/form";

export const metadata: Metadata = { title: "Edit paper" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ doi: string[] }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function EditPaperPage({ params, searchParams }: Props) {
  const doi = fromSegments((await params).doi).toLowerCase();
  const query = await searchParams;
  const requested = Array.isArray(query.draft) ? query.draft[0] : query.draft;
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(paperEditPath(doi))}`);
  const [paper] = await readPapers(db(), { dois: [doi] });
  if (!paper) notFound();
  const draft = await draftForPage(user, requested, doi);
  if (draft.forbidden) {
    return (
      <p role="alert" className="text-red-800">
        This draft belongs to another editor.{" "}
        <Link className="text-brand underline" href={paperEditPath(doi)}>
          Edit the published paper
        </Link>
      </p>
    );
  }
  const drafts = await listDrafts(user.id);
  const current = await paperVersion(doi);
  // A resumed draft keeps the version it started from; a fresh edit starts from the current one.
  const baseVersion = draft.state ? draft.baseVersion : (current?.version ?? null);
  const overtaken = baseVersion !== null && current !== null && baseVersion !== current.version;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        <Link className="text-brand hover:underline" href={paperPath(doi)}>
          ← {paper.title}
        </Link>
      </p>
      {draft.resumed ? (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900" role="status">
          You are continuing your unpublished changes (saved {draft.savedAt?.replace("T", " ").slice(0, 16)} UTC). Discard the draft to start again from the
          published record.
        </p>
      ) : null}
      {overtaken ? (
        <p className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800" role="alert" data-testid="edit-overtaken">
          Someone else saved this paper ({current.savedAt.toISOString().replace("T", " ").slice(0, 16)} UTC{current.savedBy ? ` by ${current.savedBy}` : ""})
          after you started these changes. Publishing them would overwrite that work, so it is refused: open the paper to see the saved version, discard this
          draft and apply your changes again.
        </p>
      ) : null}
      <DraftList drafts={drafts} currentId={draft.id} />
      <PaperEditor
        key={draft.id}
        mode="edit"
        originalDoi={doi}
        baseVersion={baseVersion}
        draftId={draft.id}
        initialState={draft.state ? coerceState(draft.state) : recordToForm(paper)}
        savedAt={draft.savedAt}
        discardTo={paperPath(doi)}
      />
    </div>
  );
}
