import { searchContract } from "./contract";
import { PROVIDERS } from "../helpers/db";
import { EmbeddedSearch } from "../../lib/search/embedded";

const engines = { sqlite: "SQLite (FTS5)", postgresql: "PostgreSQL (tsvector)" };
for (const provider of PROVIDERS)
  searchContract(`embedded ${engines[provider]}`, async (prisma) => ({ backend: new EmbeddedSearch(prisma), sync: async () => {} }), provider);
