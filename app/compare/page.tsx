import type { Metadata } from "next";
import { db } from "@/lib/db";
import { idsFromParams } from "@/lib/compare";
import { comparePicked } from "@/lib/compare/picked";
import { SHARED_ROWS_PARAM } from "@/lib/compare/filter";
import { unitChoices } from "@/lib/units/choices";
import { CompareApp } from "./CompareApp";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Compare" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ComparePage({ searchParams }: Props) {
  const raw = await searchParams;
  const params = new URLSearchParams();
  for (const value of [raw.ids ?? []].flat()) params.append("ids", value);
  const { materials, errors, comparison } = await comparePicked(db(), idsFromParams(params));

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-semibold">Compare electrodes</h1>
        <p className="mt-1 max-w-3xl text-slate-600">
          Materials from any papers side by side: numbers aligned on the conditions they were measured under, in one unit per property, with the figures matlit
          recomputes from each paper&apos;s own numbers.
        </p>
      </header>
      <CompareApp
        chips={materials}
        errors={errors}
        comparison={comparison}
        units={Object.fromEntries((comparison?.properties ?? []).map(({ property: p }) => [p.key, unitChoices(p.unit, p.display)]))}
        sharedOnly={raw[SHARED_ROWS_PARAM] === "1"}
      />
    </div>
  );
}
