/** Chemistry-aware text helpers: search forms of names and element sets from formulas. */

const ELEMENTS = new Set(
  "H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr Rf Db Sg Bh Hs Mt Ds Rg Cn Nh Fl Mc Lv Ts Og".split(" "),
);

export function isElement(symbol: string): boolean {
  return ELEMENTS.has(symbol);
}

/**
 * Fold a name to the ASCII form people type: FeS₂ → FeS2, Na⁺ → Na+, en dash → hyphen.
 * NFKC turns sub/superscript digits and signs into plain ones.
 */
export function searchForm(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/[−–—‒‐‑]/g, "-")
    .replace(/[‖∥]/g, "||")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Elements of a formula such as "FeS2/Ti3C2Tx" → Fe, S, Ti, C (in order of appearance). Tokens that
 * are not element symbols (the T of Tx terminations, "x") are skipped.
 */
export function elementsOf(formula: string): string[] {
  const found: string[] = [];
  for (const match of searchForm(formula).matchAll(/[A-Z][a-z]?/g)) {
    let symbol = match[0];
    // "Co" vs "C"+"o": a two-letter token that is not an element may be a one-letter element.
    if (!ELEMENTS.has(symbol) && symbol.length === 2 && ELEMENTS.has(symbol[0]!)) symbol = symbol[0]!;
    if (ELEMENTS.has(symbol) && !found.includes(symbol)) found.push(symbol);
  }
  return found;
}
