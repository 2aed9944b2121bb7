/**
 * HTTP plumbing shared by the /api routes: JSON errors as { error: { message, field? } } with 4xx
 * codes for anything the client can fix, and request bodies read with a size limit.
 */
import { NextResponse } from "next/server";
import { FormulaError } from "../formulas/evaluate";
import { RecordValidationError } from "../records/validate";
import { DatabaseBusyError, isBusy } from "../db/transaction";

export class HttpError extends Error {
  constructor(public readonly status: number, message: string, public readonly field?: string, public readonly details?: unknown) {
    super(message);
  }
}

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export function jsonError(status: number, message: string, field?: string, details?: unknown) {
  return NextResponse.json({ error: { message, ...(field ? { field } : {}), ...(details ? { details } : {}) } }, { status });
}

const tooLarge = (limit: number) => new HttpError(413, `request body is larger than ${limit} bytes`);

/**
 * The request body as text, refused with 413 as soon as it passes `limit` bytes: read as a stream,
 * because a chunked body declares no length and reading it whole first lets one request fill the
 * server's memory.
 */
export async function readText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new HttpError(400, "request body is not valid UTF-8 text");
  }
}

/** Deeper than any record or form state; deeper input would exhaust the stack of whatever walks it. */
export const MAX_JSON_DEPTH = 64;

/**
 * Refuses JSON nested deeper than MAX_JSON_DEPTH and keys that JavaScript objects treat specially
 * ("__proto__" would be silently dropped or change an object's prototype), naming where. Iterative,
 * so checking cannot itself overflow.
 */
export function assertPlainJson(value: unknown): void {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: "", depth: 0 }];
  while (stack.length) {
    const { value: v, path, depth } = stack.pop()!;
    if (!v || typeof v !== "object") continue;
    if (depth >= MAX_JSON_DEPTH) throw new HttpError(400, `${path || "body"}: nested more than ${MAX_JSON_DEPTH} levels deep`, path || undefined);
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 }));
    else {
      for (const [key, item] of Object.entries(v)) {
        const at = path ? `${path}.${key}` : key;
        if (key === "__proto__") throw new HttpError(400, `${at}: "__proto__" is not allowed as a key`, at);
        stack.push({ value: item, path: at, depth: depth + 1 });
      }
    }
  }
}

/** Read a JSON body, refusing oversized, malformed, too deeply nested or prototype-touching ones with a 4xx. */
export async function readJson(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const text = await readText(request, limit);
  if (!text.trim()) throw new HttpError(400, "request body is empty; send JSON");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `request body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  assertPlainJson(value);
  return value;
}

/** Run a route handler, turning domain errors into JSON 4xx answers. */
export async function handle(run: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof HttpError) return jsonError(e.status, e.message, e.field, e.details);
    if (e instanceof FormulaError) return jsonError(400, e.message, e.field);
    if (e instanceof RecordValidationError) return jsonError(400, `${e.errors.length} invalid field(s); nothing was saved`, e.errors[0]?.path, e.errors);
    if (e instanceof DatabaseBusyError || isBusy(e)) {
      // Nothing was written (the transaction rolled back); the client may simply send it again.
      const response = jsonError(503, e instanceof DatabaseBusyError ? e.message : "the database is busy; try again in a moment");
      response.headers.set("Retry-After", "2");
      return response;
    }
    console.error(e);
    return jsonError(500, "internal error");
  }
}
