import type { Metadata } from "next";
import { db } from "@/lib/db";
import { compareMaterials, CompareError, idsFromParams, MAX_MATERIALS, resolveMaterials, type Comparison } from "@/lib/compare";
import { unitChoices } from "@/lib/units/choices";
import { CompareApp, type Chip } from "./CompareApp";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ComparePage({ searchParams }: Props) {
  const raw = await searchParams;
  const params = new URLSearchParams();
  for (const value of [raw.ids ?? []].flat()) params.append("ids", value);
  const ids = idsFromParams(params);
  const prisma = db();

  // Each id on its own first, so the picker can name what resolved and point at what did not.
  const chips: Chip[] = [];
  const errors: { message: string; field: string }[] = [];
  for (const [i, id] of ids.entries()) {
    try {
      const [m] = await resolveMaterials(prisma, [id], { min: 1, max: 1 });
      const duplicate = chips.find((c) => c.ref === m!.ref);
      if (duplicate) {
        errors.push({ message: `"${id}" is already in the comparison as ${m!.name}`, field: `ids[${i}]` });
        chips.push({ id, ref: m!.ref, name: m!.name, paper: null, path: m!.path, error: "listed twice" });
        continue;
      }
      chips.push({ id, ref: m!.ref, name: m!.name, path: m!.path, paper: `${m!.paper.firstAuthor ?? ""} et al., ${m!.paper.journal} ${m!.paper.year}`, error: null });
    } catch (e) {
      if (!(e instanceof CompareError)) throw e;
      errors.push({ message: e.message, field: `ids[${i}]` });
      chips.push({ id, ref: null, name: id, path: null, paper: null, error: e.message });
    }
  }
  if (ids.length > MAX_MATERIALS) errors.push({ message: `compare takes at most ${MAX_MATERIALS} materials (got ${ids.length}); remove some`, field: "ids" });

  let comparison: Comparison | null = null;
  if (!errors.length && chips.length >= 2) {
    try {
      comparison = await compareMaterials(prisma, chips.map((c) => c.ref!));
    } catch (e) {
      if (!(e instanceof CompareError)) throw e;
      errors.push({ message: e.message, field: e.field });
    }
  }

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">Compare electrodes</h1>
        <p className="mt-1 max-w-3xl text-slate-600">
          Materials from any papers side by side: numbers aligned on the conditions they were measured under, in one unit per property, with the
          figures matlit recomputes from each paper&apos;s own numbers.
        </p>
      </header>
      <CompareApp chips={chips} errors={errors} comparison={comparison} units={Object.fromEntries((comparison?.properties ?? []).map(({ property: p }) => [p.key, unitChoices(p.unit, p.display)]))} />
    </div>
  );
}
