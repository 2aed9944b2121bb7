import { search, searchQueryFromParams, SearchQueryError } from "@/lib/search";
import { handle, readJson, HttpError } from "@/lib/http";

export const dynamic = "force-dynamic";

async function run(query: () => Promise<unknown>) {
  return handle(async () => {
    try {
      return Response.json(await search(await query()));
    } catch (e) {
      if (e instanceof SearchQueryError) throw new HttpError(400, e.message, e.field);
      throw e;
    }
  });
}

/** GET /api/search?query=<JSON> or ?q=…&battery_system=…&elements=Fe,S */
export async function GET(request: Request) {
  return run(async () => searchQueryFromParams(new URL(request.url).searchParams));
}

/** POST /api/search with the JSON search query as the body. */
export async function POST(request: Request) {
  return run(() => readJson(request, 64 * 1024));
}
