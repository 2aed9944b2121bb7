/**
 * From a read document to what a reviewer starts from: a record file in the import format (a draft:
 * nothing here is published until a person has looked) and the side list of candidates, each with
 * its confidence, the reason for it and the span of text that states it. The record is checked with
 * the record file's own schema; a candidate the schema refuses stays in the list with its problem,
 * and what the document does not say (a DOI, the journal) is listed for the reviewer to add.
 */
import {
  BATTERY_SYSTEMS,
  ROLES,
  type Conditions,
  type MaterialRecord,
  type MeasurementRecord,
  type PaperRecord,
  type RecordFile,
  type SynthesisStepRecord,
} from "../records/schema";
import { checkRecordFile, RecordValidationError, type FieldError } from "../records/checks";
import { elementsOf } from "../records/chemistry";
import type { MaterialClass } from "../records/material-classes";
import { isElement } from "../records/elements";
import { slugify } from "../editing/form";
import { measurementCandidates } from "./candidates";
import { materialBefore, materialMentions, type MaterialMention } from "./materials";
import { synthesisCandidates } from "./synthesis";
import { sectionAt, type PaperDocument } from "./document";

/** One thing the extractor proposes, for a person to accept, edit or reject. */
export interface Candidate {
  /** Stable within one extraction: "m3" (a measurement), "s1" (a synthesis step). */
  id: string;
  kind: "measurement" | "synthesis";
  /** Key of the record's material it is filed under. */
  material: string;
  /** The span of the document's text that states it, and the sentence or clause around it. */
  start: number;
  end: number;
  quote: string;
  location?: string;
  confidence: number;
  reason: string;
  measurement?: MeasurementRecord;
  step?: SynthesisStepRecord;
  /** Why the record file leaves it out (the schema refuses it as it stands). */
  problem?: string;
}

export interface Extraction {
  /** A record file `matlit import` reads: one paper, status draft, with every candidate the schema accepts. */
  record: RecordFile;
  candidates: Candidate[];
  /** What the record still lacks before it can be imported or published (a DOI, the journal…). */
  missing: FieldError[];
  /** The text the candidates' spans point into, and its sections. */
  text: string;
  sections: PaperDocument["sections"];
}

/** Words that name a battery system, each counted over the whole text; the most frequent wins. */
const SYSTEM_WORDS: [(typeof BATTERY_SYSTEMS)[number], RegExp][] = [
  ["Li–S", /\b(?:Li[–-]S|lithium[–-]sulfur|lithium[–-]sulphur|LSBs?)\b/g],
  ["Na–S", /\b(?:Na[–-]S|sodium[–-]sulfur|RT[–-]Na[–-]S)\b/g],
  ["K–S", /\b(?:K[–-]S|potassium[–-]sulfur)\b/g],
  ["Mg–S", /\b(?:Mg[–-]S|magnesium[–-]sulfur)\b/g],
  ["sodium-ion", /\b(?:sodium[- ]ion|Na[- ]ion|SIBs?|NIBs?)\b/gi],
  ["lithium-ion", /\b(?:lithium[- ]ion|Li[- ]ion|LIBs?)\b/gi],
  ["potassium-ion", /\b(?:potassium[- ]ion|K[- ]ion|PIBs?|KIBs?)\b/gi],
  ["lithium metal", /\blithium[- ]metal (?:batter|anode|cell)/gi],
  ["sodium metal", /\bsodium[- ]metal (?:batter|anode|cell)/gi],
];

/** Words that give an electrode's role in a sentence; an electrolyte, separator or binder is known by its class (ROLE_OF_CLASS). */
const ROLE_WORDS: [(typeof ROLES)[number], RegExp][] = [
  ["anode", /\banodes?\b|\bnegative electrode/gi],
  ["cathode", /\bcathodes?\b|\bpositive electrode/gi],
  ["host", /\bhosts?\b/gi],
  ["catalyst", /\bcatalysts?\b|\belectrocatalys/gi],
  ["interlayer", /\binterlayers?\b/gi],
];

