/**
 * The materials a text names: the abbreviations it defines ("nitrogen-doped carbon nanofibers
 * (N-CNFs)"), the sample series it writes ("NC-700/800/900"), and names written as formulas or
 * formula-like sample names ("LiFePO4", "FeS2 QD/MXene", "Na0.95LNCFM", "SbQD@C", "Fe–N4/C",
 * "Sn-FB QSE"), each with where it is mentioned, so a number can be filed under the material it is
 * about. Techniques, instruments and generic abbreviations (XRD, EIS, DFT, SEI, SIBs, ICE…), plain
 * elements and ions (Na, Li+, Fe2+) and battery chemistries (Li–S) are not materials.
 */
import { isElement } from "../records/elements";

export interface MaterialMention {
  /** The name the text uses for it: the abbreviation, a series member ("NC-800") or a formula-like name. */
  name: string;
  /** The long form an abbreviation stands for. */
  longForm?: string;
  /** Where each mention starts in the text. */
  mentions: number[];
  /** How the text names it: an abbreviation it defines, a member of a series, a formula-like name, or a table row's first cell. */
  kind?: "abbreviation" | "series" | "formula" | "table";
  /** Where each mention ends (same order as `mentions`). */
  ends?: number[];
}

/** Capitals, digits and the marks chemists use in a sample's short name: "N-CNFs", "SbQD@C", "Fe-N4/C", "Na0.95LNCFM". */
const ABBREVIATION = String.raw`[A-Z][A-Za-z0-9@/+\-–₀-₉]{0,14}(?:\.\d+[A-Za-z0-9@/+\-–]{0,14})?`;
const DEFINED = new RegExp(String.raw`\s*\((${ABBREVIATION})\)`, "gu");
/** The words before a definition's parenthesis (at most nine), its long form among them. */
const WORDS_BEFORE = /(?:[\p{L}\p{N}][\p{L}\p{N}\-–/@().]*\s+){0,8}[\p{L}\p{N}][\p{L}\p{N}\-–/@().]*$/u;

/**
 * Abbreviations that name a technique, an instrument, a quantity, a device or a phenomenon, never a
 * sample (compared without a plural "s" and without case).
 */
const NOT_MATERIALS = new Set(
  (
    "XRD PXRD SXRD XPS UPS HAXPES TEM HRTEM STEM HAADF SEM FESEM FE-SEM EDS EDX EDXS EELS SAED TGA TG DTA DSC BET BJH NLDFT EIS CV GCD GITT PITT LSV CA CP " +
    "DFT MD AIMD NEB CI-NEB GGA PBE HSE VASP PAW DOS PDOS TDOS ELF DCD ESP COHP ICOHP HOMO LUMO CBM VBM XAS XANES EXAFS NEXAFS WT FT " +
    "NMR SSNMR MAS ssNMR FTIR FT-IR IR ATR UV UV-VIS VIS ICP ICP-OES ICP-AES ICP-MS OES AES AFM XRF TOF-SIMS SIMS EPR ESR DEMS OEMS GC MS " +
    "SEI CEI LIB SIB PIB KIB ZIB LMB SMB LSB LIS NIB AIB MIB SSB ASSB LMBS ICE CE RT ESW ECW CCD SOC SOH DOD OCV ASR EES ESS EV HEV " +
    "PC-SAFT SSA CN TM TMD HEO HEA SAC DAC LIPS LIP LIPSS SRR OER ORR HER CO2RR NRR RDS RDE RRDE " +
    "CR CR2032 CR2025 CR2016 PP PE PTFE GF NP JCPDS PDF ICDD ICSD COD ID/IG IG/ID"
  ).split(" "),
);
/** Long forms ending in these words define a technique, a quantity or a device, not a sample. */
const NOT_MATERIAL_HEADS =
  /\b(?:spectroscopy|spectrometry|spectra|spectrum|microscopy|microscope|diffraction|analysis|analyses|titration|technique|voltammetry|impedance|efficiency|efficiencies|batter(?:y|ies)|interphases?|orbitals?|states|area|theory|calculations?|method|measurements?|resonance|capacity|energy|ratio|temperature|charge|discharge|tests?|density|functional|simulations?|dynamics|scattering|reactions?|potentials?|structure|interface|cells?|polysulfides?|intermediates?|species|products?)$/i;

