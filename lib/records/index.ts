/** Records entry point: the format, its validation, and moving records in and out of the database. */
export * from "./schema";
export { validateRecordFile, parseRecordJson, RecordValidationError, type FieldError } from "./validate";
export { importRecords, exportRecords, readPapers, streamPapers, type ImportSummary } from "./store";
export { recordsCsv } from "./csv";
export { recordsJson } from "./export";