function mostFrequent<T>(text: string, words: [T, RegExp][]): { choice: T; count: number } | null {
  let best: { choice: T; count: number } | null = null;
  for (const [choice, pattern] of words) {
    const count = text.match(pattern)?.length ?? 0;
    if (count && (!best || count > best.count)) best = { choice, count };
  }
  return best;
}

/** A name that is a formula: element symbols with counts only ("FeS2", "Na3V2(PO4)3"). */
function formulaOf(name: string): string | undefined {
  const plain = name.normalize("NFKC");
  // Capitals alone ("HCS", "CNS") are an abbreviation far more often than a formula, even when each is an element.
  if (!/[a-z\d]/.test(plain)) return undefined;
  if (!/^(?:[A-Z][a-z]?[\d.x]*|\(|\)[\d.]*)+$/.test(plain)) return undefined;
  return [...plain.matchAll(/[A-Z][a-z]?/g)].every((m) => isElement(m[0])) ? plain : undefined;
}

/** The class words in a material's name suggest, first match winning; the reviewer confirms or changes it. */
const CLASS_WORDS: [MaterialClass, RegExp][] = [
  ["single-atom catalyst", /single[- ]atom|\bSACs?\b|dual[- ]atom/i],
  ["doped carbon", /\b(?:[A-Z][a-z]?|nitrogen|sulfur|sulphur|phosphorus|boron)[- ](?:co-?)?doped (?:\w+ )?carbon|\b[NSPB]-?C(?:NF|NT)s?\b/i],
  ["hard carbon", /\bhard carbon/i],
  ["graphite", /\bgraphit|\bgraphene\b/i],
  ["MXene / 2D", /\bMXene|Ti3C2/i],
  ["carbon (other)", /\bcarbon|\bCNTs?\b|\bCNFs?\b/i],
  ["layered oxide", /\blayered (?:transition[- ]metal )?oxide|\bO3[- ]|\bP2[- ]|\bNCM|\bNMC/i],
  ["polyanion", /\bolivine|\bNASICON|phosphate|\bNVP\b|\bLFP\b/i],
  ["Prussian blue analogue", /\bPrussian blue|hexacyanoferrate/i],
  ["quasi-solid / gel electrolyte", /\bgel(?:led)? (?:polymer )?electrolyte|quasi[- ]solid/i],
  ["polymer electrolyte", /\bpolymer electrolyte/i],
  ["inorganic solid electrolyte", /\bsolid(?:[- ]state)? electrolyte|\bgarnet|\bLLZO|argyrodite/i],
  ["liquid electrolyte", /\belectrolyte/i],
  ["separator / interlayer", /\bseparator|\binterlayer/i],
  ["binder", /\bbinder/i],
  ["sulfur host", /\bsulfur (?:host|cathode)|\bS@/i],
];

/** A class from the list and, when none fits, "other" with the long form's head as the note. */
function classOf(words: string): { materialClass: MaterialClass; classNote?: string } {
  const found = CLASS_WORDS.find(([, pattern]) => pattern.test(words))?.[0];
  if (found) return { materialClass: found };
  const head = words.trim().split(/\s+/).slice(-3).join(" ");
  return { materialClass: "other", ...(head ? { classNote: `suggested from "${head}"` } : {}) };
}

/** The role a class implies (an electrolyte is an electrolyte whatever the sentence around it says), if any. */
const ROLE_OF_CLASS: Partial<Record<MaterialClass, (typeof ROLES)[number]>> = {
  "liquid electrolyte": "electrolyte",
  "quasi-solid / gel electrolyte": "electrolyte",
  "polymer electrolyte": "electrolyte",
  "inorganic solid electrolyte": "electrolyte",
  "separator / interlayer": "separator",
  binder: "binder",
};

/** Words around a material's first mentions that make it a control or a reference the paper compares against. */
const CONTROL = /\b(?:bare|pristine|commercial|pure|control|reference|conventional|without)\s*$/i;
const CONTROL_NAME = /^(?:bare|pristine|commercial|pure|conventional)\b/i;

