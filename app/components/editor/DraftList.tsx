import Link from "next/link";
import type { DraftSummary } from "@/lib/editing";

/** "Your drafts": work in progress of the signed-in editor, newest first. */
export function DraftList({ drafts, currentId }: { drafts: DraftSummary[]; currentId?: string }) {
  const others = drafts.filter((d) => d.id !== currentId);
  if (!others.length) return null;
  return (
    <section aria-labelledby="your-drafts" className="rounded border border-slate-200 bg-white p-3 text-sm shadow-sm">
      <h2 id="your-drafts" className="font-semibold">
        Your drafts
      </h2>
      <ul className="mt-1 space-y-0.5" data-testid="draft-list">
        {others.map((d) => (
          <li key={d.id}>
            <Link className="text-brand hover:underline" href={d.doi ? `/papers/edit/${d.doi}?draft=${d.id}` : `/papers/new?draft=${d.id}`}>
              {d.title}
            </Link>{" "}
            <span className="text-slate-500">
              {d.doi ? "edit of a published paper" : "new paper"} · saved {d.updatedAt.replace("T", " ").slice(0, 16)} UTC
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