const ROMAN = /^(?:I{1,3}|IV|VI{0,3}|IX|X{1,3})$/;

const isAbbreviationStop = (name: string) => {
  const plain = name.replace(/s$/, "").toUpperCase();
  return NOT_MATERIALS.has(plain) || NOT_MATERIALS.has(name.toUpperCase()) || ROMAN.test(name);
};

/**
 * Does `long` spell `short` (Schwartz and Hearst's rule): every letter and digit of the short form
 * occurs in the long form in order, read from the right, and its first at the start of a word.
 */
function spells(short: string, long: string): boolean {
  const letters = [...short.replace(/s$/, "").toLowerCase()].filter((c) => /[\p{L}\p{N}]/u.test(c));
  const text = long.toLowerCase();
  let at = text.length - 1;
  for (let i = letters.length - 1; i >= 0; i--) {
    const wordStart = (j: number) => j === 0 || !/[\p{L}\p{N}]/u.test(text[j - 1]!);
    while (at >= 0 && (text[at] !== letters[i] || (i === 0 && !wordStart(at)))) at--;
    if (at < 0) return false;
    at--;
  }
  return true;
}

/** The shortest tail of `words` that spells the abbreviation and starts with its first letter, or null. */
function longFormOf(words: string[], abbreviation: string): string | null {
  if ([...abbreviation].filter((c) => /[A-Z]/.test(c)).length < 2 && !/[A-Z][a-z]*[A-Z0-9@]/.test(abbreviation)) return null;
  for (let n = 1; n <= words.length; n++) {
    const tail = words.slice(-n).join(" ");
    if (tail.length > abbreviation.length && tail[0]!.toLowerCase() === abbreviation[0]!.toLowerCase() && spells(abbreviation, tail)) return tail;
  }
  return null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A chemical formula: element symbols with counts, groups in brackets ("Na3V2(PO4)3", "Li0.06Ni0.25O2", "LiNixMn1-xO2"). */
const FORMULA = /^(?:(?:[A-Z][a-z]?|\((?:[A-Z][a-z]?(?:\d+(?:\.\d+)?|[xyzδ])*)+\))(?:\d+(?:\.\d+)?|[xyzδ](?:[-−+]\d*(?:\.\d+)?)?|[/]\d+)*)+$/u;

/** Every capital-led symbol of a formula is an element ("NaF" yes, "The" no). */
function isFormula(part: string): boolean {
  if (!FORMULA.test(part)) return false;
  return [...part.matchAll(/[A-Z][a-z]?/g)].every((m) => isElement(m[0]));
}

/** How much a piece of a name says it is a material: 2 a formula with a count or two elements, or an abbreviation of two capitals; 1 a bare element; 0 a word. */
function strength(part: string): number {
  if (!part) return 0;
  // Two elements or more ("NaF", "FeS2"); one element, with or without a count ("Sb", "O3", "N4"), only says little.
  if (isFormula(part)) return /[A-Z][a-z]?[\d.xyzδ]*[A-Z(]/.test(part) ? 2 : 1;
  const capitals = (part.match(/[A-Z]/g) ?? []).length;
  // "P.F", "Y.J": an author's initials, not a name.
  if (capitals >= 2 && !/^[A-Z]{6,}$/.test(part) && !/\.(?!\d)/.test(part) && !isAbbreviationStop(part)) return 2;
  return 0;
}

/** A token written like a material's name: a formula, an abbreviation, or such pieces joined by "/", "@", "-", "–" or "//". */
function nameLike(token: string): boolean {
  if (isAbbreviationStop(token)) return false;
  // "Fe(III)", "Ti(IV)": an oxidation state.
  if (/\((?:I{1,3}|IV|VI{0,3})\)$/.test(token)) return false;
  // An ion ("Na+", "Fe2+", "PO43−") or a bare element is not a material.
  if (/[+−-]$|\d[+−-]$/.test(token) && !/[/@]/.test(token)) return false;
  const parts = token.split(/\/\/|[/@–—-]|\|\|/).filter(Boolean);
  if (!parts.length || parts.some((p) => !/^[\p{L}\p{N}.()₀-₉]+[+−]?$/u.test(p))) return false;
  const strengths = parts.map((p) => strength(p.replace(/\d*[+−]$/, "")));
  // "Li–S", "Fe–O–Ti", "O3–P3": elements joined, a chemistry, a bond or a phase, not a sample; but a
  // composite or core@shell of two elements ("Si/C", "Sb@C") or a metal with its coordination ("Fe–N4/C") is one.
  // A metal with its coordination ("Fe–N4", "Fe–N4/C"): single-atom catalysts are named so.
  const coordination = parts.length > 1 && parts.some((p) => /\d$/.test(p)) && parts.some((p) => /^[A-Z][a-z]?$/.test(p));
  const composite = /[/@]/.test(token) && !/[-–—+−]/.test(token) && strengths.every((s) => s >= 1) && new Set(parts).size > 1;
  if (strengths.every((s) => s <= 1) && !composite && !coordination) return false;
  // Every piece is chemistry, a short label ("QD", "Sn-FB", "N4") or a carbon host's name, not an English word.
  return parts.every(
    (p, i) =>
      strengths[i]! > 0 ||
      /^(?:[A-Z][a-z]{0,2}|[a-z]{1,3}[A-Z][\w]*|\d+|[A-Z]\w*[A-Z]\w*|[a-z]?[A-Z]+s?)$/.test(p) ||
      (parts.length > 1 && /^(?:graphene|graphite|carbon|nanotubes?|nanosheets?|nanofibers?|nanofibres?|silicon|sulfur|sulphur)$/i.test(p)),
  );
}

/** A piece after a name that belongs to it: "QD/MXene" after "FeS2", "QSE" after "Sn-FB", "SAs/NC" after "Y". */
function modifierLike(token: string): boolean {
  if (isAbbreviationStop(token) || /^[A-Z]{6,}$/.test(token)) return false;
  const capitals = (token.match(/[A-Z]/g) ?? []).length;
  return (capitals >= 2 || /[/@]/.test(token)) && nameLike(token);
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}.@/+\-–—()|]*/gu;
/** A figure, table, equation or reference label before a token: "Fig. S14", "Table S2". */
const LABEL_BEFORE = /\b(?:Figs?\.|Figures?|Tables?|Eqs?\.|Equations?|Refs?\.|Notes?|Sections?|Scheme|and|,)\s*$/i;

/** A cell named by what it is built with: "full cell", "symmetric cells", "pouch-cell". */
const CELL_AFTER = /^(?:[-–](?:based|derived))? (full|half|symmetric|pouch|coin)[- ]cells?\b/i;

/** Formula-like names in a text, longest first at each place: [name, start, end]. */
function formulaNames(text: string): { name: string; start: number; end: number }[] {
  const tokens = [...text.matchAll(TOKEN)].map((m) => {
    let word = m[0];
    // Trailing punctuation and unbalanced brackets are the sentence's, not the name's.
    for (;;) {
      const before = word;
      word = word.replace(/[.,;:]+$/, "");
      // "NFM-based", "LLZO-derived": the name before the suffix.
      word = word.replace(/[-–](?:based|derived|type|containing)$/, "");
      const open = (word.match(/\(/g) ?? []).length;
      const close = (word.match(/\)/g) ?? []).length;
      if (close > open && word.endsWith(")")) word = word.slice(0, -1);
      if (open > close && word.endsWith("(")) word = word.slice(0, -1);
      if (word === before) break;
    }
    return { word, start: m.index!, end: m.index! + word.length };
  });
  const out: { name: string; start: number; end: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const balanced = (t.word.match(/\(/g) ?? []).length === (t.word.match(/\)/g) ?? []).length;
    if (!balanced) continue;
    // A name starts with a letter and holds no long number (a grant or a catalogue number).
    if (!/^\p{L}/u.test(t.word) || /\d{5}/.test(t.word)) continue;
    const head = nameLike(t.word);
    const element = !head && isElement(t.word) && !/^(?:In|As|At|Be|He|No|I|Am|Es)$/.test(t.word);
    if (!head && !element) continue;
    // "Fig. S14", "Table S2": a label, not sulfur.
    if (/^S\d+[a-z]?$/.test(t.word) && LABEL_BEFORE.test(text.slice(Math.max(0, t.start - 12), t.start))) continue;
    let end = t.end;
    let name = t.word;
    let j = i + 1;
    for (; j < tokens.length && j <= i + 2; j++) {
      const next = tokens[j]!;
      if (text.slice(end, next.start) !== " " || !modifierLike(next.word)) break;
      name += " " + next.word;
      end = next.end;
    }
    // "commercial Sb", "bulk Si", "bare Zn": an element named as a sample of its own.
    const sample = element && j === i + 1 && /\b(?:commercial|bulk|bare|pristine)\s+$/i.exec(text.slice(Math.max(0, t.start - 12), t.start));
    if (sample) {
      out.push({ name: `${sample[0].trim().toLowerCase()} ${name}`, start: t.start - sample[0].length + sample[0].search(/\S/), end });
      continue;
    }
    if (element && j === i + 1) continue; // a bare element
    // "the Sn-FB QSE full cells", "the LFP||Li coin cell": the cell built with it, a material of its own.
    const cell = CELL_AFTER.exec(text.slice(end, end + 30));
    if (cell) {
      out.push({ name: `${name} ${cell[1]!.toLowerCase().replace(/-/, " ")} cell`, start: t.start, end: end + cell[0].length });
      i = j - 1;
      continue;
    }
    out.push({ name, start: t.start, end });
    i = j - 1;
  }
  return out;
}

export function materialMentions(text: string): MaterialMention[] {
  const byName = new Map<string, MaterialMention>();
  /** Abbreviations the text defines as something else than a material ("potassium polysulfide (KPS)"). */
  const rejected = new Set<string>();
  const add = (name: string, kind: MaterialMention["kind"], longForm?: string) => {
    if (!byName.has(name)) byName.set(name, { name, ...(longForm ? { longForm } : {}), mentions: [], kind, ends: [] });
  };
  for (const m of text.matchAll(DEFINED)) {
    const abbreviation = m[1]!;
    const words = WORDS_BEFORE.exec(text.slice(Math.max(0, m.index! - 200), m.index!))?.[0];
    if (!words) continue;
    if (isAbbreviationStop(abbreviation)) continue;
    // "lithium–sulfur (Li–S)": a chemistry, not a sample.
    if (abbreviation.split(/[-–]/).every((p) => isElement(p)) && /[-–]/.test(abbreviation)) continue;
    const longForm = longFormOf(words.trim().split(/\s+/), abbreviation);
    if (!longForm || byName.has(abbreviation)) continue;
    // "X-ray diffraction (XRD)", "solid electrolyte interphase (SEI)": a technique or a phenomenon.
    if (NOT_MATERIAL_HEADS.test(longForm) && !/\d|[A-Z][a-z]?\d/.test(longForm)) {
      rejected.add(abbreviation);
      continue;
    }
    add(abbreviation, "abbreviation", longForm);
  }
  // A series: "NC-700/800/900" names NC-700, NC-800 and NC-900.
  for (const m of text.matchAll(/\b([A-Z][A-Za-z0-9@]*)-(\d{2,4})((?:\/\d{2,4})+)\b/g)) {
    for (const suffix of [m[2]!, ...m[3]!.split("/").filter(Boolean)]) add(`${m[1]}-${suffix}`, "series");
  }
  // A table's rows (cells split by " | ", ./tables.ts) under its header: each row's first cell names the material the row is about.
  for (const first of tableRowMaterials(text)) add(first, "table");
  const spans: { material: MaterialMention; start: number; end: number }[] = [];
  // Every mention of the names read so far, in one pass: the longest name first at each place.
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  if (names.length)
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "gu")))
      spans.push({ material: byName.get(m[0])!, start: m.index!, end: m.index! + m[0].length });
  // A formula an abbreviation is defined as is that abbreviation wherever it is written, with or without its phase ("O3-").
  const withoutPhase = (name: string) => name.replace(/^(?:[OPT]\d|[αβγδ])-/u, "");
  const formulas = formulaNames(text);
  const formulaAliases = new Map<string, MaterialMention>();
  for (const f of formulas) {
    const defined = /^\s*\(([^()]+)\)/.exec(text.slice(f.end, f.end + 20));
    // "LiNi0.8Co0.1Mn0.1O2 (NCM811)": the formula's short name, whether or not its letters spell it.
    if (defined && /\d/.test(f.name) && nameLike(defined[1]!) && !isAbbreviationStop(defined[1]!)) {
      add(defined[1]!, "abbreviation", f.name);
      formulaAliases.set(withoutPhase(f.name), byName.get(defined[1]!)!);
    }
  }
  // A bare capitals word the paper does not define ("GmbH", "ACS", "HT") is a material only where the
  // text calls it one at least once: "the MXene nanosheets", "an LFP cathode".
  const MATERIAL_NOUN =
    /^\s+(?:anodes?|cathodes?|electrodes?|electrolytes?|separators?|interlayers?|hosts?|composites?|hybrids?|powders?|samples?|materials?|films?|layers?|networks?|matrix|matrices|catalysts?|nanosheets?|nanoparticles?|nanotubes?|nanofibers?|nanofibres?|particles?|sheets?|skeletons?|frameworks?|flakes?|crystals?|spheres?|membranes?|coatings?|substrates?|scaffolds?)\b/i;
  const calledMaterial = new Set(formulas.filter((f) => MATERIAL_NOUN.test(text.slice(f.end, f.end + 20))).map((f) => f.name));
  // All capitals without a count ("KPS", "CNS") reads as an abbreviation even where its letters are elements.
  const abbreviationOnly = (name: string) => !/[\d@/–—-]|\s/.test(name) && (!isFormula(name) || /^[A-Z]{3,}$/.test(name));
  for (const f of formulas) {
    if ((abbreviationOnly(f.name) && !byName.has(f.name) && !calledMaterial.has(f.name)) || rejected.has(f.name)) continue;
    if (/^[A-Z][A-Za-z0-9@]*-\d{2,4}(?:\/\d{2,4})+$/.test(f.name)) continue; // a series, read above
    // A formula that an abbreviation right after it stands for ("Na3V2(PO4)3 (NVP)") is that material.
    const defined = /^\s*\(([^()]+)\)/.exec(text.slice(f.end, f.end + 20));
    const alias =
      (defined && byName.get(defined[1]!)) ||
      formulaAliases.get(withoutPhase(f.name)) ||
      (withoutPhase(f.name) !== f.name ? byName.get(withoutPhase(f.name)) : undefined);
    if (alias) {
      spans.push({ material: alias, start: f.start, end: f.end });
      continue;
    }
    add(f.name, "formula");
    spans.push({ material: byName.get(f.name)!, start: f.start, end: f.end });
  }
  // Longest first at each place; a mention inside a longer one ("MXene" in "FeS2 QD/MXene") is the longer one's.
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  let reach = -1;
  for (const span of spans) {
    if (span.start < reach) continue;
    if (span.material.mentions.at(-1) === span.start) continue;
    span.material.mentions.push(span.start);
    span.material.ends!.push(span.end);
    reach = span.end;
  }
  for (const material of byName.values()) {
    // Series members are also mentioned inside the series itself ("NC-700/800/900"): their first place is the series.
    if (!material.mentions.length && material.kind === "series") {
      const at = text.search(new RegExp(escapeRegExp(material.name.split("-")[0]!), "u"));
      material.mentions.push(at);
      material.ends!.push(at + material.name.length);
    }
  }
  return [...byName.values()].filter((m) => m.mentions.length).sort((a, b) => a.mentions[0]! - b.mentions[0]!);
}

