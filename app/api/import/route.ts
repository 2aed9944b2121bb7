/**
 * POST /api/import: a record file ({ "papers": [...] }), validated exactly like `matlit import`
 * and loaded all or nothing (papers whose DOI exists are replaced, their previous state kept as a
 * revision). Editors only; errors list every bad field with its path, `warnings` what was accepted
 * but needs a look (a publisher's private-use glyph no one can read).
 */
import { handle, readJson, MAX_BODY_BYTES } from "@/lib/http";
import { requireEditor } from "@/lib/auth";
import { validateRecordFile } from "@/lib/records/validate";
import { importRecords } from "@/lib/records/store";
import { db } from "@/lib/db";
import type { FieldError } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireEditor(request);
    const body = await readJson(request, MAX_BODY_BYTES);
    const warnings: FieldError[] = [];
    const file = validateRecordFile(body, warnings);
    return Response.json({ ...(await importRecords(db(), file, { userId: user.id })), warnings });
  });
}
