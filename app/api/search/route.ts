import { search, searchQueryFromParams } from "@/lib/search";
import { handle, readJson } from "@/lib/http";

export const dynamic = "force-dynamic";

/** GET /api/search?query=<JSON> or ?q=…&battery_system=…&elements=Fe,S */
export async function GET(request: Request) {
  return handle(async () => Response.json(await search(searchQueryFromParams(new URL(request.url).searchParams))));
}

/** POST /api/search with the JSON search query as the body. */
export async function POST(request: Request) {
  return handle(async () => Response.json(await search(await readJson(request, 64 * 1024))));
}
