/** Names chemists use interchangeably; both search backends expand queries with them. */
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

export function synonymsOf(term: string): string[] {
  const t = term.toLowerCase();
  const group = SYNONYMS.find((g) => g.some((s) => s.toLowerCase() === t));
  return group ? group.filter((s) => s.toLowerCase() !== t) : [];
}
