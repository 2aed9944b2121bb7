/** Shared CLI output: errors as text on stderr, or as {"error": …} JSON on stdout with --json. */
export function fail(message: string, json: boolean, details?: unknown, field?: string): never {
  if (json) console.log(JSON.stringify({ error: { message, ...(field ? { field } : {}), ...(details ? { details } : {}) } }, null, 2));
  else console.error(message);
  process.exit(1);
}

export function print(value: unknown, json: boolean, text: () => string): void {
  console.log(json ? JSON.stringify(value, null, 2) : text());
}
