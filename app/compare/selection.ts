/**
 * The comparison selection: in the URL (`/compare?ids=REF&ids=REF`, shareable) and mirrored in
 * localStorage, so "Add to compare" on a material page adds to what the user was comparing.
 */
import { SHARED_ROWS_PARAM } from "@/lib/compare/filter";

export const STORAGE_KEY = "matlit.compare.ids";
export const MAX_SELECTION = 8;

/** The page for a selection; `sharedOnly` keeps the table narrowed to rows with two or more materials. */
export function compareHref(ids: string[], sharedOnly = false): string {
  if (!ids.length) return "/compare";
  // DOIs keep their slashes: readable, and URLSearchParams reads them back unchanged.
  const params = ids.map((id) => `ids=${encodeURIComponent(id).replace(/%2F/gi, "/")}`);
  return `/compare?${[...params, ...(sharedOnly ? [`${SHARED_ROWS_PARAM}=1`] : [])].join("&")}`;
}

export function readSelection(): string[] {
  try {
    const raw = window.localStorage.getItem(STORAGE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === "string" && x.length > 0).slice(0, MAX_SELECTION) : [];
  } catch {
    return [];
  }
}

export function writeSelection(ids: string[]): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(ids.slice(0, MAX_SELECTION)));
  } catch {
    // storage unavailable (private mode): the URL still carries the selection
  }
}

/** The selection with `ref` added at the end; the oldest drops out when it would exceed the limit. */
export function withAdded(ids: string[], ref: string): string[] {
  if (ids.includes(ref)) return ids;
  const next = [...ids, ref];
  return next.length > MAX_SELECTION ? next.slice(next.length - MAX_SELECTION) : next;
}
