/** Papers without a DOI: named by an arXiv id, an ISBN, a URL or a local id, keyed, linked and round-tripped like DOIs. */
import { describe, it, expect, afterAll, beforeAll } from "vitest";
import { identifierKey, identifierText, paperLink } from "../../lib/records/identifiers";
import { validateRecordFile, RecordValidationError, importRecords, readPapers } from "../../lib/records";
import { createDatabase, PROVIDERS, type ProviderDatabase } from "../helpers/db";
import { validFile } from "../helpers/records";

function withoutDoi(identifier: string) {
  const file = validFile();
  const { doi: _doi, ...paper } = file.papers[0]!;
  return { papers: [{ ...paper, identifier }] };
}
const problems = (input: unknown) => {
  try {
    validateRecordFile(input);
    return [];
  } catch (e) {
    return (e as RecordValidationError).errors.map((x) => `${x.path}: ${x.message}`);
  }
};

describe("identifiers of papers without a DOI", () => {
  it("keys arXiv ids, ISBNs (an ISBN-10 as its ISBN-13), URLs without their scheme and local ids", () => {
    expect(identifierKey("arXiv:2401.01234v2")).toEqual({ key: "arxiv:2401.01234v2" });
    expect(identifierKey("https://arxiv.org/abs/2401.01234")).toEqual({ key: "arxiv:2401.01234" });
    expect(identifierKey("ISBN 978-3-16-148410-0")).toEqual({ key: "isbn:9783161484100" });
    expect(identifierKey("ISBN 0-306-40615-2")).toEqual({ key: "isbn:9780306406157" });
    expect(identifierKey("https://Example.org/reports/7/")).toEqual({ key: "url:example.org/reports/7" });
    expect(identifierKey("local:Lab-Report-7")).toEqual({ key: "local:lab-report-7" });
  });

  it("says what is wrong with an identifier it cannot read", () => {
    expect(identifierKey("ISBN 978-3-16-148410-9")).toEqual({ problem: expect.stringMatching(/not a valid ISBN/) });
    expect(identifierKey("my paper")).toEqual({ problem: expect.stringMatching(/arXiv id .* ISBN .* URL .* local id/) });
  });

  it("links a DOI and an arXiv id to their resolvers and a URL to itself; an ISBN and a local id to nothing", () => {
    expect(paperLink("10.1000/x")?.href).toBe("https://doi.org/10.1000/x");
    expect(paperLink("arxiv:2401.01234")?.href).toBe("https://arxiv.org/abs/2401.01234");
    expect(paperLink("url:example.org/r", "https://example.org/r")?.href).toBe("https://example.org/r");
    expect(paperLink("isbn:9783161484100")).toBeNull();
    expect(identifierText("local:lab-7")).toMatch(/no DOI/);
  });

  it("takes a record with a DOI or another identifier, not neither and not both", () => {
    expect(problems(withoutDoi("arXiv:2401.01234"))).toEqual([]);
    expect(problems(withoutDoi("my paper"))).toEqual([expect.stringMatching(/^papers\[0\]\.identifier: "my paper" is not an identifier/)]);
    const neither = withoutDoi("x");
    delete (neither.papers[0] as { identifier?: string }).identifier;
    expect(problems(neither)).toEqual([expect.stringMatching(/^papers\[0\]\.doi: a paper needs its DOI or, without one, another identifier/)]);
    const both = validFile();
    (both.papers[0] as { identifier?: string }).identifier = "arXiv:2401.01234";
    expect(problems(both)).toEqual([expect.stringMatching(/^papers\[0\]\.identifier: give the DOI or another identifier, not both/)]);
  });

  describe.each(PROVIDERS)("in the database (%s)", (provider) => {
    let t: ProviderDatabase;
    beforeAll(async () => {
      t = await createDatabase(provider);
    });
    afterAll(() => t?.cleanup());

    it("is stored under its key and exported with the identifier it was given", async () => {
      const summary = await importRecords(t.prisma, validateRecordFile(withoutDoi("https://Example.org/reports/7")));
      expect(summary.papers[0]!.doi).toBe("url:example.org/reports/7");
      const [paper] = await readPapers(t.prisma, { dois: ["url:example.org/reports/7"] });
      expect(paper).toMatchObject({ identifier: "https://Example.org/reports/7" });
      expect(paper).not.toHaveProperty("doi");
      // Imported again unchanged, it replaces itself.
      const again = await importRecords(t.prisma, validateRecordFile({ papers: [paper] }));
      expect(again.papers[0]).toMatchObject({ doi: "url:example.org/reports/7", action: "replaced" });
    });
  });
});
