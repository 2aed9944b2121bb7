/**
 * Candidate measurements of a text: each number with a unit, as a condition of the sentence it
 * stands in (a current density, a temperature, a C-rate, a cycle count) or as a measurement of the
 * catalogue property its unit fits and the sentence's words name. Every candidate keeps its sentence
 * as the quote, where it stands, a confidence and the reason for it; a person confirms before
 * anything is published.
 */
import { repairText } from "./repair";
import { splitSentences } from "./sentences";
import { findQuantities, type FoundQuantity } from "./quantities";
import { isReactionSpecies, mainMaterial, materialMentions, materialOf } from "./materials";
import { CELL_PROPERTIES, contextConditions, paperContext } from "./context";
import { tableRowAt } from "./tables";
import type { Conditions } from "../records/schema";

export interface MeasurementCandidate {
  property: string;
  value?: number;
  min?: number;
  max?: number;
  unit: string;
  qualifier?: string;
  conditions: Conditions;
  /** The material named last before the number (an abbreviation the text defines, a series member), if any. */
  material: string | null;
  /** The sentence that states it. */
  quote: string;
  /** Where the number stands in the repaired text. */
  start: number;
  end: number;
  /** 0–1: how sure the property is (a cue word right before the number, anywhere in the sentence, or none). */
  confidence: number;
  reason: string;
}

/**
 * The words that name a property in a sentence, for the properties a unit alone does not tell apart
 * (a capacity in mAh g⁻¹ may be reversible or first-cycle; a length may be a particle, a pore or a film).
 */
