import { db } from "@/lib/db";
import { scatterData } from "@/lib/compare/scatter";
import { DEFAULT_SCATTER } from "@/lib/compare/types";
import { handle } from "@/lib/http";
import { AppError } from "@/lib/errors";
import { isRowId } from "@/lib/db/ids";

export const dynamic = "force-dynamic";

/**
 * GET /api/compare/scatter?x=AXIS&y=AXIS&highlight=ID,ID: points for a property-vs-property (or
 * -condition) scatter: every point of the highlighted materials and a sample of the rest.
 */
export async function GET(request: Request) {
  return handle(async () => {
    const params = new URL(request.url).searchParams;
    const highlight = (params.get("highlight") ?? "").split(",").filter(Boolean).map(Number);
    if (highlight.some((id) => !isRowId(id)))
      throw new AppError("invalid", "highlight: give material ids as whole numbers separated by commas", { field: "highlight" });
    return Response.json(
      await scatterData(db(), params.get("x") || DEFAULT_SCATTER.x, params.get("y") || DEFAULT_SCATTER.y, { highlight: highlight.slice(0, 8) }),
    );
  });
}
