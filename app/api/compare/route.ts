import { db } from "@/lib/db";
import { compareMaterials, comparisonToCsv, idsFromParams } from "@/lib/compare";
import { handle } from "@/lib/http";
import { AppError } from "@/lib/errors";

export const dynamic = "force-dynamic";

/**
 * GET /api/compare?ids=REF&ids=REF… (or ?ids=REF,REF): 2–8 materials as "DOI/key", numeric ids or
 * names. JSON by default (the same as `matlit compare --json`); `&format=csv` for one line per cell.
 */
export async function GET(request: Request) {
  return handle(async () => {
    const params = new URL(request.url).searchParams;
    const format = params.get("format") ?? "json";
    if (format !== "json" && format !== "csv") throw new AppError("invalid", `format must be "json" or "csv" (got "${format}")`, { field: "format" });
    const comparison = await compareMaterials(db(), idsFromParams(params));
    if (format === "json") return Response.json(comparison);
    const name = `matlit-compare-${comparison.materials.map((m) => m.key).join("-")}`.slice(0, 120);
    return new Response(await comparisonToCsv(comparison), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}.csv"` },
    });
  });
}
