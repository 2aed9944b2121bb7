import { evaluateFormula } from "@/lib/formulas/evaluate";
import { handle, readJson, HttpError } from "@/lib/http";

export async function POST(request: Request, { params }: { params: Promise<{ key: string }> }) {
  return handle(async () => {
    const { key } = await params;
    const body = await readJson(request, 256 * 1024);
    if (!body || typeof body !== "object" || Array.isArray(body)) throw new HttpError(400, 'send {"inputs": {...}, "unit": "…"}', "inputs");
    const { inputs, unit } = body as { inputs?: unknown; unit?: unknown };
    if (unit !== undefined && typeof unit !== "string") throw new HttpError(400, '"unit" must be a string', "unit");
    const result = evaluateFormula(key, { inputs: inputs as never, unit });
    return Response.json(result);
  });
}
