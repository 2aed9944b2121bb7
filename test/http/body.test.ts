/** Request bodies are read as a stream and refused as soon as they pass the limit. */
import { describe, it, expect } from "vitest";
import { readJson, readText, HTTP_STATUS } from "../../lib/http";
import { AppError } from "../../lib/errors";

/** A chunked body (no Content-Length) of `chunks` × 64 KiB, counting how many chunks were pulled. */
function endlessBody(chunks: number) {
  let pulled = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled++ >= chunks) return controller.close();
      controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
    },
  });
  const request = new Request("http://localhost/api/search", { method: "POST", body: stream, duplex: "half" } as RequestInit);
  return { request, pulled: () => pulled };
}

describe("reading request bodies", () => {
  it("stops reading a chunked body that passes the limit, answering 413", async () => {
    const body = endlessBody(10_000); // 640 MB if read whole
    const error = await readText(body.request, 128 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(HTTP_STATUS[(error as AppError).code]).toBe(413);
    expect(body.pulled()).toBeLessThan(10);
  });

  it("refuses a declared length over the limit before reading", async () => {
    const request = new Request("http://localhost/x", { method: "POST", body: "{}", headers: { "content-length": "999999999" } });
    await expect(readJson(request, 1024)).rejects.toMatchObject({ code: "too_large" });
  });

  it("reads JSON under the limit, with or without a byte-order mark", async () => {
    expect(await readJson(new Request("http://localhost/x", { method: "POST", body: '{"q":"FeS2"}' }))).toEqual({ q: "FeS2" });
    expect(await readJson(new Request("http://localhost/x", { method: "POST", body: '\uFEFF{"q":"FeS2"}' }))).toEqual({ q: "FeS2" });
  });

  it("names what is wrong with an empty, malformed or non-UTF-8 body", async () => {
    await expect(readJson(new Request("http://localhost/x", { method: "POST", body: " " }))).rejects.toMatchObject({ code: "invalid", message: /empty/ });
    await expect(readJson(new Request("http://localhost/x", { method: "POST", body: "{" }))).rejects.toMatchObject({
      code: "invalid",
      message: /not valid JSON/,
    });
    await expect(readJson(new Request("http://localhost/x", { method: "POST", body: new Uint8Array([0xff, 0xfe, 0x7b]) }))).rejects.toMatchObject({
      code: "invalid",
      message: /UTF-8/,
    });
  });
});

describe("the shape of JSON bodies", () => {
  const post = (text: string) => readJson(new Request("http://localhost/api/drafts/x", { method: "POST", body: text }));

  it("refuses nesting deeper than any record (a draft state 10,000 levels deep exhausted the stack)", async () => {
    const deep = '{"doi":null,"state":' + '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000) + "}";
    await expect(post(deep)).rejects.toMatchObject({ code: "invalid", message: /nested more than 64 levels/ });
    expect(await post('{"state":' + '{"a":'.repeat(30) + "1" + "}".repeat(30) + "}")).toBeTruthy();
  });

  it("refuses a __proto__ key, naming where, instead of dropping it", async () => {
    await expect(post('{"state":{"paper":{"__proto__":{"x":1}}}}')).rejects.toMatchObject({ code: "invalid", field: "state.paper.__proto__" });
  });
});