function materialRecord(mention: MaterialMention | null, text: string, defaults: { role: string; batterySystem: string }): MaterialRecord {
  const name = mention?.name ?? "material studied";
  // A name the text spells out ("hard carbon spheres (HCS)") is an abbreviation, not a formula.
  const formula = mention && !mention.longForm ? formulaOf(mention.name) : undefined;
  // The role most often named within a sentence of the material's mentions, else the paper's.
  const kind = classOf(`${mention?.longForm ?? ""} ${name}`);
  // Otherwise the electrode role most often named around the material's mentions, else the paper's.
  const near = mention ? mention.mentions.map((at) => text.slice(Math.max(0, at - 150), at + 150)).join(" ") : "";
  const role = ROLE_OF_CLASS[kind.materialClass] ?? mostFrequent(near, ROLE_WORDS)?.choice ?? defaults.role;
  const isControl =
    !!mention && (CONTROL_NAME.test(mention.longForm ?? "") || mention.mentions.some((at) => CONTROL.test(text.slice(Math.max(0, at - 20), at))));
  return {
    key: slugify(name) || "material",
    name,
    ...(formula ? { formula, elements: elementsOf(formula) } : {}),
    role: role as MaterialRecord["role"],
    batterySystem: defaults.batterySystem as MaterialRecord["batterySystem"],
    ...kind,
    isControl,
    ...(mention?.longForm ? { description: `${mention.longForm} (${mention.name}), as the paper defines it.` } : {}),
    synthesis: [],
    measurements: [],
  };
}

function paperOf(document: PaperDocument): PaperRecord {
  const m = document.metadata;
  const review = /\breview\b/i.test(`${m.title ?? ""} ${(m.keywords ?? []).join(" ")}`);
  return {
    ...(m.doi ? { doi: m.doi } : {}),
    ...(m.title ? { title: m.title } : {}),
    ...(m.journal ? { journal: m.journal } : {}),
    ...(m.year ? { year: m.year } : {}),
    ...(m.volume ? { volume: m.volume } : {}),
    ...(m.issue ? { issue: m.issue } : {}),
    ...(m.articleNumber ? { articleNumber: m.articleNumber } : {}),
    ...(m.pages ? { pages: m.pages } : {}),
    authors: m.authors ?? [],
    keywords: m.keywords ?? [],
    ...(m.abstract ? { abstract: m.abstract } : {}),
    kind: review ? "review" : "research article",
    status: "draft",
    formulas: [],
    materials: [],
  } as PaperRecord;
}

/** The paper's fields a record requires, and how a reviewer would name each. */
const REQUIRED_METADATA: [keyof PaperRecord, string][] = [
  ["doi", "the DOI (without one, give another identifier: an arXiv id, an ISBN, a URL or a local id)"],
  ["title", "the title"],
  ["authors", "the authors"],
  ["journal", "the journal"],
  ["year", "the year"],
];

/** Stand-ins for the paper's own fields while the candidates alone are checked; never written out. */
const COMPLETE_METADATA = { doi: "10.1000/stand-in", title: "stand-in", journal: "stand-in", year: 2000, authors: ["stand-in"] };

/** A Unicode minus in a unit is typography, not another unit: records write the ASCII one. */
const asciiMinus = (unit: string): string => unit.replace(/[−–]/g, "-");

function withAsciiUnits(conditions: Conditions): Conditions {
  return Object.fromEntries(
    Object.entries(conditions).map(([key, v]) => [key, v && typeof v === "object" && "unit" in v ? { ...v, unit: asciiMinus(String(v.unit)) } : v]),
  ) as Conditions;
}

/** The problems of a record file as field errors, or none. */
function problemsOf(file: RecordFile): FieldError[] {
  try {
    checkRecordFile(file);
    return [];
  } catch (e) {
    if (e instanceof RecordValidationError) return e.details as FieldError[];
    throw e;
  }
}

