/**
 * Synthesis steps a text describes: a verb of making ("calcined", "stirred", "ball-milled") with the
 * numbers that say how — temperature, duration, heating rate, atmosphere, and the reagents with their
 * amounts or concentrations. In an experimental section every such clause is a step; elsewhere (an
 * abstract) only a verb tied to its number is ("carbonized at 800 °C"), since a results section's
 * "heated" is rarely a recipe. Units are told apart by dimension (lib/units), not by spelling.
 */
import { compatible } from "../units/convert";
import { splitSentences } from "./sentences";
import type { PaperDocument } from "./document";
import { sectionAt } from "./document";
import type { SynthesisStepRecord } from "../records/schema";

export interface SynthesisCandidate {
  step: SynthesisStepRecord;
  /** Where the clause stands in the document's text. */
  start: number;
  end: number;
  /** The section it stands in, as printed ("2.1 Synthesis of N-CNFs"). */
  location?: string;
  confidence: number;
  reason: string;
}

/** Verbs of making, by the action a record names ("calcine"), each matched in its inflected forms. */
const ACTIONS: { action: string; words: RegExp }[] = [
  { action: "carbonize", words: /carboni[sz](?:ed|ing|ation)/ },
  { action: "calcine", words: /calcin(?:ed|ing|ation)|calcinated/ },
  { action: "anneal", words: /anneal(?:ed|ing)?/ },
  { action: "pyrolyze", words: /pyroly[sz](?:ed|ing)|pyrolysis/ },
  { action: "sinter", words: /sinter(?:ed|ing)?/ },
  { action: "sulfurize", words: /sulfuri[sz](?:ed|ing|ation)|sulphuri[sz](?:ed|ing|ation)/ },
  { action: "heat", words: /heated|heating(?! rate)|heat[- ]treated|heat treatment/ },
  { action: "hydrothermal treatment", words: /hydrothermal(?:ly)?/ },
  { action: "solvothermal treatment", words: /solvothermal(?:ly)?/ },
  { action: "reflux", words: /reflux(?:ed|ing)?/ },
  { action: "ball-mill", words: /ball[- ]mill(?:ed|ing)?/ },
  { action: "grind", words: /ground|grind(?:ing)?/ },
  { action: "stir", words: /stirr(?:ed|ing)/ },
  { action: "sonicate", words: /sonicat(?:ed|ing|ion)|ultrasonicat(?:ed|ing|ion)/ },
  { action: "dissolve", words: /dissolv(?:ed|ing)/ },
  { action: "disperse", words: /dispers(?:ed|ing)(?! phase)/ },
  { action: "mix", words: /mix(?:ed|ing)/ },
  { action: "electrospin", words: /electrospun|electrospinning/ },
  { action: "freeze-dry", words: /freeze[- ]dri(?:ed|ng)|lyophili[sz](?:ed|ation)/ },
  { action: "dry", words: /dried|drying/ },
  { action: "wash", words: /wash(?:ed|ing)|rinsed/ },
  { action: "centrifuge", words: /centrifug(?:ed|ing|ation)/ },
  { action: "filter", words: /filtered|filtration/ },
  { action: "etch", words: /etch(?:ed|ing)/ },
  { action: "age", words: /aged|ageing|aging/ },
  { action: "cool", words: /cooled|quench(?:ed|ing)/ },
  { action: "coat", words: /coated|cast(?: onto| on)|coating/ },
  { action: "press", words: /pressed|pelleti[sz]ed/ },
];
const ACTION = new RegExp(`\\b(?:${ACTIONS.map((a) => a.words.source).join("|")})\\b`, "gi");

/** A heading of the part of a paper that says how things were made. */
const EXPERIMENTAL = /experiment|method|synthes|prepar|fabricat|material/i;
/** Clauses that describe measuring, not making: no step even in an experimental section. */
const MEASURING =
  /\b(?:measured|recorded|characteri[sz]ed|performed on|tested|cycled|assembled|spectr(?:um|a|oscopy)|diffract|microscop|galvanostatic|voltammetr|impedance)\b/i;

const NUMBER = String.raw`\d+(?:\.\d+)?`;
/** A number and the unit words after it (up to three tokens: "°C min−1", "mol L−1"). */
const AMOUNT = new RegExp(String.raw`(${NUMBER})\s*((?:°C|℃|[A-Za-zµμ%]+)(?:\s*\/?\s*[A-Za-zµμ]+(?:\^?[-−]?\d)?){0,2})`, "gu");

