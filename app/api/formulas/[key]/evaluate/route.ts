import { evaluateFormula } from "@/lib/formulas/evaluate";
import { handle, readJson } from "@/lib/http";
import { AppError } from "@/lib/errors";

export async function POST(request: Request, { params }: { params: Promise<{ key: string }> }) {
  return handle(async () => {
    const { key } = await params;
    const body = await readJson(request, 256 * 1024);
    if (!body || typeof body !== "object" || Array.isArray(body)) throw new AppError("invalid", 'send {"inputs": {...}, "unit": "…"}', { field: "inputs" });
    const { inputs, unit } = body as { inputs?: unknown; unit?: unknown };
    if (unit !== undefined && typeof unit !== "string") throw new AppError("invalid", '"unit" must be a string', { field: "unit" });
    const result = evaluateFormula(key, { inputs: inputs as never, unit });
    return Response.json(result);
  });
}