/**
 * A product or intermediate of an alkali metal's reaction, named in a mechanism rather than as a
 * sample: an alkali binary ("Li2S", "Na3Sb", "NaF", "Li2S6") or a variable alkali content ("NaxFeS2", "LixSi").
 */
export function isReactionSpecies(name: string): boolean {
  return /^(?:Li|Na|K)(?:\d+(?:\.\d+)?|[xy])?[A-Z][a-z]?(?:\d+(?:\.\d+)?|[xy])?$/.test(name) || /^(?:Li|Na|K)[xy]/.test(name);
}

/** Words before a name that make it what a peak or a step is assigned to, not the sample measured: "attributed to the formation of Na2S". */
const ASSIGNED =
  /\b(?:attribut|assign|ascrib|correspond|related|relating|derived|due|owing|formation|forming|form|conversion|convert|into|desodiation|sodiation|lithiation|delithiation|reduction|oxidation|decomposition|identified|indicat|stretching|vibration|bonds?)\w*\b[^.;]{0,40}$/i;

/** The first cells of a text's table rows that have a header row above them and values beside them. */
export function tableRowMaterials(text: string): string[] {
  const out: string[] = [];
  let previousWasRow = false;
  for (const paragraph of text.split("\n\n")) {
    const isRow = paragraph.includes(" | ") || /\s\|$/.test(paragraph);
    if (isRow && previousWasRow) {
      const cells = paragraph.split("|").map((c) => c.trim());
      if (/^[\p{L}\p{N}]/u.test(cells[0]!) && !/^\d+(?:\.\d+)?$/.test(cells[0]!) && cells.slice(1).some(Boolean)) out.push(cells[0]!);
    }
    previousWasRow = isRow;
  }
  return out;
}

