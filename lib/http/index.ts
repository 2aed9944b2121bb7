/**
 * HTTP plumbing shared by the /api routes: JSON errors as { error: { message, field? } } with 4xx
 * codes for anything the client can fix, and request bodies read with a size limit.
 */
import { NextResponse } from "next/server";
import { FormulaError } from "../formulas/evaluate";
import { RecordValidationError } from "../records/validate";

export class HttpError extends Error {
  constructor(public readonly status: number, message: string, public readonly field?: string, public readonly details?: unknown) {
    super(message);
  }
}

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export function jsonError(status: number, message: string, field?: string, details?: unknown) {
  return NextResponse.json({ error: { message, ...(field ? { field } : {}), ...(details ? { details } : {}) } }, { status });
}

/** Read a JSON body, refusing oversized or malformed ones with a 4xx. */
export async function readJson(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw new HttpError(413, `request body is larger than ${limit} bytes`);
  const text = await request.text();
  if (Buffer.byteLength(text) > limit) throw new HttpError(413, `request body is larger than ${limit} bytes`);
  if (!text.trim()) throw new HttpError(400, "request body is empty; send JSON");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `request body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** Run a route handler, turning domain errors into JSON 4xx answers. */
export async function handle(run: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof HttpError) return jsonError(e.status, e.message, e.field, e.details);
    if (e instanceof FormulaError) return jsonError(400, e.message, e.field);
    if (e instanceof RecordValidationError) return jsonError(400, `${e.errors.length} invalid field(s); nothing was saved`, e.errors[0]?.path, e.errors);
    console.error(e);
    return jsonError(500, "internal error");
  }
}
