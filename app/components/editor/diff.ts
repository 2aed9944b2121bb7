/** Field-level differences of two records: { path, before, after } for every changed leaf. */
export interface Change {
  path: string;
  before?: unknown;
  after?: unknown;
}

const isObject = (x: unknown): x is Record<string, unknown> => Boolean(x) && typeof x === "object" && !Array.isArray(x);

export function diffRecords(before: unknown, after: unknown, limit = 300): { changes: Change[]; truncated: boolean } {
  const changes: Change[] = [];
  let truncated = false;
  const walk = (a: unknown, b: unknown, path: string) => {
    if (changes.length >= limit) {
      truncated = true;
      return;
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`);
      return;
    }
    if (isObject(a) && isObject(b)) {
      for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[k], b[k], path ? `${path}.${k}` : k);
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) changes.push({ path: path || "(record)", before: a, after: b });
  };
  walk(before, after, "");
  return { changes, truncated };
}

export const show = (x: unknown): string => (x === undefined ? "—" : typeof x === "string" ? x : JSON.stringify(x));
