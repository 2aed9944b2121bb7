/** An answer of the HTTP API that is not what was asked for: its error message and field, or the status. */
export class RequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly field?: string,
    /** False when the answer carried no error object (a proxy's page, a crash). */
    readonly fromApi = true,
  ) {
    super(message);
  }
}

/**
 * GET (or `init`) a JSON answer of the HTTP API for a useQuery queryFn. Refusals throw RequestError;
 * a network failure rejects with the browser's own error, an aborted request with an AbortError.
 */
export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, { ...init, headers: { accept: "application/json", ...init.headers } });
  const body = (await res.json().catch(() => null)) as (T & { error?: { message?: string; field?: string } }) | null;
  if (body?.error) throw new RequestError(body.error.message ?? `HTTP ${res.status}`, res.status, body.error.field);
  if (!res.ok || body === null) throw new RequestError(`HTTP ${res.status}`, res.status, undefined, false);
  return body;
}