type Kind = "temperature" | "duration" | "rampRate" | "amount" | "concentration";

/** What a unit measures in a recipe, by its dimension; the longest reading of the words wins. */
function kindOf(unit: string): Kind | null {
  // English words that are also unit symbols ("at" attotonne, "in" inch, "as" attosecond).
  if (/^(?:a|an|as|at|in|is|it|on|or|of|to|and|for|by|the)$/i.test(unit.split(" ").at(-1)!)) return null;
  const tests: [Kind, string][] = [
    ["rampRate", "K/s"],
    ["concentration", "mol/L"],
    ["concentration", "g/L"],
    ["temperature", "K"],
    ["duration", "s"],
    ["amount", "g"],
    ["amount", "L"],
    ["amount", "mol"],
  ];
  for (const [kind, reference] of tests) {
    try {
      if (compatible(unit, reference)) return kind;
    } catch {
      break; // not a unit at all
    }
  }
  return /^wt ?%$/.test(unit) ? "amount" : null;
}

interface Amount {
  kind: Kind;
  value: number;
  unit: string;
  start: number;
  end: number;
}

/** Every number with a recipe's unit in a clause, the unit read as its longest sensible prefix. */
function amountsIn(clause: string): Amount[] {
  const out: Amount[] = [];
  for (const m of clause.matchAll(AMOUNT)) {
    const printed = m[2]!.trimEnd();
    const words = printed.split(/\s+/);
    for (let n = words.length; n > 0; n--) {
      const unit = words.slice(0, n).join(" ").replace(/−/g, "-");
      const kind = kindOf(unit);
      if (!kind) continue;
      const start = m.index!;
      const unitStart = start + m[0].length - m[2]!.length;
      const end = unitStart + new RegExp(`^(?:\\S+\\s*){${n - 1}}\\S+`).exec(printed)![0].length;
      out.push({ kind, value: Number(m[1]), unit, start, end });
      break;
    }
  }
  return out;
}

const ATMOSPHERE =
  /\b(?:under|in)\s+(?:an?\s+)?(?:flowing\s+|pure\s+|high-purity\s+|static\s+)?(Ar\/H2|H2\/Ar|Ar|argon|N2|N₂|nitrogen|air|vacuum|H2S|NH3|ammonia|oxygen|O2|H2)(?:\s*\([^)]{0,20}\))?(?:\s+(?:atmosphere|flow|gas|environment))?\b/i;
const ATMOSPHERE_NAMES: Record<string, string> = { argon: "Ar", nitrogen: "N2", "n₂": "N2", oxygen: "O2", ammonia: "NH3", vacuum: "vacuum", air: "air" };

/** Words that end a reagent's name or stand before it: verbs, prepositions, conjunctions. */
const NOT_A_NAME = "and|or|with|in|into|was|were|is|are|as|at|by|from|for|to|using|under|then|of|the|solution|dissolved|added|mixed";

