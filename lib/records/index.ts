/** Records entry point: the format, its validation, and moving records in and out of the database. */
export * from "./schema";
export { validateRecordFile, RecordValidationError, type FieldError } from "./validate";
export { importRecords, exportRecords, readPapers, type ImportSummary } from "./store";
export { recordsToCsv } from "./csv";
