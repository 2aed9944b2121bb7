/**
 * Next.js start-up hook: with Meilisearch configured, the server drains the search outbox so saved
 * records reach the index (the embedded search needs nothing).
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.MEILISEARCH_HOST) {
    const { startOutboxDrainer } = await import("./lib/search/outbox");
    startOutboxDrainer();
  }
}
