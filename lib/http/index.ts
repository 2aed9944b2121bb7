/**
 * HTTP plumbing shared by the /api routes: the one table from error codes to statuses, JSON errors
 * as { error: { message, field?, details? } }, and request bodies read with a size limit.
 */
import { NextResponse } from "next/server";
import { AppError, type ErrorCode } from "../errors";
import { isBusy } from "../db/transaction";

/** The HTTP status of each kind of error; anything that is not an AppError is a 500. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported: 415,
  rate_limited: 429,
  busy: 503,
  unavailable: 503,
};

export const MAX_BODY_BYTES = 5 * 1024 * 1024;

export function jsonError(status: number, message: string, field?: string, details?: unknown) {
  return NextResponse.json({ error: { message, ...(field ? { field } : {}), ...(details ? { details } : {}) } }, { status });
}

/** The answer to an error: its status, message, field and details, and Retry-After when it says when to try again. */
export function errorResponse(error: AppError): Response {
  const response = jsonError(HTTP_STATUS[error.code], error.message, error.field, error.details);
  if (error.retryAfterMs !== undefined) response.headers.set("Retry-After", String(Math.ceil(error.retryAfterMs / 1000)));
  return response;
}

const tooLarge = (limit: number) => new AppError("too_large", `request body is larger than ${limit} bytes`);

/**
 * The request body as text, refused with 413 as soon as it passes `limit` bytes: read as a stream,
 * because a chunked body declares no length and reading it whole first lets one request fill the
 * server's memory.
 */
export async function readText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(await readBytes(request, limit));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError("invalid", "request body is not valid UTF-8 text");
  }
}

/** The request body as bytes (a PDF), refused with 413 as soon as it passes `limit` bytes. */
export async function readBytes(request: Request, limit = MAX_BODY_BYTES): Promise<Uint8Array> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) throw tooLarge(limit);
  if (!request.body) return new Uint8Array();
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
  return Buffer.concat(chunks);
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
    if (depth >= MAX_JSON_DEPTH)
      throw new AppError("invalid", `${path || "body"}: nested more than ${MAX_JSON_DEPTH} levels deep`, { field: path || undefined });
    if (Array.isArray(v)) v.forEach((item, i) => stack.push({ value: item, path: `${path}[${i}]`, depth: depth + 1 }));
    else {
      for (const [key, item] of Object.entries(v)) {
        const at = path ? `${path}.${key}` : key;
        if (key === "__proto__") throw new AppError("invalid", `${at}: "__proto__" is not allowed as a key`, { field: at });
        stack.push({ value: item, path: at, depth: depth + 1 });
      }
    }
  }
}

/** Read a JSON body, refusing oversized, malformed, too deeply nested or prototype-touching ones with a 4xx. */
export async function readJson(request: Request, limit = MAX_BODY_BYTES): Promise<unknown> {
  const text = await readText(request, limit);
  if (!text.trim()) throw new AppError("invalid", "request body is empty; send JSON");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new AppError("invalid", `request body is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  assertPlainJson(value);
  return value;
}

/**
 * Run a route handler, answering any AppError it throws with the status of its code. A database
 * lock that outlasted a read (not only writeTransaction's budget) is "busy" too: nothing was
 * written, and the client may simply send the request again.
 */
export async function handle(run: () => Promise<Response> | Response): Promise<Response> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof AppError) return errorResponse(e);
    if (isBusy(e)) return errorResponse(new AppError("busy", "the database is busy; try again in a moment", { retryAfterMs: 2000 }));
    console.error(e);
    return jsonError(500, "internal error");
  }
}
