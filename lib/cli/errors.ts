/**
 * How the command line reports an AppError, in one place: the exit code of each error code, and
 * the message on stderr with every bad field on a line of its own, or, with --json, the same
 * { "error": { message, field?, details? } } object the HTTP API answers, on stdout.
 */
import { AppError, isFieldErrorList, type ErrorCode } from "../errors";
import type { Cli } from "./context";

/** 1 when the input or the state needs fixing; sysexits.h codes where a script should act otherwise. */
export const EXIT_CODE: Record<ErrorCode, number> = {
  invalid: 1,
  unauthenticated: 1,
  forbidden: 1,
  not_found: 1,
  conflict: 1,
  too_large: 1,
  unsupported: 1,
  // EX_UNAVAILABLE: Meilisearch, not the request, failed.
  unavailable: 69,
  // EX_TEMPFAIL: nothing was done; the same command may succeed in a moment.
  rate_limited: 75,
  busy: 75,
};

/** Writes `error` for the user and returns the command's exit code. */
export function reportError(cli: Cli, error: AppError, json: boolean): number {
  if (json) {
    const { message, field, details } = error;
    cli.out(JSON.stringify({ error: { message, ...(field ? { field } : {}), ...(details ? { details } : {}) } }, null, 2));
  } else {
    cli.err(error.message);
    if (isFieldErrorList(error.details)) for (const x of error.details) cli.err(`  ${x.path}: ${x.message}`);
  }
  return EXIT_CODE[error.code];
}

/** Whether the command line asked for JSON (`--json`, or `--json <value>` where the option carries the request). */
export const wantsJson = (argv: string[]): boolean => argv.some((a) => a === "--json" || a.startsWith("--json="));
