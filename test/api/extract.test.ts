/** POST /api/extract on the running app: editors only, the file as the body, clear 4xx for what is not a paper. */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { sharedApp } from "../helpers/app";
import { createClient } from "../../lib/db";
import { databaseFile } from "../../lib/db/location";
import { createUser } from "../../lib/auth";
import { printPdf, closeBrowser } from "../extract/documents/pdf-helpers";

describe("POST /api/extract", () => {
  let url: string;
  let session: { cookie: string; csrf: string };
  const post = (body: BodyInit, query = "", s: typeof session | null = session) =>
    fetch(`${url}/api/extract${query}`, { method: "POST", headers: { origin: url, ...(s ? { cookie: s.cookie, "x-csrf-token": s.csrf } : {}) }, body });

  afterAll(closeBrowser);
  beforeAll(async () => {
    const app = sharedApp();
    url = app.url;
    const prisma = createClient(databaseFile(app.databaseUrl));
    await createUser("extract-api@example.org", "extract api password", { prisma });
    await prisma.$disconnect();
    const login = await fetch(url + "/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", origin: url },
      body: JSON.stringify({ email: "extract-api@example.org", password: "extract api password" }),
    });
    const pairs = login.headers.getSetCookie().map((c) => c.split(";")[0]!);
    session = { cookie: pairs.join("; "), csrf: decodeURIComponent(pairs.find((p) => p.startsWith("matlit_csrf="))!.split("=")[1]!) };
  });

  it("answers an editor's text with candidates, spans into the text it returns, and a draft record", async () => {
    const response = await post("The Sb@C anode delivers a specific capacity of 512 mAh g−1 at 0.2 A g−1.");
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      text: string;
      candidates: { start: number; end: number; measurement?: { value: number } }[];
      record: { papers: { status: string }[] };
    };
    const capacity = body.candidates.find((c) => c.measurement?.value === 512)!;
    expect(body.text.slice(capacity.start, capacity.end)).toMatch(/^512 mAh g−1/);
    expect(body.record.papers[0]!.status).toBe("draft");
  });

  it("reads an uploaded PDF's text layer on the server", async () => {
    const pdf = await printPdf("<p>The Sb@C anode delivers a specific capacity of 512 mAh g<sup>−1</sup> at 0.2 A g<sup>−1</sup>.</p>");
    const response = await post(new Blob([Buffer.from(pdf)], { type: "application/pdf" }), "?name=paper.pdf");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { candidates: { measurement?: { value: number; unit: string } }[] };
    expect(body.candidates.find((c) => c.measurement?.value === 512)?.measurement?.unit).toBe("mAh g-1");
  });

  it("refuses anonymous callers, an empty body, binary data, an unknown format and an oversized file with a 4xx", async () => {
    expect((await post("text", "", null)).status).toBe(401);
    const empty = await post("");
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { message: string } }).error.message).toMatch(/empty/);
    const binary = await post(new Uint8Array([0, 159, 146, 150, 0, 0, 1, 2, 3, 250]));
    expect(binary.status).toBe(400);
    expect(((await binary.json()) as { error: { message: string } }).error.message).toMatch(/binary/);
    const format = await post("text", "?format=docx");
    expect(format.status).toBe(400);
    expect(((await format.json()) as { error: { field: string } }).error.field).toBe("format");
    expect((await post(new Uint8Array(26 * 1024 * 1024))).status).toBe(413);
  });
});
