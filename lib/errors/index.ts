/**
 * The one error model of matlit. Domain code (records, units, formulas, search, compare, editing,
 * auth, db) throws an AppError, or a subclass that carries more, saying what went wrong in the
 * researcher's words and which kind of failure it is. It knows nothing of HTTP or exit codes: the
 * HTTP layer turns the code into a status (lib/http), the command line into an exit code (lib/cli).
 *
 * No imports: every layer, browser code included, may use this module.
 */

export const ERROR_CODES = [
  /** The input is wrong; `field` names where, when one field is to blame. */
  "invalid",
  /** What was named (a paper, material, draft) does not exist. */
  "not_found",
  /** The request contradicts the current state: a DOI already present, an edit on an old version. */
  "conflict",
  /** Who is asking is unknown or gave wrong credentials. */
  "unauthenticated",
  /** Who is asking may not do this (another editor's draft, a cross-site request). */
  "forbidden",
  /** The input is larger than matlit accepts. */
  "too_large",
  /** The input comes in a form matlit does not read (a content type). */
  "unsupported",
  /** Too many attempts; `retryAfterMs` says when to try again. */
  "rate_limited",
  /** The database is held by another write; nothing was written and trying again is safe. */
  "busy",
  /** A service matlit depends on (Meilisearch) did not do its part. */
  "unavailable",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One bad field of an input, by its path ("papers[0].materials[1].unit"). */
export interface FieldError {
  path: string;
  message: string;
}

export interface AppErrorOptions {
  /** The input field at fault, as a path into what was sent ("metrics[0].unit", "ids[1]", "doi"). */
  field?: string;
  /** More for a program to act on: every bad field, the candidates of an ambiguous name, versions. */
  details?: unknown;
  /** When trying again may succeed. */
  retryAfterMs?: number;
  cause?: unknown;
}

export class AppError extends Error {
  readonly field?: string;
  readonly details?: unknown;
  readonly retryAfterMs?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: AppErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.field = options.field;
    this.details = options.details;
    this.retryAfterMs = options.retryAfterMs;
  }
}

/** Whether an error's details are a list of bad fields (record validation), which clients show field by field. */
export function isFieldErrorList(details: unknown): details is FieldError[] {
  return (
    Array.isArray(details) &&
    details.every((d) => typeof d === "object" && d !== null && typeof (d as FieldError).path === "string" && typeof (d as FieldError).message === "string")
  );
}
