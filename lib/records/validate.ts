/**
 * Validation of record files on the server (import, publishing, the CLI, the seed): every check the
 * browser runs (./checks.ts) and a derived number recomputed from its derivation, which needs mathjs
 * and so stays out of the browser bundle.
 */
import { checkRecordFile } from "./checks";
import { derivationErrors } from "./derivation";
import type { RecordFileParsed } from "./schema";
import type { FieldError } from "../errors";

export { formatPath, parseRecordJson, RecordValidationError, semanticErrors, conditionErrors, type FieldError } from "./checks";

/**
 * Parse and validate a record file. Throws RecordValidationError listing every bad field; what is
 * accepted but worth a look (a publisher's glyph no one can read) goes to `warnings`.
 */
export function validateRecordFile(input: unknown, warnings?: FieldError[]): RecordFileParsed {
  return checkRecordFile(input, derivationErrors, warnings);
}
