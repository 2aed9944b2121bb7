/**
 * Records in and out of a real database (SQLite, and PostgreSQL when the run has one) at sizes where one query parameter per paper or material
 * broke reading (Prisma refuses more than 999 on SQLite, P2029): a knowledge base of 10,000
 * materials and a single paper of 1,122.
 */
import { describe, it, expect, beforeAll, afterAll } from "vitest";
import { createDatabase, PROVIDERS, type ProviderDatabase } from "../helpers/db";
import { generatedFile } from "../helpers/records";
import { validateRecordFile, importRecords, exportRecords, readPapers, streamPapers, recordsJson } from "../../lib/records";
import { writePaper } from "../../lib/records/store";
import { writeTransaction } from "../../lib/db/transaction";

async function exportedJson(t: ProviderDatabase): Promise<string> {
  let text = "";
  for await (const chunk of recordsJson(streamPapers(t.prisma))) text += chunk;
  return text;
}

describe.each(PROVIDERS)("a knowledge base of 10,000 materials (%s)", (provider) => {
  let source: ProviderDatabase;
  let target: ProviderDatabase;
  beforeAll(async () => {
    [source, target] = await Promise.all([createDatabase(provider), createDatabase(provider)]);
    await importRecords(source.prisma, validateRecordFile(generatedFile({ papers: 1000, materialsPerPaper: 10, measuredEvery: 50 })));
  });
  afterAll(async () => Promise.all([source?.cleanup(), target?.cleanup()]));

  it("exports, imports into an empty database and exports again byte for byte", async () => {
    const first = await exportedJson(source);
    const papers = JSON.parse(first).papers as { materials: { measurements: unknown[] }[] }[];
    expect(papers).toHaveLength(1000);
    expect(papers.flatMap((p) => p.materials)).toHaveLength(10_000);
    expect(papers.flatMap((p) => p.materials.flatMap((m) => m.measurements))).toHaveLength(600);

    await importRecords(target.prisma, validateRecordFile(JSON.parse(first)));
    expect(await exportedJson(target)).toBe(first);
  });

  it("streams the same text JSON.stringify gives for the whole file", async () => {
    expect(await exportedJson(source)).toBe(JSON.stringify(await exportRecords(source.prisma), null, 2) + "\n");
  });

  it("replaces 1,000 papers imported again at once, each keeping its previous version", async () => {
    const file = validateRecordFile(JSON.parse(await exportedJson(source)));
    file.papers.forEach((p) => (p.title = `${p.title}, corrected`));
    const summary = await importRecords(target.prisma, file);
    expect(summary.papers.every((p) => p.action === "replaced")).toBe(true);
    expect(await target.prisma.revision.count({ where: { action: "replace" } })).toBe(1000);
    const [paper] = await readPapers(target.prisma, { dois: ["10.5555/generated.999"] });
    expect(paper!.title).toBe("Generated study 999 of FeS₂ anodes, corrected");
  });
});

describe.each(PROVIDERS)("a paper of 1,122 materials (%s)", (provider) => {
  const DOI = "10.5555/large.0";
  let t: ProviderDatabase;
  let expected: ReturnType<typeof validateRecordFile>["papers"][number];
  beforeAll(async () => {
    t = await createDatabase(provider);
    const file = validateRecordFile(generatedFile({ papers: 1, materialsPerPaper: 1122, measuredEvery: 100, doiPrefix: "10.5555/large" }));
    await importRecords(t.prisma, file);
    // What a reader gets back: the same record, explicit elements in symbol order.
    expected = { ...file.papers[0]!, materials: file.papers[0]!.materials.map((m) => ({ ...m, elements: [...m.elements!].sort() })) };
  });
  afterAll(async () => t?.cleanup());

  it("reads back whole, by DOI and by id", async () => {
    const [byDoi] = await readPapers(t.prisma, { dois: [DOI] });
    expect(byDoi).toEqual(expected);
    const { id } = await t.prisma.paper.findUniqueOrThrow({ where: { doi: DOI }, select: { id: true } });
    expect(await readPapers(t.prisma, { ids: [id] })).toEqual([byDoi]);
  });

  it("is replaced by an import of the same DOI, its previous version kept as a revision", async () => {
    const changed = { ...expected, title: "Revised large study" };
    const summary = await importRecords(t.prisma, { papers: [changed] });
    expect(summary.papers).toEqual([{ doi: DOI, action: "replaced", materials: 1122, measurements: 36 }]);
    const revision = await t.prisma.revision.findFirstOrThrow({ where: { entityKey: DOI, action: "replace" }, orderBy: { id: "desc" } });
    expect(JSON.parse(revision.beforeJson!)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect((await readPapers(t.prisma, { dois: [DOI] }))[0]!.title).toBe("Revised large study");
  });

  it("is replaced through a Prisma transaction, as the edit form publishes it", async () => {
    const edited = { ...expected, title: "Edited large study" };
    await t.prisma.$transaction((tx) => writePaper(tx, edited), { timeout: 60_000 });
    const revision = await t.prisma.revision.findFirstOrThrow({ where: { entityKey: DOI }, orderBy: { id: "desc" } });
    expect(JSON.parse(revision.beforeJson!).title).toBe("Revised large study");
    expect(await readPapers(t.prisma, { dois: [DOI] })).toEqual([edited]);
  });
});

describe.each(PROVIDERS)("two writers at once (%s)", (provider) => {
  let t: ProviderDatabase;
  beforeAll(async () => {
    t = await createDatabase(provider);
  });
  afterAll(async () => t?.cleanup());

  it("write one after the other: an import and a form's write of the same paper both land, the second replacing the first", async () => {
    const file = validateRecordFile(generatedFile({ papers: 1, materialsPerPaper: 50, measuredEvery: 5, doiPrefix: "10.5555/race" }));
    const paper = file.papers[0]!;
    await Promise.all([importRecords(t.prisma, file), writeTransaction(t.prisma, (tx) => writePaper(tx, { ...paper, title: "from the form" }))]);
    expect(await t.prisma.paper.count()).toBe(1);
    expect((await t.prisma.revision.findMany({ orderBy: { id: "asc" } })).map((r) => r.action)).toEqual(["create", "replace"]);
    expect(await t.prisma.material.count()).toBe(50);
  });
});