/** The material named last before `position` (within the paragraph's reach), if any. */
export function materialBefore(materials: MaterialMention[], position: number): MaterialMention | undefined {
  let best: { material: MaterialMention; at: number } | undefined;
  for (const material of materials) {
    for (const at of material.mentions) if (at < position && (!best || at > best.at)) best = { material, at };
  }
  return best?.material;
}

/** The material named first at or after `position` and before `limit`, with where it stands. */
export function materialAfter(materials: MaterialMention[], position: number, limit: number): { material: MaterialMention; at: number } | undefined {
  let best: { material: MaterialMention; at: number } | undefined;
  for (const material of materials) {
    for (const at of material.mentions) if (at >= position && at < limit && (!best || at < best.at)) best = { material, at };
  }
  return best;
}

/** The paper's main material: the one mentioned most (the earlier on a tie). */
export function mainMaterial(materials: MaterialMention[]): MaterialMention | undefined {
  return [...materials]
    .filter((m) => (m.kind !== "series" || m.mentions.length > 1) && !isReactionSpecies(m.name))
    .sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0]! - b.mentions[0]!)[0];
}

/**
 * The material a number at `position` is about: the one named last before it in its sentence, else
 * the one its sentence names after it (not one it is compared with: "higher than X"), else the one
 * named last in its paragraph, else the paper's main material.
 */
