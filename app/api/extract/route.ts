/**
 * POST /api/extract: a paper's file as the body (text, PDF, publisher XML, HTML, BibTeX or RIS;
 * `?format=` names it when the content does not, `?name=` is the file's name) → the candidates and
 * a draft record for review. Editors only; nothing is saved. At most MAX_EXTRACT_BYTES.
 */
import { handle, readBytes } from "@/lib/http";
import { requireEditor } from "@/lib/auth";
import { AppError } from "@/lib/errors";
import { DOCUMENT_FORMATS, extract, type DocumentFormat } from "@/lib/extract";

export const dynamic = "force-dynamic";

/** A long paper's PDF with figures is a few MB; its text layer is what matters. */
const MAX_EXTRACT_BYTES = 25 * 1024 * 1024;

export async function POST(request: Request) {
  return handle(async () => {
    await requireEditor(request);
    const params = new URL(request.url).searchParams;
    const format = params.get("format") || undefined;
    if (format && !(DOCUMENT_FORMATS as readonly string[]).includes(format))
      throw new AppError("invalid", `unknown format "${format}" (one of ${DOCUMENT_FORMATS.join(", ")})`, { field: "format" });
    const bytes = await readBytes(request, MAX_EXTRACT_BYTES);
    return Response.json(await extract(bytes, { format: format as DocumentFormat | undefined, name: params.get("name") ?? undefined }));
  });
}
