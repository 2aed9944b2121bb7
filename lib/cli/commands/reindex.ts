/**
 * Meilisearch maintenance: `matlit reindex` rebuilds the index from the records and swaps it in;
 * `matlit outbox drain` pushes the changes waiting in the outbox now.
 */
import type { Command } from "commander";
import cliProgress from "cli-progress";
import { MeilisearchSearch } from "../../search/meilisearch";
import { drainOutbox } from "../../search/outbox";
import { AppError } from "../../errors";
import type { Cli } from "../context";

/** The backend these commands maintain; they mean nothing for the embedded search, which is always current. */
async function meilisearch(cli: Cli): Promise<MeilisearchSearch> {
  if (!process.env.MEILISEARCH_HOST) throw new AppError("invalid", "MEILISEARCH_HOST is not set: the embedded search needs no index maintenance");
  await cli.prepare({ seed: false });
  return new MeilisearchSearch(cli.db());
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function registerReindexCommands(program: Command, cli: Cli): void {
  program
    .command("reindex")
    .description("rebuild the Meilisearch index from the records into a new index, then swap it in")
    .option("--json", "JSON output")
    .action(async (opts: { json?: boolean }) => {
      const backend = await meilisearch(cli);
      const bar = new cliProgress.SingleBar(
        // Without a terminal (CI, logs) a line every 10 s instead of a redrawn bar.
        {
          stream: cli.stderr,
          format: "indexing {bar} {value}/{total} materials | {duration_formatted}",
          hideCursor: true,
          noTTYOutput: true,
          notTTYSchedule: 10_000,
        },
        cliProgress.Presets.shades_classic,
      );
      const result = await backend
        .reindex((done, total) => (done === 0 ? bar.start(total, 0) : bar.update(done)))
        .catch((e: unknown) => {
          throw new AppError("unavailable", `reindex failed: ${message(e)}`, { cause: e });
        })
        .finally(() => bar.stop());
      cli.print(
        { index: backend.indexUid, ...result },
        Boolean(opts.json),
        () => `reindexed ${result.materials} materials as ${result.documents} documents into ${backend.indexUid}`,
      );
    });

  program
    .command("outbox")
    .description("the changes waiting to reach Meilisearch")
    .command("drain")
    .description("push the waiting changes to Meilisearch now")
    .option("--all", "also retry changes still waiting for their retry time")
    .option("--json", "JSON output")
    .action(async (opts: { all?: boolean; json?: boolean }) => {
      const backend = await meilisearch(cli);
      const result = await drainOutbox(cli.db(), backend, { ignoreBackoff: Boolean(opts.all) });
      const remaining = await cli.db().searchOutbox.count();
      if (result.error)
        throw new AppError("unavailable", `Meilisearch did not take the changes (${result.failed} kept for retry): ${result.error}`, {
          details: { ...result, remaining },
        });
      cli.print({ ...result, remaining }, Boolean(opts.json), () => `${result.drained} change(s) pushed, ${remaining} waiting`);
    });
}
