/**
 * Numbers with units in a sentence: a value or a range, its qualifier, and the unit read with the
 * property catalogue's units in mind. A unit is taken as written when it fits some property; when it
 * fits none, a later factor's bare exponent is read as a minus the PDF lost ("mA h g1" → mA h g⁻¹,
 * "S cm 1" → S cm⁻¹) and kept if that fits. Which property a number is, is decided elsewhere (cue words).
 */
import { compatible, readUnit } from "../units/convert";
import { withLostMinus } from "../units/notation";
import { PROPERTIES } from "../units/properties";

export interface FoundQuantity {
  /** A single number, or a range (min, max). */
  value?: number;
  min?: number;
  max?: number;
  /** "~", "≈", ">", "<", "≥", "≤" as a record writes them ("up to" is ≤, "over" and "more than" >). */
  qualifier?: string;
  /** The unit as matlit reads it (repaired when the printed one lost its minus signs). */
  unit: string;
  /** The unit as printed, when it was repaired. */
  printed?: string;
  /** Catalogue properties the unit fits. */
  fits: string[];
  /** A count rather than an amount: "100 cycles", "0.5 C", "0.95 e" (a C-rate fits no property). */
  count?: "cycles" | "C-rate" | "electrons" | "scan-rate";
  /** Listed with slashes before the number that carries the unit ("1058/950/760 mA h g−1"). */
  slash?: true;
  /** Where the number and its unit stand in the sentence. */
  start: number;
  end: number;
  /** The text as printed, e.g. "2.5–5.0 mg cm−2". */
  text: string;
}

const NUMBER = String.raw`[-−+]?(?:\d+(?:\.\d+)?|\.\d+)(?:\s*[×x]\s*10\s*\^?\s*[-−+]?\d+|[eE][-−+]?\d+)?`;
const QUALIFIER = String.raw`(?:(~|≈|∼|>|<|≥|≤|up to|over|more than|less than|above|below|nearly|about|around|approximately|ca\.)\s*)?`;
/** A number, or a range written "a–b", "a to b", "from a to b", "between a and b". */
const QUANTITY = new RegExp(
  String.raw`${QUALIFIER}(?:between\s+(${NUMBER})\s+and\s+(${NUMBER})|(?:from\s+)?(${NUMBER})\s*(?:–|—|-|to|~)\s*(${NUMBER})|(${NUMBER}))`,
  "gu",
);
const QUALIFIER_WORDS: Record<string, string> = {
  "~": "~",
  "∼": "~",
  "≈": "≈",
  ">": ">",
  "<": "<",
  "≥": "≥",
  "≤": "≤",
  "up to": "≤",
  over: ">",
  "more than": ">",
  above: ">",
  "less than": "<",
  below: "<",
  nearly: "≈",
  about: "≈",
  around: "≈",
  approximately: "≈",
  "ca.": "≈",
};

function numberOf(raw: string): number {
  const t = raw.replace(/[−]/g, "-").replace(/\s+/g, "");
  const sci = /^([-+]?[\d.]+)[×x]10\^?([-+]?\d+)$/.exec(t);
  return sci ? Number(`${sci[1]}e${sci[2]}`) : Number(t);
}

/**
 * Counts read as plain numbers by the unit table (cycles, a C-rate's "C", electrons) fit only the
 * properties that count them, not every share in %.
 */
const COUNTS: { unit: RegExp; count: NonNullable<FoundQuantity["count"]>; fits: string[] }[] = [
  { unit: /^cycles?$/i, count: "cycles", fits: ["cycles_tested", "cycle_life"] },
  { unit: /^C$/, count: "C-rate", fits: [] },
  { unit: /^e(?:lectrons?)?$/, count: "electrons", fits: ["charge_transfer_amount"] },
];
/** A sweep rate (mV s⁻¹): a condition, never a property of its own. */
function isScanRate(unit: string): boolean {
  let known = SCAN_RATE.get(unit);
  if (known === undefined) {
    known = readScanRate(unit);
    if (SCAN_RATE.size > 5000) SCAN_RATE.clear();
    SCAN_RATE.set(unit, known);
  }
  return known;
}

function readScanRate(unit: string): boolean {
  try {
    readUnit(unit);
    return compatible(unit, "mV/s");
  } catch {
    return false;
  }
}
const countOf = (unit: string) => COUNTS.find((c) => c.unit.test(unit));

/** Units already read: a paper writes the same few units hundreds of times, and reading one is slow. */
const FITTING = new Map<string, string[]>();
const SCAN_RATE = new Map<string, boolean>();

/** The catalogue properties a unit fits (none when it cannot be read). */
export function propertiesFitting(unit: string): string[] {
  let fits = FITTING.get(unit);
  if (!fits) {
    fits = readFitting(unit);
    if (FITTING.size > 5000) FITTING.clear();
    FITTING.set(unit, fits);
  }
  return [...fits];
}

function readFitting(unit: string): string[] {
  const count = countOf(unit);
  if (count) return count.fits;
  try {
    readUnit(unit);
  } catch {
    return [];
  }
  return PROPERTIES.filter((p) => p.unit !== "" && compatible(unit, p.unit)).map((p) => p.key);
}

const STOP_WORDS = /^(?:at|in|and|or|of|for|to|by|on|with|from|is|was|were|are|as|the|a|an|vs\.?|after|under|over|than|which|that|respectively|ft|yd|mi)$/;

