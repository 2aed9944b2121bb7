/**
 * Validation of record files on the server (import, publishing, the CLI, the seed): every check the
 * browser runs (./checks.ts) and a derived number recomputed from its derivation, which needs mathjs
 * and so stays out of the browser bundle.
 */
import { checkRecordFile } from "./checks";
import { derivationErrors } from "./derivation";
import type { RecordFileParsed } from "./schema";

export { formatPath, parseRecordJson, RecordValidationError, semanticErrors, conditionErrors, type FieldError } from "./checks";

/** Parse and validate a record file. Throws RecordValidationError listing every bad field. */
export function validateRecordFile(input: unknown): RecordFileParsed {
  return checkRecordFile(input, derivationErrors);
}