/** Reagents with an amount: "3.0 g of sodium oleate", "sodium antimonate (4.0 g)", "NaOH (2 M)". */
function reagentsOf(clause: string, amounts: Amount[]): SynthesisStepRecord["reagents"] {
  const reagents: NonNullable<SynthesisStepRecord["reagents"]> = [];
  for (const a of amounts) {
    if (a.kind !== "amount" && a.kind !== "concentration") continue;
    const quantity = { value: a.value, unit: a.unit };
    const after = new RegExp(
      String.raw`^\s*(?:of\s+)?(?:the\s+)?(?!(?:${NOT_A_NAME})\b)([\p{L}\p{N}][\p{L}\p{N}()\-–·]*(?:\s+(?!(?:${NOT_A_NAME})\b)[\p{L}\p{N}()\-–·]+){0,3})`,
      "u",
    ).exec(clause.slice(a.end));
    // "sodium antimonate (4.0 g)": the words right before the bracket, after the last linking word.
    const before = /([\p{L}\p{N}][\p{L}\p{N}\-–·]*(?:\s+[\p{L}\p{N}\-–·]+){0,2})\s*\(\s*$/u.exec(clause.slice(0, a.start));
    const beforeName = before?.[1]?.split(new RegExp(String.raw`\b(?:${NOT_A_NAME})\s+`, "u")).at(-1);
    const name = (after?.[1] ?? beforeName)?.trim();
    if (!name) continue;
    reagents.push(a.kind === "amount" ? { name, amount: quantity } : { name, concentration: quantity });
  }
  return reagents.length ? reagents : undefined;
}

/** The clauses of a sentence that may each be a step: "…stirred for 2 h, then dried at 80 °C". */
function clausesOf(sentence: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const cut = /;\s*|,?\s*(?:and\s+)?(?:then|subsequently|afterwards|followed by|after which)\b,?\s*/gi;
  let start = 0;
  for (const m of sentence.matchAll(cut)) {
    out.push({ text: sentence.slice(start, m.index), start });
    start = m.index! + m[0].length;
  }
  out.push({ text: sentence.slice(start), start });
  return out.filter((c) => c.text.trim());
}

function actionOf(verb: string): string {
  const lower = verb.toLowerCase();
  return ACTIONS.find((a) => new RegExp(`^(?:${a.words.source})$`, "i").test(lower))?.action ?? lower;
}

/** The synthesis steps a document describes, in reading order. */
export function synthesisCandidates(document: PaperDocument): SynthesisCandidate[] {
  const out: SynthesisCandidate[] = [];
  for (const sentence of splitSentences(document.text)) {
    const section = sectionAt(document, sentence.start);
    const experimental = !!section && EXPERIMENTAL.test(section.title);
    for (const clause of clausesOf(sentence.text)) {
      const verbs = [...clause.text.matchAll(ACTION)];
      if (!verbs.length || MEASURING.test(clause.text)) continue;
      const amounts = amountsIn(clause.text);
      const first = (kind: Kind) => amounts.find((a) => a.kind === kind);
      const temperature = first("temperature");
      const duration = first("duration");
      const rampRate = first("rampRate");
      const atmosphere = ATMOSPHERE.exec(clause.text);
      const reagents = reagentsOf(clause.text, amounts);
      const hasNumbers = !!(temperature || duration || rampRate || atmosphere || reagents);
      // In a methods section a verb of making is a step ("collected by centrifugation"); elsewhere
      // it needs its number right after it: "carbonized at 800 °C".
      const tied = verbs.some((v) => /^\s*(?:at|to|for|under|in)\s+(?:about\s+|~\s*)?\d/.test(clause.text.slice(v.index! + v[0].length)));
      if (!experimental && !(hasNumbers && tied)) continue;
      const actions = [...new Set(verbs.map((v) => actionOf(v[0])))];
      const atmosphereName = atmosphere ? (ATMOSPHERE_NAMES[atmosphere[1]!.toLowerCase()] ?? atmosphere[1]!.replace("₂", "2")) : undefined;
      // Outside a methods section the step is the verb phrase ("N-CNFs carbonized at 800 °C"), not
      // the rest of a sentence about results; in one, the whole clause.
      const used = [temperature, duration, rampRate].filter((a): a is Amount => !!a).map((a) => a.end);
      if (atmosphere) used.push(atmosphere.index + atmosphere[0].length);
      const stepEnd = experimental ? clause.text.length : Math.max(...used, ...verbs.map((v) => v.index! + v[0].length));
      const quote = clause.text.slice(0, stepEnd).trim().replace(/[,.]$/, "");
      out.push({
        step: {
          action: actions.join(" and "),
          ...(reagents ? { reagents } : {}),
          ...(temperature ? { temperature: { value: temperature.value, unit: temperature.unit } } : {}),
          ...(duration ? { duration: { value: duration.value, unit: duration.unit } } : {}),
          ...(atmosphereName ? { atmosphere: atmosphereName } : {}),
          ...(rampRate ? { rampRate: { value: rampRate.value, unit: rampRate.unit } } : {}),
          quote,
        },
        start: sentence.start + clause.start + clause.text.indexOf(quote),
        end: sentence.start + clause.start + clause.text.indexOf(quote) + quote.length,
        ...(section?.title ? { location: section.title } : {}),
        confidence: experimental ? (hasNumbers ? 0.8 : 0.5) : 0.6,
        reason: experimental ? `"${verbs[0]![0]}" in the section "${section!.title}"` : `"${verbs[0]![0]}" with its conditions outside a methods section`,
      });
    }
  }
  return out;
}
