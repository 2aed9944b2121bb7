/**
 * Next.js start-up hook: a search configuration matlit cannot serve stops the start instead of
 * failing every search; with Meilisearch configured, the
 * server drains the search outbox so saved records reach the index (the embedded search needs nothing).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { searchBackend } = await import("./lib/search");
  try {
    searchBackend();
  } catch (e) {
    console.error(`matlit cannot start: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  }
  if (process.env.MEILISEARCH_HOST) {
    const { startOutboxDrainer } = await import("./lib/search/outbox");
    startOutboxDrainer();
  }
}