/** The words after a number that could be its unit, longest first (at most five tokens). */
function unitCandidates(after: string): string[] {
  const tokens =
    /^\s?((?:[A-Za-zµμΩÅ°%℃][A-Za-z0-9µμΩÅ°%℃⁻¹²³⁰⁴⁵⁶⁷⁸⁹\-−^{}/·.]*)(?:\s+(?:[A-Za-zµμΩÅ°℃][A-Za-z0-9µμΩÅ°⁻¹²³⁰⁴⁵⁶⁷⁸⁹\-−^{}/·]*|\d(?!\d|\.\d)|[-−]\d(?!\d|\.\d)))*)/u.exec(
      after,
    );
  if (!tokens) return [];
  const all = tokens[1]!.replace(/[.,;:)]+$/, "").split(/\s+/);
  // Words of the sentence end a unit ("A g−1 at", "C in"), though mathjs reads "at" and "in" as units.
  const stop = all.findIndex((w, i) => i > 0 && STOP_WORDS.test(w));
  const words = all.slice(0, stop < 0 ? 5 : Math.min(stop, 5));
  // "cycles/1C", "cycles/0.5C": a slash before a number starts the next quantity, not the unit's denominator.
  const slashed = words.findIndex((w) => /\/(?=[\d.])/.test(w));
  if (slashed >= 0) {
    words[slashed] = words[slashed]!.replace(/\/(?=[\d.]).*$/, "");
    words.splice(slashed + 1);
    if (!words[slashed]) words.pop();
  }
  const out: string[] = [];
  for (let n = words.length; n > 0; n--) out.push(words.slice(0, n).join(" "));
  return out;
}

const LABEL = /\b(?:Figs?\.|Figures?|Tables?|Eqs?\.|Equations?|Refs?\.|References?|Sections?|Sect\.|Scheme|Notes?|Steps?|Samples?|No\.|PDF\s*#?)\s*S?$/i;

const LISTED = new RegExp(String.raw`(${NUMBER})\s*(?:,\s*and\s+|,\s*|\s+and\s+|\/)$`, "u");

/** The numbers listed right before `start` ("a, b and …"), in order, each with the unit that ends the list. */
function listedBefore(sentence: string, start: number, unit: string, printed: string, fits: string[], floor: number): FoundQuantity[] {
  const listed: FoundQuantity[] = [];
  for (let at = start, m = LISTED.exec(sentence.slice(0, at)); m; m = LISTED.exec(sentence.slice(0, at))) {
    at = m.index;
    // Inside a quantity already read: "1 A g 1 and 150 mAh g 1" lists no "1" (it is A g⁻¹'s exponent).
    if (at < floor) break;
    // A number inside a name or a formula ("Li0.5/3") is not listed.
    if (/[\p{L}_.^]$/u.test(sentence.slice(0, at))) break;
    // "mg cm −2 /10 µL mg−1": a unit's exponent set apart is not a listed number.
    if (/^[-−]/.test(m[1]!) && m[0].trimEnd().endsWith("/") && /\b(?:[mµμnkc]?(?:g|m|L|s|h|A|V|W|mol)|mAh|Wh)\s*$/u.test(sentence.slice(0, at))) break;
    const slash = sentence
      .slice(at + m[1]!.length)
      .trimStart()
      .startsWith("/");
    listed.unshift({
      value: numberOf(m[1]!),
      unit,
      ...(unit !== printed ? { printed } : {}),
      fits,
      ...(countOf(unit) ? { count: countOf(unit)!.count } : {}),
      ...(slash ? { slash: true } : {}),
      start: at,
      end: at + m[1]!.length,
      text: m[1]!,
    });
  }
  return listed;
}

/** Every number of a sentence that carries a unit some catalogue property has. */
export function findQuantities(sentence: string): FoundQuantity[] {
  const found: FoundQuantity[] = [];
  let consumed = 0;
  for (const m of sentence.matchAll(QUANTITY)) {
    const [whole, qualifier, betweenA, betweenB, fromA, toB, single] = m;
    const start = m.index!;
    // Not a measurement: a number inside a unit already read ("g−1"), a name or a formula ("NC-800",
    // "Li2S6"), or a label ("Fig. 3e", "Table 2", "Eq. 4", "Ref. 12").
    if (start < consumed || /[\p{L}\p{N}_.,^]$/u.test(sentence.slice(0, start)) || LABEL.test(sentence.slice(Math.max(0, start - 16), start))) continue;
    const afterNumber = start + whole.length;
    for (const printed of unitCandidates(sentence.slice(afterNumber))) {
      let unit = printed;
      let fits = propertiesFitting(unit);
      if (!fits.length) {
        const repaired = withLostMinus(printed);
        if (repaired !== printed && (fits = propertiesFitting(repaired)).length) unit = repaired;
      }
      const count = countOf(unit)?.count ?? (!fits.length && isScanRate(unit) ? "scan-rate" : undefined);
      if (!fits.length && !count) continue;
      const low = betweenA ?? fromA;
      const high = betweenB ?? toB;
      const end = afterNumber + sentence.slice(afterNumber).indexOf(printed) + printed.length;
      // "573, 478 and 278 mAh g−1": the numbers listed before share the unit.
      if (single !== undefined && !qualifier) found.push(...listedBefore(sentence, start, unit, printed, fits, consumed));
      consumed = end;
      found.push({
        ...(low !== undefined && high !== undefined ? { min: numberOf(low), max: numberOf(high) } : { value: numberOf(single!) }),
        ...(qualifier ? { qualifier: QUALIFIER_WORDS[qualifier.toLowerCase()] ?? qualifier } : {}),
        unit,
        ...(unit !== printed ? { printed } : {}),
        fits,
        ...(count ? { count } : {}),
        start,
        end,
        text: sentence.slice(start, end),
      });
      break;
    }
  }
  return found;
}
