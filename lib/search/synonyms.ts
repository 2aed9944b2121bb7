/** Names chemists use interchangeably; both search backends expand queries with them. */
import { ELEMENTS } from "../records/elements";

export const SYNONYMS: readonly (readonly string[])[] = [
  ["NVP", "Na3V2(PO4)3"],
  ["NFM", "NaNi1/3Fe1/3Mn1/3O2", "NaNi0.33Fe0.33Mn0.33O2"],
  ["MXene", "Ti3C2Tx", "Ti3C2"],
  ["SAC", "single-atom catalyst", "single atom catalyst"],
  ["SIB", "sodium-ion", "Na-ion"],
  ["LIB", "lithium-ion", "Li-ion"],
  ["Li-S", "lithium-sulfur", "lithium sulfur"],
  ["Na-S", "sodium-sulfur", "sodium sulfur"],
  ["QSE", "quasi-solid electrolyte", "quasi-solid-state electrolyte"],
  ["SSE", "solid-state electrolyte", "solid electrolyte"],
  ["HEO", "high-entropy oxide", "high entropy"],
  ["QD", "quantum dot", "quantum dots"],
];

/**
 * A dopant by symbol or by name: "N-doped" is "nitrogen-doped", "S-doping" is "sulfur-doping", for
 * every element. Not cobalt: matching ignores case, and "co-doped" means doped with two elements.
 */
export const DOPING_SYNONYMS: readonly (readonly string[])[] = ELEMENTS.filter((e) => e.symbol !== "Co").flatMap((e) =>
  ["doped", "doping"].map((form) => [`${e.symbol}-${form}`, `${e.name.toLowerCase()}-${form}`]),
);

const ALL = [...SYNONYMS, ...DOPING_SYNONYMS];
const GROUPS = new Map<string, readonly string[]>(ALL.flatMap((group) => group.map((term) => [term.toLowerCase(), group] as const)));

export function synonymsOf(term: string): string[] {
  const t = term.toLowerCase();
  return (GROUPS.get(t) ?? []).filter((s) => s.toLowerCase() !== t);
}

/** Every term with its synonyms, as Meilisearch's `synonyms` setting takes them. */
export function synonymTable(): Record<string, string[]> {
  return Object.fromEntries(ALL.flat().map((term) => [term, synonymsOf(term)]));
}
