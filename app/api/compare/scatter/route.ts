import { db } from "@/lib/db";
import { CompareError } from "@/lib/compare";
import { scatterData, DEFAULT_SCATTER } from "@/lib/compare/scatter";
import { handle, HttpError } from "@/lib/http";

export const dynamic = "force-dynamic";

/** GET /api/compare/scatter?x=AXIS&y=AXIS: every material's points for a property-vs-property (or -condition) scatter. */
export async function GET(request: Request) {
  return handle(async () => {
    const params = new URL(request.url).searchParams;
    try {
      return Response.json(await scatterData(db(), params.get("x") || DEFAULT_SCATTER.x, params.get("y") || DEFAULT_SCATTER.y));
    } catch (e) {
      if (e instanceof CompareError) throw new HttpError(e.status, e.message, e.field);
      throw e;
    }
  });
}
