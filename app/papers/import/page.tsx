import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth";
import { ImportForm } from "@/app/components/editor/ImportForm";

export const metadata: Metadata = { title: "Import records" };
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  if (!(await currentUser())) redirect("/login?next=/papers/import");
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Import a record file</h1>
      <p className="max-w-3xl text-sm text-slate-600">
        A JSON file of the matlit record format (<code>{'{ "papers": [ … ] }'}</code>, as <code>matlit export</code> writes it). It is checked exactly like{" "}
        <code>matlit import</code> and loaded all or nothing: one bad field and nothing is saved. A paper whose DOI is already known is replaced, its previous
        state kept in its revision history. To type a paper in, use{" "}
        <Link className="text-brand hover:underline" href="/papers/new">
          Add paper
        </Link>
        .
      </p>
      <ImportForm />
    </div>
  );
}