const CUES: { property: string; words: RegExp }[] = [
  {
    property: "initial_discharge_capacity",
    words:
      /\b(?:initial|first)(?:[- ]cycle)?(?: reversible)? (?:discharge|sodiation|lithiation) capacit(?:y|ies)\b|\binitial capacit(?:y|ies)\b|\bdischarge capacit(?:y|ies) (?:of|in|at) the (?:first|1st|initial) cycle\b/i,
  },
  { property: "initial_charge_capacity", words: /\b(?:initial|first)(?:[- ]cycle)? (?:charge|desodiation|delithiation) capacit(?:y|ies)\b/i },
  { property: "theoretical_capacity", words: /\btheoretical (?:specific )?capacit(?:y|ies)\b/i },
  { property: "specific_capacity", words: /\bcapacit(?:y|ies)\b/i },
  { property: "areal_capacity", words: /\bareal capacit(?:y|ies)\b/i },
  { property: "initial_coulombic_efficiency", words: /\b(?:initial|first|1st)(?:[- ]cycle)? (?:coulombic efficiency|CE)|\bICEs?\b/i },
  { property: "coulombic_efficiency", words: /\b(?:coulombic efficienc(?:y|ies)|CEs?)\b/i },
  { property: "capacity_retention", words: /\bretention\b|\bretain(?:s|ed|ing)?\b|\bmaintain(?:s|ed|ing)?\b|\bremain(?:s|ed|ing)?\b/i },
  {
    property: "capacity_decay_per_cycle",
    words: /\b(?:decay|fading|fade|loss)\b[^.]*per cycle|per cycle[^.]*\b(?:decay|fading|fade)\b|\b(?:decay|fading|fade) rate/i,
  },
  { property: "ionic_conductivity", words: /\b(?:ionic |Na\+ |Li\+ |K\+ )?conductivit(?:y|ies)\b|(?:^|[\s(])σ(?=[\s)=:,]|$)/i },
  { property: "electronic_conductivity", words: /\belectr(?:on)?ical conductivit(?:y|ies)\b|\belectronic conductivit(?:y|ies)\b/i },
  { property: "diffusion_coefficient", words: /\bdiffusion coefficients?|\bdiffusivit|\bD_?\{?(?:Li|Na|K)/i },
  { property: "specific_surface_area", words: /\bsurface areas?|\bBET\b/i },
  { property: "pore_volume", words: /\bpore volume/i },
  { property: "pore_size", words: /\bpores? (?:size|diameter|width|of|with|around|between)|\b(?:meso|micro|macro)pores?\b/i },
  {
    property: "particle_size",
    words: /\b(?:particle|crystallite|grain|domain|average|lateral) sizes?|\bsize (?:of|range)|\bsized\b|\bdiameters?|\bquantum dots? (?:of|with)/i,
  },
  { property: "thickness", words: /\bthick(?:ness)?\b/i },
  {
    property: "lattice_spacing",
    words: /\b(?:interlayer|lattice|interplanar|d-)\s?spacings?|\blattice (?:fringes?|parameters?|constants?|planes?)|\b(?:fringes?|planes?)\b/i,
  },
  { property: "bond_length", words: /\bbond (?:lengths?|distances?)|\b(?:coordination|interatomic) distances?|\bg\(r\)/i },
  { property: "ionic_radius", words: /\bionic radi/i },
  { property: "energy_density", words: /\benergy densit/i },
  { property: "theoretical_energy_density", words: /\btheoretical (?:specific |gravimetric )?energy densit/i },
  { property: "power_density", words: /\bpower densit/i },
  { property: "overpotential", words: /\boverpotential|\bpolari[sz]ation|\bhysteresis|\bvoltage gap/i },
  {
    property: "voltage",
    words:
      /\b(?:reduction|oxidation|redox|cathodic|anodic) peaks?|\bpeaks? (?:at|located|centered|centred)|\bplateaus?\b|\bcut-?off|\bonset (?:potential|voltage)/i,
  },
  {
    property: "electrochemical_stability_window",
    words: /\b(?:electrochemical )?stability windows?|\belectrochemical windows?|\bESWs?\b|\boxidation (?:stability|limit)|\bstable up to\b/i,
  },
  { property: "tafel_slope", words: /\bTafel slopes?/i },
  { property: "critical_current_density", words: /\bcritical current densit|\bCCDs?\b/i },
  { property: "exchange_current_density", words: /\bexchange current densit|\b[ij]_?0\b/i },
  { property: "activation_energy", words: /\bactivation energ|\bE_?a\b/i },
  { property: "adsorption_energy", words: /\b(?:adsorption|binding) energ|\bE_?(?:ads|b)\b/i },
  { property: "energy_barrier", words: /\b(?:energy|diffusion|migration|reaction|decomposition|nucleation) barriers?/i },
  { property: "gibbs_free_energy", words: /\bGibbs|\bfree energ|ΔG/i },
  { property: "band_gap", words: /\bband ?gaps?|\bE_?g\b/i },
  { property: "d_band_center", words: /\bd-band cent/i },
  { property: "work_function", words: /\bwork functions?/i },
  { property: "energy_level", words: /\b(?:LUMO|HOMO)\b|\benergy levels?/i },
  { property: "binding_energy_xps", words: /\bXPS\b|\b[1-4][spdf](?:\s?[1357]\/2)?\b(?! orbitals? of)/ },
  { property: "peak_shift", words: /\bshift(?:s|ed)? (?:by|of)\b|\b(?:positive|negative|red|blue)[- ]shift/i },
  { property: "mass_loading", words: /\b(?:mass |active[- ]material )?loadings?/i },
  { property: "sulfur_loading", words: /\b(?:sulfur|S) (?:mass )?loadings?|\bloadings? of (?:sulfur|S)\b/i },
  { property: "es_ratio", words: /\bE\/S\b|electrolyte[- ]to[- ]sulfur/i },
  { property: "average_voltage", words: /\b(?:average|median|mean|working|operating|discharge) (?:voltage|potential)s?|\bvoltage plateau/i },
  { property: "charge_transfer_resistance", words: /\bcharge[- ]transfer resistances?|\bR_?ct\b/i },
  { property: "interfacial_resistance", words: /\binterfacial resistances?|\bR_?(?:SEI|f|int)\b/i },
  { property: "bulk_resistance", words: /\b(?:bulk|ohmic) resistances?|\bR_?[sbΩ]\b/i },
  { property: "areal_resistance", words: /\barea[- ]specific resistance|\bASR\b/i },
  {
    property: "capacitive_contribution",
    words: /\bcapacitive (?:contribution|ratio|share|proportion|fraction)|\bpseudocapacit|\bcapacitive(?:-controlled)? (?:behaviou?r|process)/i,
  },
  { property: "mass_fraction", words: /\b(?:weight|mass) (?:ratio|fraction|percentage|content)|\bcontents?\b|\bTGA\b|\bthermogravimetric/i },
  { property: "atomic_fraction", words: /\batomic (?:ratio|fraction|percentage|content)|\bloading of (?:the )?(?:single )?(?:atoms?|metal)/i },
  { property: "thickness_change", words: /\bthickness (?:expansion|change|swelling|increase|variation)/i },
  { property: "volume_change", words: /\bvolume (?:expansion|change|variation|swelling)/i },
  { property: "strain", words: /\b(?:lattice )?strains?\b/i },
  { property: "porosity", words: /\bporosit/i },
  { property: "sulfur_utilization", words: /\bsulfur utili[sz]ation/i },
  { property: "mass_retention", words: /\b(?:mass|weight) retention|\bresidual (?:mass|weight)/i },
  { property: "mass_loss", words: /\b(?:mass|weight) loss/i },
  { property: "conversion", words: /\bconversion (?:percentage|ratio|degree|rate|efficiency)|\bdegree of (?:conversion|polymeri[sz]ation)|\byields?\b/i },
  { property: "refinement_r_factor", words: /\bR_?(?:wp|p|exp)\b|\bR-factors?|\brefinement/i },
  { property: "intensity_fraction", words: /\b(?:relative )?(?:peak )?(?:area|intensity) (?:ratio|fraction|proportion)|\bproportion of\b/i },
  { property: "charge_transfer_amount", words: /\bBader|\bcharge transfer(?:red)?\b/i },
  { property: "cycle_life", words: /\bcycle life|\blifespan/i },
  { property: "cycles_tested", words: /\bstabl[ey]\b|\bcycled\b/i },
  {
    property: "cycling_duration",
    words:
      /\b(?:stabl[ey]|stabilit(?:y|ies)|cycl\w*|plating\/stripping|lifespans?|operat\w*|polari[sz]ation|sustain\w*|surviv\w*|fail\w*)\b[^.]{0,40}\b(?:for|over|beyond|exceeding|after)\b/i,
  },
  { property: "observation_time", words: /\b(?:period|observed|observation|soak(?:ed|ing)?|rest(?:ed|ing)?)\b/i },
  { property: "time_constant", words: /\btime constants?|\bτ\b/i },
  { property: "operating_temperature", words: /\b(?:wide|operating|working)[- ]temperatures?|\btemperature (?:range|window)/i },
  { property: "decomposition_temperature", words: /\bdecompos|\bthermal(?:ly)? stab/i },
  { property: "transformation_temperature", words: /\btransform|\bphase transition|\bmelt(?:s|ing)?\b/i },
  { property: "glass_transition_temperature", words: /\bglass[- ]transition|\bT_?g\b/i },
  { property: "molecular_weight", words: /\bmolecular weights?|\bM_?[wn]\b/i },
  { property: "puncture_strength", words: /\bpuncture/i },
  { property: "tensile_strength", words: /\btensile strength|\bstress\b/i },
  { property: "elastic_modulus", words: /\b(?:Young's|elastic|storage) modul|\bmodulus/i },
  { property: "hardness", words: /\bhardness/i },
  { property: "pressure", words: /\bpressures?\b/i },
  { property: "diffraction_angle", words: /\b2θ|\bdiffraction peaks?|\bXRD\b|\bpeaks? (?:at|located|centered)|\breflections?\b/i },
  { property: "contact_angle", words: /\bcontact angles?/i },
];

/**
 * Units that say which property a number is whatever the words around it say: "% per cycle" is a
 * decay rate, wt% a mass fraction, at% an atomic one, ppm an NMR shift, Å⁻¹ a wavevector (EXAFS k),
 * cm⁻¹ a vibrational band, µL mg⁻¹ an E/S ratio, and hundreds of eV an XPS binding energy (no
 * computed energy or band edge comes near 50 eV).
 */
const UNIT_SAYS: { unit: RegExp; property: string; when?: (q: FoundQuantity, sentence: string) => boolean }[] = [
  { unit: /%\s*(?:per|\/)\s*cycle/i, property: "capacity_decay_per_cycle" },
  { unit: /^wt\.?\s*%$/i, property: "mass_fraction" },
  { unit: /^at\.?\s*%$/i, property: "atomic_fraction" },
  { unit: /^ppm$/, property: "chemical_shift", when: (q, sentence) => !/\b(?:O2|H2O|water|moisture|oxygen)\b[^.;]{0,15}$/.test(sentence.slice(0, q.start)) },
  { unit: /^(?:Å|angstrom)\s*[-−]1$/u, property: "wavevector" },
  { unit: /^cm\s*[-−]1$/, property: "wavenumber" },
  { unit: /^[µμu]L\s*mg\s*[-−]1$/u, property: "es_ratio" },
  { unit: /^(?:mA\s*h|mAh)\s*cm\s*[-−]2$/, property: "areal_capacity" },
  { unit: /^eV$/, property: "binding_energy_xps", when: (q) => (q.value ?? q.min ?? 0) > 50 },
];

/**
 * Units whose properties are one quantity and its special cases: a capacity in mAh g⁻¹ is a
 * specific capacity unless words say first-cycle or theoretical; Wh kg⁻¹ an energy density, W kg⁻¹
 * a power density.
 */
const FAMILIES: { unit: RegExp; property: string }[] = [
  { unit: /^m?A\s*h\s*g\s*[-−]1$/, property: "specific_capacity" },
  { unit: /^W\s*h\s*kg\s*[-−]1$/, property: "energy_density" },
  { unit: /^W\s*kg\s*[-−]1$/, property: "power_density" },
];

/** Each cue read everywhere in a text (before a number) and right after a number. */
const CUES_GLOBAL = new Map(CUES.map((cue) => [cue, new RegExp(cue.words.source, cue.words.flags + "g")]));
const CUES_AFTER = new Map(CUES.map((cue) => [cue, new RegExp(String.raw`^\s*(?:${cue.words.source})`, cue.words.flags)]));

/** How far before a number a cue still names it (characters). */
const NEAR = 80;

function chooseProperty(q: FoundQuantity, sentence: string): { property: string; confidence: number; reason: string } {
  const says = UNIT_SAYS.find((u) => q.fits.includes(u.property) && u.unit.test(q.printed ?? q.unit) && (!u.when || u.when(q, sentence)));
  if (says) return { property: says.property, confidence: 0.8, reason: `${q.printed ?? q.unit} is the unit of ${says.property.replace(/_/g, " ")}` };
  // Words right after the number and its unit that name it: "77.4% sulfur utilization", "0.02% fade/cycle", "2.3 mg cm−2 S loading".
  const after = sentence.slice(q.end, q.end + 40);
  if (/^\s*(?:capacity\s+)?(?:fade|fading|decay|loss)(?:\s+rate)?\s*(?:per|\/)\s*cycle/i.test(after) && q.fits.includes("capacity_decay_per_cycle"))
    return { property: "capacity_decay_per_cycle", confidence: 0.9, reason: `"${after.trim().split(/\s+/).slice(0, 3).join(" ")}" right after the number` };
  for (const cue of CUES) {
    if (!q.fits.includes(cue.property)) continue;
    const m = CUES_AFTER.get(cue)!.exec(after);
    // The longest name right after wins ("theoretical energy density" over "energy density").
    if (m && !CUES.some((other) => other !== cue && q.fits.includes(other.property) && (CUES_AFTER.get(other)!.exec(after)?.[0].length ?? 0) > m[0].length))
      return { property: cue.property, confidence: 0.9, reason: `"${m[0].trim()}" right after the number` };
  }
  const before = sentence.slice(Math.max(0, q.start - NEAR), q.start);
  // The cue ending nearest before the number wins, the longer one on a tie ("initial discharge
  // capacity" over "capacity"); the cue list's order breaks the rest.
  let best: { property: string; at: number; end: number; length: number } | null = null;
  for (const cue of CUES) {
    if (!q.fits.includes(cue.property)) continue;
    for (const m of before.matchAll(CUES_GLOBAL.get(cue)!)) {
      const end = m.index! + m[0].length;
      if (!best || end > best.end || (end === best.end && m[0].length > best.length)) best = { property: cue.property, at: m.index!, end, length: m[0].length };
    }
  }
  if (best)
    return {
      property: best.property,
      confidence: 0.9,
      reason: `"${before.slice(best.at).trim().split(/\s+/).slice(0, 4).join(" ")}…" right before the number`,
    };
  const anywhere = CUES.find((cue) => q.fits.includes(cue.property) && cue.words.test(sentence));
  if (anywhere) return { property: anywhere.property, confidence: 0.6, reason: `the sentence speaks of ${anywhere.property.replace(/_/g, " ")}` };
  const family = FAMILIES.find((f) => q.fits.includes(f.property) && f.unit.test(q.unit));
  if (family)
    return {
      property: family.property,
      confidence: 0.5,
      reason: `a number in ${q.unit} is a ${family.property.replace(/_/g, " ")} unless words say otherwise`,
    };
  if (q.fits.length === 1) return { property: q.fits[0]!, confidence: 0.4, reason: `only ${q.fits[0]!.replace(/_/g, " ")} is measured in ${q.unit}` };
  // No word names it: the catalogue's first property of that unit, for the reviewer to confirm or change.
  return { property: q.fits[0]!, confidence: 0.2, reason: `no word names it; ${q.unit} fits ${q.fits.slice(0, 3).join(", ").replace(/_/g, " ")}` };
}

/**
 * Whether a condition standing between two numbers opens the next one's clause: "…was 64%, the
 * retention after 200 cycles was 93.5%" — a clause break before it and none after it.
 */
function opensNextClause(sentence: string, from: number, at: number, next: number): boolean {
  const BREAK = /[,;:]|\b(?:while|whereas|but|and then)\b/;
  return next !== Infinity && BREAK.test(sentence.slice(from, at)) && !BREAK.test(sentence.slice(at, next));
}

/** A number is a condition when its unit is a current density, a C-rate, a cycle count or a temperature stated with "at". */
function asCondition(q: FoundQuantity, sentence: string): Partial<Conditions> | null {
  const before = sentence.slice(Math.max(0, q.start - 25), q.start).toLowerCase();
  const numbers = q.value !== undefined ? { value: q.value } : { min: q.min!, max: q.max! };
  // A current density is the condition of a number, unless words name it a result ("a critical current density of 3 mA cm−2").
  const namedResult = /\b(?:critical|exchange|limiting) current densit(?:y|ies)\b[^.;]{0,30}$|\b(?:CCD|j_?0|i_?0)\b[^.;]{0,20}$/i.test(
    sentence.slice(Math.max(0, q.start - 60), q.start),
  );
  if ((q.fits.includes("current_density") || q.fits.includes("areal_current_density")) && !namedResult) return { currentDensity: { ...numbers, unit: q.unit } };
  if (q.count === "C-rate" && q.value !== undefined && q.value > 0) return { cRate: q.value };
  if (q.count === "scan-rate") return { scanRate: { ...numbers, unit: q.unit } };
  // "in 0.01–3.0 V", "a voltage window of 1.5–4.0 V", "cut-off voltages of 0.01 and 3 V": where the cell was cycled.
  if (
    q.min !== undefined &&
    q.fits.includes("voltage") &&
    /\b(?:voltage|potential) (?:range|window)s?|\bcut-?off|\bin (?:the range of )?$|\bbetween\s*$|\bwithin\s*$/i.test(
      sentence.slice(Math.max(0, q.start - 40), q.start),
    )
  )
    return { voltageWindow: { min: q.min, max: q.max!, unit: q.unit } };
  if (
    /\bcycles?\b/.test(q.unit) &&
    q.value !== undefined &&
    (/\b(after|over|for|upon|within|of|during|across)\s*$/.test(before) ||
      /^(?:over|more than)\b/i.test(q.text) ||
      // "90% retention/300 cycles", "(700 cycles, 1C)", "at 1C, 500 cycles": the cycle a result was read at.
      /(?:\/|\(|[\p{L}%)\d],)\s*$/u.test(before))
  )
    return { cycle: q.value };
  if (
    q.fits.includes("decomposition_temperature") &&
    (/\b(at|under|from|to|and|between)\s*$/.test(before) || /\btemperatures? of\s*$/.test(before)) &&
    !/decompos|melt|transition|onset|heat(?:ed|ing)|calcin|anneal|pyroly|carboni[sz]|sinter|vulcani[sz]|sulfuri[sz]|seleni[sz]|phosphori[sz]|dried|drying|treated|synthesi[sz]|prepared|stirr|hydrothermal|solvothermal|reflux|aged|cur(?:ed|ing)|quench|kept at/.test(
      sentence.slice(Math.max(0, q.start - 80), q.start).toLowerCase(),
    )
  )
    return { temperature: { ...numbers, unit: q.unit } };
  return null;
}

/** Candidate measurements of a paper's text (pasted, or the text layer of a PDF or XML). */
export interface CandidateOptions {
  /**
   * Also offer numbers no word names (confidence 0.2: the unit's first property, for the reviewer
   * to rename). Off by default: in a paper's methods most such numbers are synthesis times,
   * temperatures and amounts, not results.
   */
  unnamed?: boolean;
}

/** Ordinal cycles: "in the first cycle", "the 1st cycle", "the 100th cycle", "first-cycle". */
const ORDINAL_CYCLE =
  /\b(first|second|third|fourth|fifth|tenth|initial|(\d+)(?:st|nd|rd|th))[- ](?:cycles?\b|charge\/discharge|discharge|charge|sodiation|lithiation|(?:cathodic |anodic )?(?:scan|sweep)s?\b)/gi;
const ORDINALS: Record<string, number> = { first: 1, initial: 1, second: 2, third: 3, fourth: 4, fifth: 5, tenth: 10 };

/** Cycle numbers a sentence states in words, each with where it stands. */
function ordinalCycles(sentence: string): { condition: Partial<Conditions>; at: number }[] {
  const out: { condition: Partial<Conditions>; at: number }[] = [];
  for (const m of sentence.matchAll(ORDINAL_CYCLE)) {
    const n = m[2] ? Number(m[2]) : ORDINALS[m[1]!.toLowerCase()];
    if (n) out.push({ condition: { cycle: n }, at: m.index! });
  }
  return out;
}

/** A loading or an E/S ratio stated beside a result is the condition the result was obtained at. */
const LOADING_CONDITIONS: Record<string, keyof Conditions> = { sulfur_loading: "sulfurLoading", mass_loading: "massLoading", es_ratio: "esRatio" };

interface Piece {
  /** The text read: a sentence, or a table cell after its column's header. */
  text: string;
  /** Where `text` would start in the paper's text (a header prefix stands before the cell). */
  offset: number;
  /** Characters of `text` that are the column header, not the cell. */
  cue: number;
  quote: string;
  sentence: { start: number; end: number };
  /** The table row's first cell: the material the row is about. */
  rowMaterial?: string;
  /** Pieces of one table row share the loadings of any of its cells. */
  row?: number;
}

export function measurementCandidates(raw: string, options: CandidateOptions = {}): MeasurementCandidate[] {
  const minConfidence = options.unnamed ? 0 : 0.3;
  const text = repairText(raw);
  const materials = materialMentions(text);
  const main = mainMaterial(materials);
  const context = paperContext(text);
  const out: MeasurementCandidate[] = [];
  const pieces: Piece[] = [];
  /** The cell built with `name` ("X full cell") named last in [from, to), if any. */
  const cellOf = (name: string, from: number, to: number): string | undefined => {
    let best: { name: string; at: number } | undefined;
    for (const m of materials)
      if (m.name.startsWith(`${name} `) && / cell$/.test(m.name))
        for (const at of m.mentions) if (at >= from && at < to && (!best || at > best.at)) best = { name: m.name, at };
    return best?.name;
  };
  const rowsDone = new Set<number>();
  for (const sentence of splitSentences(text)) {
    const row = tableRowAt(text, sentence.start);
    if (!row) {
      pieces.push({ text: sentence.text, offset: sentence.start, cue: 0, quote: sentence.text, sentence });
      continue;
    }
    if (rowsDone.has(row.start)) continue;
    rowsDone.add(row.start);
    const quote = text.slice(row.start, row.end);
    const rowMaterial = /^[\p{L}\p{N}]/u.test(row.cells[0]?.text ?? "") && !/^\d+(?:\.\d+)?$/.test(row.cells[0]!.text) ? row.cells[0]!.text : undefined;
    row.cells.forEach((cell, i) => {
      if (!cell.text || (i === 0 && row.cells.length > 1)) return;
      const header = row.header?.[i] ? `${row.header[i]}: ` : "";
      pieces.push({
        text: header + cell.text,
        offset: cell.start - header.length,
        cue: header.length,
        quote,
        sentence: { start: row.start, end: row.end },
        ...(rowMaterial && row.header ? { rowMaterial } : {}),
        row: row.start,
      });
    });
  }
  const rowLoadings = new Map<number, Partial<Conditions>>();
  // Conditions stated in a paragraph, for the results after them in it that state none of that kind.
  const inParagraphs: { condition: Partial<Conditions>; at: number }[] = [];
  const found: { piece: Piece; q: FoundQuantity; choice: ReturnType<typeof chooseProperty>; own: Partial<Conditions>; respectively?: string }[] = [];
  // "MXene, FeS2/MXene and CoS2/MXene deliver 80, 120 and 150 mAh g−1, respectively": materials and values of one property pair in order.
  const pairedMaterial = (piece: Piece, measured: { q: FoundQuantity; choice: { property: string } }[], i: number): string | undefined => {
    if (piece.row !== undefined) return undefined;
    const first = piece.offset + measured[0]!.q.start;
    const named: { name: string; at: number }[] = [];
    for (const m of materials)
      for (const at of m.mentions) if (at >= piece.sentence.start && at < first && !isReactionSpecies(m.name)) named.push({ name: m.name, at });
    const names = [...new Set(named.sort((a, b) => a.at - b.at).map((n) => n.name))];
    const same = measured.filter((m) => m.choice.property === measured[i]!.choice.property);
    return names.length >= 2 && names.length === same.length ? names[same.indexOf(measured[i]!)] : undefined;
  };
  for (const piece of pieces) {
    const quantities = findQuantities(piece.text).filter((q) => q.start >= piece.cue);
    const conditions: { condition: Partial<Conditions>; at: number }[] = ordinalCycles(piece.text);
    const recordStated = () => {
      if (piece.row === undefined) for (const c of conditions) inParagraphs.push({ condition: c.condition, at: piece.offset + c.at });
    };
    const measured: { q: FoundQuantity; choice: ReturnType<typeof chooseProperty> }[] = [];
    for (const q of quantities) {
      const condition = asCondition(q, piece.text);
      if (condition) conditions.push({ condition, at: q.start });
      else if (q.fits.length) {
        const choice = chooseProperty(q, piece.text);
        if (choice.confidence >= minConfidence) measured.push({ q, choice });
      }
    }
    // "…at 0.1, 0.5 and 1 A g−1, respectively": values and conditions of one kind pair in order.
    // Otherwise a measurement takes the conditions after it up to the next measurement, and of a
    // kind it has none of there, the nearest one before it.
    // "1058/950/760 mA h g−1 at 1/2/5C": values and conditions listed with slashes pair in order too.
    const respectively = /\brespectively\b/i.test(piece.text) || (measured.some((m) => m.q.slash) && conditions.length === measured.length);
    const loadings: { condition: Partial<Conditions>; index: number }[] = [];
    measured.forEach(({ q, choice }, i) => {
      const own: Partial<Conditions> = {};
      const next = measured[i + 1]?.q.start ?? Infinity;
      const kinds = new Set(conditions.flatMap((c) => Object.keys(c.condition)));
      for (const kind of kinds) {
        const ofKind = conditions.filter((c) => kind in c.condition);
        const pick =
          respectively && ofKind.length === measured.length
            ? ofKind[i]
            : (ofKind.find((c) => c.at > q.start && c.at < next && !opensNextClause(piece.text, q.end, c.at, next)) ??
              ofKind.filter((c) => c.at < q.start).at(-1) ??
              (measured.length === 1 ? ofKind[0] : undefined));
        if (pick) Object.assign(own, pick.condition);
      }
      const loading = LOADING_CONDITIONS[choice.property];
      if (loading) {
        const condition = {
          [loading]: { ...(q.value !== undefined ? { value: q.value } : { min: q.min!, max: q.max! }), unit: q.unit },
        } as Partial<Conditions>;
        loadings.push({ condition, index: found.length });
        if (piece.row !== undefined) rowLoadings.set(piece.row, { ...rowLoadings.get(piece.row), ...condition });
      }
      found.push({ piece, q, choice, own, ...(respectively ? { respectively: pairedMaterial(piece, measured, i) } : {}) });
    });
    recordStated();
    // The loadings of a sentence are the conditions of its other results.
    for (const loading of loadings)
      for (const f of found.slice(found.length - measured.length))
        if (f !== found[loading.index] && !LOADING_CONDITIONS[f.choice.property]) f.own = { ...loading.condition, ...f.own };
  }
  for (const { piece, q, choice, own: stated, respectively } of found) {
    let own = stated;
    if (piece.row !== undefined && !LOADING_CONDITIONS[choice.property]) own = { ...rowLoadings.get(piece.row), ...own };
    const paragraphStart = text.lastIndexOf("\n\n", piece.sentence.start);
    const paragraph = text.slice(paragraphStart < 0 ? 0 : paragraphStart, piece.sentence.end);
    const position = piece.offset + q.start;
    // Where the quote starts: the sentence, or the table row the cell stands in.
    const quoteStart = piece.quote === piece.text ? piece.offset : piece.sentence.start;
    // A first-cycle property is read at cycle 1, whatever cycle the sentence names for its other numbers.
    if (/^initial_/.test(choice.property)) own = { ...own, cycle: 1 };
    const inherited = fromParagraph(choice.property, own, inParagraphs, paragraphStart < 0 ? 0 : paragraphStart, position);
    own = { ...inherited.conditions, ...own };
    const { added, from } = contextConditions(choice.property, own, context, piece.quote, paragraph, position - quoteStart, piece.offset + q.end - quoteStart);
    if (inherited.kinds.length) from.unshift(`its paragraph (${inherited.kinds.join(", ")})`);
    const named = piece.rowMaterial || respectively ? null : materialOf(materials, text, piece.sentence, position, main, piece.offset + q.end);
    let material = piece.rowMaterial ?? respectively ?? named?.material.name ?? null;
    // A cell test of X in a paragraph about "the X full cell" is the cell's.
    const cell = material && CELL_PROPERTIES.has(choice.property) ? cellOf(material, paragraphStart < 0 ? 0 : paragraphStart, position) : undefined;
    if (cell) material = cell;
    const materialReason = cell
      ? "; material: the cell its paragraph names"
      : piece.rowMaterial
        ? "; material: the table row's first cell"
        : respectively
          ? "; material: paired in order with the sentence's materials (respectively)"
          : named
            ? `; material: ${named.how === "sentence" ? "named in the sentence" : named.how === "paragraph" ? "named last in the paragraph" : "the paper's main material"}`
            : "";
    out.push({
      property: choice.property,
      ...(q.value !== undefined ? { value: q.value } : { min: q.min!, max: q.max! }),
      unit: q.unit,
      ...(q.qualifier ? { qualifier: q.qualifier } : {}),
      conditions: { ...own, ...added } as Conditions,
      material,
      quote: piece.quote,
      start: position,
      end: piece.offset + q.end,
      confidence: choice.confidence,
      reason: choice.reason + materialReason + (from.length ? `; conditions from ${from.join(", ")}` : ""),
    });
  }
  return withoutRestatements(out);
}

/** Properties read from a CV: they take the scan rate their paragraph states. */
const CV_PROPERTIES = new Set(["voltage", "capacitive_contribution", "b_value", "peak_current", "overpotential"]);

/**
 * The conditions a result takes from earlier in its paragraph, of a kind it states none of: the
 * rate (current density or C-rate) and temperature of a cell test, the scan rate of a CV.
 */
function fromParagraph(
  property: string,
  own: Partial<Conditions>,
  stated: { condition: Partial<Conditions>; at: number }[],
  paragraphStart: number,
  position: number,
): { conditions: Partial<Conditions>; kinds: string[] } {
  const conditions: Partial<Conditions> = {};
  const kinds: string[] = [];
  if (!CELL_PROPERTIES.has(property)) return { conditions, kinds };
  const last = (kind: keyof Conditions) => stated.filter((c) => c.at >= paragraphStart && c.at < position && kind in c.condition).at(-1);
  const take = (kind: keyof Conditions) => {
    const c = last(kind);
    if (c) {
      Object.assign(conditions, { [kind]: c.condition[kind] });
      kinds.push(kind);
    }
  };
  if (own.currentDensity === undefined && own.cRate === undefined) {
    const density = last("currentDensity");
    const rate = last("cRate");
    if (density && (!rate || density.at > rate.at)) take("currentDensity");
    else if (rate) take("cRate");
  }
  if (own.temperature === undefined) take("temperature");
  if (own.scanRate === undefined && CV_PROPERTIES.has(property)) take("scanRate");
  return { conditions, kinds };
}

/** Do two candidates' conditions agree where both state one (one may state more)? */
function consistent(a: Conditions, b: Conditions): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return Object.keys(x).every((k) => !(k in y) || JSON.stringify(x[k]) === JSON.stringify(y[k]));
}

/**
 * A result restated (highlights, abstract, discussion, conclusions) is one candidate: of the
 * statements of one property, value, unit and material whose conditions agree, the one stating the
 * most conditions is kept (the earliest on a tie), its reason counting the others.
 */
function withoutRestatements(candidates: MeasurementCandidate[]): MeasurementCandidate[] {
  const amount = (c: MeasurementCandidate) =>
    `${c.property}|${c.value ?? `${c.min}–${c.max}`}|${c.unit.replace(/[−–]/g, "-").replace(/\s+/g, "")}|${c.material}`;
  const groups = new Map<string, MeasurementCandidate[][]>();
  for (const c of candidates) {
    const sets = groups.get(amount(c)) ?? [];
    const same = sets.find((set) => set.every((other) => consistent(c.conditions, other.conditions)));
    if (same) same.push(c);
    else sets.push([c]);
    groups.set(amount(c), sets);
  }
  const kept = new Set<MeasurementCandidate>();
  for (const sets of groups.values())
    for (const set of sets) {
      const best = set.reduce((a, b) => (Object.keys(b.conditions).length > Object.keys(a.conditions).length ? b : a));
      if (set.length > 1) best.reason += `; stated ${set.length} times, this statement has the most conditions`;
      kept.add(best);
    }
  return candidates.filter((c) => kept.has(c));
}
