import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { detectFormat, readDocument } from "@/lib/extract/documents";

const bytes = (text: string) => new TextEncoder().encode(text);

describe("telling a file's format", () => {
  it("believes the content first", () => {
    expect(detectFormat(bytes("%PDF-1.7\n…"), "paper.txt")).toBe("pdf");
    expect(detectFormat(bytes('<?xml version="1.0"?>\n<article><front/></article>'))).toBe("xml");
    expect(detectFormat(bytes("<component><header/><body><section/></body></component>"))).toBe("xml");
    expect(detectFormat(bytes("<!DOCTYPE html><html><body><p>x</p></body></html>"), "paper.xml")).toBe("html");
    expect(detectFormat(bytes('<?xml version="1.0"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml"/>'))).toBe("html");
    expect(detectFormat(bytes("% comment\n@article{key, title={T}}"))).toBe("bibtex");
    expect(detectFormat(bytes("TY  - JOUR\nTI  - T\nER  - \n"))).toBe("ris");
    expect(detectFormat(bytes("\uFEFFA plain text."))).toBe("text");
  });

  it("uses the name's extension where the content leaves it open", () => {
    expect(detectFormat(bytes("A plain text."), "notes.md")).toBe("text");
    expect(detectFormat(bytes("A plain text."), "paper.pdf")).toBe("text");
  });

  it("refuses an empty file", async () => {
    expect(() => detectFormat(new Uint8Array())).toThrow("the file is empty");
    await expect(readDocument("  \n ")).rejects.toThrow("the file is empty");
  });

  it("refuses binary data that is no document", async () => {
    const noise = Uint8Array.from({ length: 512 }, (_, i) => (i * 7919 + 13) % 256);
    const error = await readDocument(noise).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid", message: "this file is not a text, PDF, XML, HTML, BibTeX or RIS document (it looks like binary data)" });
  });

  it("refuses a declared format the content contradicts", async () => {
    await expect(readDocument("A plain text.", { format: "pdf" })).rejects.toThrow("the file was given as pdf but is not a PDF (it does not start with %PDF-)");
    await expect(readDocument("A plain text.", { format: "xml" })).rejects.toThrow("the file was given as xml but its content is plain text");
    await expect(readDocument("<article/>", { format: "bibtex" })).rejects.toThrow("the file was given as bibtex but its content is xml");
  });

  it("reads any text as plain text when asked to", async () => {
    const document = await readDocument("@article{key, title={T}}", { format: "text" });
    expect(document).toMatchObject({ format: "text", text: "@article{key, title={T}}" });
  });
});