export function materialOf(
  materials: MaterialMention[],
  text: string,
  sentence: { start: number; end: number },
  position: number,
  main = mainMaterial(materials),
  end = position,
): { material: MaterialMention; how: "sentence" | "paragraph" | "paper" } | undefined {
  // "0.66 mS cm−1 in Sn QSE", "4.5 for the Sn QSE": the material named right after the number and its unit.
  const right = /^\s*\)?\s*(?:in|for|of|by|on)\s+(?:the\s+|bare\s+|pristine\s+|pure\s+)?/i.exec(text.slice(end, end + 30));
  if (right) {
    const next = materialAfter(materials, end + right[0].length, end + right[0].length + 1);
    if (next && !isReactionSpecies(next.material.name)) return { material: next.material, how: "sentence" };
  }
  // A sample, not a reaction product nor what a peak is assigned to.
  const subject = (m: MaterialMention, at: number) =>
    !isReactionSpecies(m.name) && !ASSIGNED.test(text.slice(Math.max(sentence.start, text.lastIndexOf("\n\n", at), at - 60), at));
  let before: { material: MaterialMention; at: number } | undefined;
  for (const material of materials)
    for (const at of material.mentions) if (at < position && (!before || at > before.at) && subject(material, at)) before = { material, at };
  if (before && before.at >= sentence.start) return { material: before.material, how: "sentence" };
  const after = materialAfter(
    materials.filter((m) => !isReactionSpecies(m.name)),
    position,
    sentence.end,
  );
  if (
    after &&
    subject(after.material, after.at) &&
    !/\b(?:than|compared|comparison|relative|vs\.?|versus|whereas|while|unlike|over)\b/i.test(text.slice(position, after.at))
  )
    return { material: after.material, how: "sentence" };
  // A material named last in the paragraph, unless a passing mention beside the paper's main one (an impurity, a precursor).
  const paragraph = text.lastIndexOf("\n\n", position);
  const minor = (m: MaterialMention) =>
    !!main && m !== main && m.kind === "formula" && !/[\s/@–—-]/.test(m.name) && m.mentions.length < Math.max(3, main.mentions.length / 4);
  if (before && before.at > paragraph && !minor(before.material)) return { material: before.material, how: "paragraph" };
  return main ? { material: main, how: "paper" } : undefined;
}