/** Candidates and a draft record of a document. */
export function extractPaper(document: PaperDocument): Extraction {
  const { text } = document;
  const mentions = materialMentions(text);
  const defaults = {
    batterySystem: mostFrequent(text, SYSTEM_WORDS)?.choice ?? "lithium-ion",
    role: mostFrequent(text, ROLE_WORDS)?.choice ?? "anode",
  };
  const paper = paperOf(document);
  const materials = new Map<string, MaterialRecord>();
  const materialFor = (name: string | null): MaterialRecord => {
    const mention = mentions.find((m) => m.name === name) ?? mentions[0] ?? null;
    const key = slugify(mention?.name ?? "") || "material";
    if (!materials.has(key)) materials.set(key, materialRecord(mention, text, defaults));
    return materials.get(key)!;
  };

  const candidates: Candidate[] = [];
  for (const [i, c] of measurementCandidates(text).entries()) {
    const material = materialFor(c.material);
    const location = sectionAt(document, c.start)?.title || undefined;
    const measurement: MeasurementRecord = {
      property: c.property as MeasurementRecord["property"],
      ...(c.value !== undefined ? { value: c.value } : { min: c.min!, max: c.max! }),
      unit: asciiMinus(c.unit),
      ...(c.qualifier ? { qualifier: c.qualifier as MeasurementRecord["qualifier"] } : {}),
      scope: "material",
      ...(Object.keys(c.conditions).length ? { conditions: withAsciiUnits(c.conditions) } : {}),
      quote: c.quote,
      ...(location ? { location } : {}),
      source: "stated",
    };
    candidates.push({
      id: `m${i + 1}`,
      kind: "measurement",
      material: material.key,
      start: c.start,
      end: c.end,
      quote: c.quote,
      location,
      confidence: c.confidence,
      reason: c.reason,
      measurement,
    });
  }
  // A synthesis step belongs to the material named last before its clause ends (in it, or in the section's heading).
  for (const [i, s] of synthesisCandidates(document).entries()) {
    const material = materialFor(materialBefore(mentions, s.end)?.name ?? null);
    candidates.push({
      id: `s${i + 1}`,
      kind: "synthesis",
      material: material.key,
      start: s.start,
      end: s.end,
      quote: s.step.quote!,
      location: s.location,
      confidence: s.confidence,
      reason: s.reason,
      step: s.step,
    });
  }
  candidates.sort((a, b) => a.start - b.start);

  // Every candidate joins the record; those its checks refuse leave it again, keeping the reason.
  const placed = new Map<string, Candidate>();
  for (const c of candidates) {
    const material = materials.get(c.material)!;
    const list = c.measurement ? material.measurements! : material.synthesis!;
    placed.set(`${c.kind === "measurement" ? "measurements" : "synthesis"}:${c.material}:${list.length}`, c);
    (list as unknown[]).push(c.measurement ?? c.step);
  }
  paper.materials = [...materials.values()];
  // Checked as if the metadata were complete, so the candidates' own problems show (the schema
  // checks units and conditions only once the paper's fields parse).
  const asComplete: RecordFile = { papers: [{ ...paper, ...COMPLETE_METADATA }] };
  for (const e of problemsOf(asComplete)) {
    const at = /^papers\[0\]\.materials\[(\d+)\]\.(measurements|synthesis)\[(\d+)\]/.exec(e.path);
    const c = at && placed.get(`${at[2]}:${paper.materials[Number(at[1])]!.key}:${at[3]}`);
    if (c) c.problem ??= e.message;
  }
  for (const material of paper.materials) {
    material.measurements = material.measurements!.filter((m) => !candidates.some((c) => c.problem && c.measurement === m));
    material.synthesis = material.synthesis!.filter((s) => !candidates.some((c) => c.problem && c.step === s));
  }
  const record: RecordFile = { papers: [paper] };
  const stated = (field: keyof PaperRecord): boolean =>
    field === "doi" ? !!(paper.doi || paper.identifier) : field === "authors" ? !!paper.authors?.length : !!(paper as Record<string, unknown>)[field];
  const missing = REQUIRED_METADATA.filter(([field]) => !stated(field)).map(([path, what]) => ({
    path,
    message: `the document does not state ${what}: add it before importing or publishing`,
  }));
  return { record, candidates, missing, text, sections: document.sections };
}
