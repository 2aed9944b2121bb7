import type { PaperRevision } from "@/lib/editing";
import { diffRecords, show } from "./diff";

const MAX_JSON = 20_000;
const truncate = (text: string) =>
  text.length > MAX_JSON ? `${text.slice(0, MAX_JSON)}\n… (${text.length - MAX_JSON} more characters; the full record is in matlit export)` : text;

/** A paper's revisions, newest first: who, when, what, and what changed (before → after). */
export function RevisionHistory({ revisions }: { revisions: PaperRevision[] }) {
  return (
    <section aria-labelledby="history">
      <h2 id="history" className="text-lg font-semibold">
        Revision history
      </h2>
      {revisions.length === 0 ? <p className="text-sm text-slate-600">No revisions recorded.</p> : null}
      <ol className="mt-1 space-y-2 text-sm" data-testid="revisions">
        {revisions.map((r) => {
          const { before, after } = r;
          const { changes, truncated } = before !== undefined ? diffRecords(before, after) : { changes: [], truncated: false };
          return (
            <li key={r.id} className="rounded border border-slate-200 bg-white px-3 py-2" data-testid="revision">
              <p>
                <span className="font-medium">{r.action === "create" ? "Created" : r.action === "replace" ? "Edited" : r.action}</span> by{" "}
                <span data-testid="revision-user">{r.editor ?? "import / command line"}</span> on{" "}
                <time dateTime={r.createdAt.toISOString()}>{r.createdAt.toISOString().replace("T", " ").slice(0, 19)} UTC</time>
                {before !== undefined ? (
                  <span className="text-slate-500">
                    {" "}
                    · {changes.length}
                    {truncated ? "+" : ""} field(s) changed
                  </span>
                ) : null}
              </p>
              <details className="mt-1">
                <summary className="cursor-pointer text-brand">{before !== undefined ? "Show changes" : "Show the record as created"}</summary>
                {before !== undefined ? (
                  changes.length ? (
                    <table className="mt-1 w-full table-fixed border-collapse text-xs">
                      <thead>
                        <tr className="text-left text-slate-500">
                          <th className="w-1/4 font-normal">Field</th>
                          <th className="font-normal">Before</th>
                          <th className="font-normal">After</th>
                        </tr>
                      </thead>
                      <tbody>
                        {changes.map((c) => (
                          <tr key={c.path} className="border-t border-slate-100 align-top">
                            <td className="break-all py-0.5 font-mono">{c.path}</td>
                            <td className="whitespace-pre-wrap break-words bg-red-50 py-0.5">{show(c.before)}</td>
                            <td className="whitespace-pre-wrap break-words bg-emerald-50 py-0.5">{show(c.after)}</td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  ) : (
                    <p className="text-slate-600">The record was written again unchanged.</p>
                  )
                ) : (
                  <pre className="mt-1 max-h-96 overflow-auto whitespace-pre-wrap break-words bg-slate-50 p-2 text-xs">
                    {truncate(JSON.stringify(after, null, 2))}
                  </pre>
                )}
              </details>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
