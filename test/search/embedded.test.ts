import { searchContract } from "./contract";
import { EmbeddedSearch } from "../../lib/search/embedded";

searchContract("embedded SQLite (FTS5)", async (prisma) => ({ backend: new EmbeddedSearch(prisma), sync: async () => {} }));
