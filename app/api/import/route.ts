/**
 * POST /api/import: a record file ({ "papers": [...] }), validated exactly like `matlit import`
 * and loaded all or nothing (papers whose DOI exists are replaced, their previous state kept as a
 * revision). Editors only; errors list every bad field with its path.
 */
import { handle, readJson, MAX_BODY_BYTES } from "@/lib/http";
import { requireEditor } from "@/lib/auth";
import { validateRecordFile } from "@/lib/records/validate";
import { importRecords } from "@/lib/records/store";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return handle(async () => {
    const user = await requireEditor(request);
    const body = await readJson(request, MAX_BODY_BYTES);
    const file = validateRecordFile(body);
    return Response.json(await importRecords(db(), file, { userId: user.id }));
  });
}
