import { join } from "node:path";

/**
 * The seeded papers' texts are not shipped with matlit. Where a checkout has them (beside the
 * repository, in ../shared/seeds/), seed/check.ts and the seed test check every quote against them.
 */
export const SEED_TEXTS_DIR = join(import.meta.dirname, "..", "..", "shared", "seeds");

/** The file in SEED_TEXTS_DIR that each seeded paper was read from. */
export const SEED_SOURCES: Record<string, string> = {
  "10.1007/s40820-025-01858-2": "000_471d105144fb4524.txt",
  "10.1039/d5sc05720e": "001_0053d4f46a46741e.txt",
  "10.1002/smtd.202100188": "002_23e0f594a95452bb.txt",
  "10.1007/s40820-026-02236-2": "003_dd7ed7f8d462de84.txt",
  "10.1007/s40820-023-01232-0": "004_3f95f056a6ee5fc0.txt",
};
