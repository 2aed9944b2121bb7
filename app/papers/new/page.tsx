import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth";
import { draftForPage, listDrafts } from "@/lib/editing";
import { PaperEditor } from "@/app/components/editor/PaperEditor";
import { DraftList } from "@/app/components/editor/DraftList";
import { coerceState, emptyState } from "@/lib/editing/form";

export const metadata: Metadata = { title: "Add paper" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewPaperPage({ searchParams }: Props) {
  const params = await searchParams;
  const requested = Array.isArray(params.draft) ? params.draft[0] : params.draft;
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(requested ? `/papers/new?draft=${requested}` : "/papers/new")}`);
  const draft = await draftForPage(user, requested, null);
  if (draft.forbidden) {
    return (
      <p role="alert" className="text-red-800">
        This draft belongs to another editor.{" "}
        <Link className="text-brand underline" href="/papers/new">
          Start a new paper
        </Link>
      </p>
    );
  }
  const drafts = await listDrafts(user.id);
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600">
        Start from a text or a file (step 1: matlit proposes what it finds for you to review), fill in the paper by hand, or{" "}
        <Link className="text-brand hover:underline" href="/papers/import">
          upload a JSON record file
        </Link>
        .
      </p>
      <DraftList drafts={drafts} currentId={draft.id} />
      <PaperEditor
        key={draft.id}
        mode="new"
        draftId={draft.id}
        initialState={draft.state ? coerceState(draft.state) : emptyState()}
        savedAt={draft.savedAt}
        discardTo="/papers/new"
      />
    </div>
  );
}
