import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { fromSegments, getMaterial, paperPath, materialPath } from "@/lib/materials";
import { synthesisStepView } from "@/lib/materials/synthesis";
import { PaperQuote } from "@/app/components/PaperText";
import { groupAnchor, MeasurementTable, OtherScopes } from "@/app/components/MeasurementTable";
import { FoldAll } from "@/app/components/FoldAll";
import { OWN_SCOPE, SCOPE_TEXT } from "@/lib/records/scope";
import { AuditFlags, DerivedFigures } from "@/app/components/AuditViews";
import { auditPaper } from "@/lib/formulas/derive";
import { AddToCompare } from "@/app/compare/AddToCompare";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ ref: string[] }> };

async function load(params: Props["params"]) {
  const { ref } = await params;
  // A paper key and a material key; the paper key may hold slashes (a DOI) or not ("arxiv:2401.01234").
  if (ref.length < 2) return null;
  return getMaterial(db(), fromSegments(ref.slice(0, -1)), ref.at(-1)!);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const material = await load(params);
  return { title: material ? material.name : "Material not found" };
}

export default async function MaterialPage({ params }: Props) {
  const material = await load(params);
  if (!material) notFound();
  const paper = material.paper;
  const audit = await auditPaper(db(), paper.doi);
  const flags = audit.flags.filter((f) => f.materialId === material.id);
  const derived = audit.derived.filter((d) => d.materialId === material.id);
  return (
    <article className="space-y-8">
      <header>
        <p className="text-sm text-slate-500">
          <Link href={paperPath(paper.doi)} className="hover:underline">
            {paper.authors[0]?.name} et al., {paper.journal} {paper.year}
          </Link>
        </p>
        <h1 className="text-3xl font-semibold">{material.name}</h1>
        <div className="mt-2">
          <AddToCompare materialRef={`${paper.doi}/${material.key}`} name={material.name} />
        </div>
        <dl className="mt-3 grid grid-cols-2 gap-x-6 gap-y-1 text-sm break-words sm:grid-cols-4">
          <div>
            <dt className="text-slate-500">Role</dt>
            <dd data-testid="role">{material.role}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Battery system</dt>
            <dd data-testid="battery-system">{material.batterySystem}</dd>
          </div>
          <div>
            <dt className="text-slate-500">Class</dt>
            <dd>
              {material.materialClass}
              {material.isControl ? " (control)" : ""}
              {material.classNote ? (
                <span className="block text-slate-600" data-testid="class-note">
                  {material.classNote}
                </span>
              ) : null}
            </dd>
          </div>
          <div>
            <dt className="text-slate-500">Elements</dt>
            <dd>{material.elements.map((e) => e.symbol).join(", ") || "–"}</dd>
          </div>
          {material.formula ? (
            <div>
              <dt className="text-slate-500">Formula</dt>
              <dd className="font-mono">{material.formula}</dd>
            </div>
          ) : null}
          <RelatedMaterials label="Built from" doi={paper.doi} materials={material.components.map((c) => c.component)} />
          <RelatedMaterials label="Used in" doi={paper.doi} materials={material.usedIn.map((c) => c.material)} />
          {material.citedReference ? (
            <div className="col-span-2 sm:col-span-4">
              <dt className="text-slate-500">Primary reference (as cited by the review)</dt>
              <dd>{material.citedReference}</dd>
            </div>
          ) : null}
        </dl>
        {material.description ? <p className="mt-3 max-w-3xl text-slate-700">{material.description}</p> : null}
      </header>

      <JumpList material={material} derived={derived.length} />

      <AuditFlags flags={flags} />

      <section aria-labelledby="synthesis" className="scroll-mt-4">
        <h2 id="synthesis" className="text-xl font-semibold">
          Synthesis
        </h2>
        {material.synthesisSteps.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">The paper gives no synthesis route for this material.</p>
        ) : (
          <ol className="mt-3 space-y-3 border-l-2 border-brand/30 pl-4">
            {material.synthesisSteps.map(synthesisStepView).map((s) => (
              <li key={s.id}>
                <p className="font-medium">
                  {s.number}. {s.action}
                </p>
                {s.parameters.length ? <p className="text-sm text-slate-700">{s.parameters.join(" · ")}</p> : null}
                {s.reagents.length ? <p className="text-sm text-slate-600">Reagents: {s.reagents.join("; ")}</p> : null}
                {s.notes ? <p className="text-sm text-slate-600">{s.notes}</p> : null}
                {s.quote ? (
                  <blockquote className="mt-1 border-l-2 border-slate-300 pl-2 text-xs text-slate-500">
                    <PaperQuote text={s.quote} />
                  </blockquote>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="measurements">
        <h2 id="measurements" className="text-xl font-semibold">
          Measurements <span className="text-base font-normal text-slate-500">({material.measurementGroups.reduce((n, g) => n + g.items.length, 0)})</span>
        </h2>
        {material.measurementGroups.length === 0 ? <p className="mt-2 text-sm text-slate-500">No measurements recorded for this material.</p> : null}
        {material.measurementGroups.map((group) => (
          <MeasurementTable key={group.property.key} group={group} anchor={groupAnchor(OWN_SCOPE, group.property.key)} />
        ))}
      </section>

      <OtherScopes scopes={material.otherScopes} />

      <DerivedFigures figures={derived} />
    </article>
  );
}

/** Other materials of the paper this one is related to, as links: the cells it is built from, or those it is used in. */
function RelatedMaterials({ label, doi, materials }: { label: string; doi: string; materials: { key: string; name: string }[] }) {
  if (!materials.length) return null;
  return (
    <div className="col-span-2">
      <dt className="text-slate-500">{label}</dt>
      <dd>
        {materials.map((m, i) => (
          <span key={m.key}>
            {i ? ", " : ""}
            <Link className="text-brand hover:underline" href={materialPath(doi, m.key)}>
              {m.name}
            </Link>
          </span>
        ))}
      </dd>
    </div>
  );
}

/**
 * Where each part of a long material page is, with how many rows it holds: a link to each property
 * group (its own and the others'), the synthesis and the derived figures, and folding them all.
 */
function JumpList({ material, derived }: { material: NonNullable<Awaited<ReturnType<typeof getMaterial>>>; derived: number }) {
  const link = "rounded text-brand hover:underline";
  const count = (n: number) => <span className="text-slate-500"> {n}</span>;
  return (
    <nav aria-label="On this page" className="rounded border border-slate-200 bg-white px-3 py-2 text-sm" data-testid="jump-list">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="font-semibold">On this page</h2>
        {material.measurementCount ? <FoldAll group="measurements" /> : null}
      </div>
      <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
        <li>
          <a className={link} href="#synthesis">
            Synthesis
          </a>
          {count(material.synthesisSteps.length)}
        </li>
        {material.measurementGroups.map((g) => (
          <li key={g.property.key}>
            <a className={link} href={`#${groupAnchor(OWN_SCOPE, g.property.key)}`}>
              {g.property.label}
            </a>
            {count(g.items.length)}
          </li>
        ))}
        {material.otherScopes.map(({ scope, groups }) => (
          <li key={scope}>
            <a className={link} href={`#scope-${scope}`}>
              {SCOPE_TEXT[scope].heading}
            </a>
            {count(groups.reduce((n, g) => n + g.items.length, 0))}
          </li>
        ))}
        {derived ? (
          <li>
            <a className={link} href="#derived-figures">
              Derived figures
            </a>
            {count(derived)}
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
