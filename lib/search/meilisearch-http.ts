/**
 * The Meilisearch client's requests over node:http. Node's fetch waits for TCP's delayed
 * acknowledgement on each keep-alive request to the server: measured on loopback, a search took
 * 48 ms through fetch and 2–3 ms through node:http, so fetch would be most of every search.
 * Errors are raised as the client raises them (MeilisearchApiError with the server's body). Every
 * request has a deadline: a search one short (a hung server must not hang every search), the others
 * (indexing, task polls) long.
 */
import http from "node:http";
import https from "node:https";
import { MeilisearchApiError, MeilisearchRequestError, type MeilisearchErrorResponse } from "meilisearch";

const agents = { "http:": new http.Agent({ keepAlive: true }), "https:": new https.Agent({ keepAlive: true }) };

export interface RequestDeadlines {
  /** Milliseconds a search (`/search`, `/multi-search`) may take. */
  searchMs: number;
  /** Milliseconds any other request may take. */
  otherMs: number;
}

export const DEFAULT_DEADLINES: RequestDeadlines = { searchMs: 2_000, otherMs: 60_000 };

/** The request function with these deadlines; a request past its deadline fails with a MeilisearchRequestError naming it. */
export function meilisearchRequester(deadlines: RequestDeadlines = DEFAULT_DEADLINES) {
  return (input: string | URL | Request, init: RequestInit = {}) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const ms = /\/(multi-)?search$/.test(url.pathname) ? deadlines.searchMs : deadlines.otherMs;
    const deadline = AbortSignal.timeout(ms);
    return meilisearchRequest(url, { ...init, signal: init.signal ? AbortSignal.any([init.signal, deadline]) : deadline }).catch((e: unknown) => {
      if (deadline.aborted) throw new MeilisearchRequestError(url.toString(), new Error(`no answer within ${ms} ms`));
      throw e;
    });
  };
}

async function meilisearchRequest(input: string | URL | Request, init: RequestInit = {}): Promise<unknown> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  const headers = Object.fromEntries(new Headers(init.headers).entries());
  if (init.body !== undefined && init.body !== null && typeof init.body !== "string")
    throw new MeilisearchRequestError(url.toString(), new TypeError("only string bodies are sent"));
  const transport = url.protocol === "https:" ? https : http;
  const { status, statusText, text } = await new Promise<{ status: number; statusText: string; text: string }>((resolve, reject) => {
    const request = transport.request(
      url,
      { method: init.method ?? "GET", headers, agent: agents[url.protocol as keyof typeof agents], signal: init.signal ?? undefined },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, statusText: response.statusMessage ?? "", text: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", (e) => reject(new MeilisearchRequestError(url.toString(), e)));
    request.end(init.body ?? undefined);
  });
  const body: unknown = text === "" ? undefined : JSON.parse(text);
  if (status < 200 || status >= 300) throw new MeilisearchApiError(new Response(text, { status, statusText }), body as MeilisearchErrorResponse);
  return body;
}
