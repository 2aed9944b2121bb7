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
import { materialBefore, materialMentions } from "./materials";
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
  { property: "initial_discharge_capacity", words: /\b(?:initial|first)(?: cycle)?(?: reversible)? discharge capacit(?:y|ies)\b/i },
  { property: "initial_charge_capacity", words: /\b(?:initial|first)(?: cycle)? charge capacit(?:y|ies)\b/i },
  { property: "theoretical_capacity", words: /\btheoretical (?:specific )?capacit(?:y|ies)\b/i },
  { property: "specific_capacity", words: /\bcapacit(?:y|ies)\b/i },
  { property: "areal_capacity", words: /\bareal capacit(?:y|ies)\b/i },
  { property: "initial_coulombic_efficiency", words: /\b(?:initial coulombic efficiency|ICE)\b/i },
  { property: "coulombic_efficiency", words: /\b(?:coulombic efficiency|CE)\b/i },
  { property: "capacity_retention", words: /\bretention\b|\bretain(?:s|ed|ing)?\b/i },
  { property: "capacity_decay_per_cycle", words: /\b(?:decay|fading|fade)\b[^.]*per cycle|per cycle[^.]*\b(?:decay|fading|fade)\b/i },
  { property: "ionic_conductivity", words: /\bionic conductivit(?:y|ies)\b/i },
  { property: "electronic_conductivity", words: /\belectronic conductivit(?:y|ies)\b/i },
  { property: "diffusion_coefficient", words: /\bdiffusion coefficient|\bD_?\{?(?:Li|Na|K)/i },
  { property: "specific_surface_area", words: /\bsurface area|\bBET\b/i },
  { property: "pore_volume", words: /\bpore volume/i },
  { property: "pore_size", words: /\bpore (?:size|diameter|width)/i },
  { property: "particle_size", words: /\b(?:particle|crystallite|grain) size|\bdiameter|\bquantum dots? (?:of|with)/i },
  { property: "thickness", words: /\bthick(?:ness)?\b/i },
  { property: "lattice_spacing", words: /\b(?:interlayer|lattice|interplanar|d-)spacing|\blattice (?:fringe|parameter)/i },
  { property: "energy_density", words: /\benergy density/i },
  { property: "power_density", words: /\bpower density/i },
  { property: "overpotential", words: /\boverpotential|\bpolari[sz]ation|\bhysteresis/i },
  { property: "activation_energy", words: /\bactivation energ/i },
  { property: "mass_loading", words: /\b(?:mass |active[- ]material )?loading/i },
  { property: "sulfur_loading", words: /\b(?:sulfur|S) loading/i },
  { property: "es_ratio", words: /\bE\/S\b|electrolyte[- ]to[- ]sulfur/i },
  { property: "average_voltage", words: /\b(?:average|median|plateau|working|operating) (?:voltage|potential)/i },
  { property: "charge_transfer_resistance", words: /\bcharge[- ]transfer resistance|\bR_?ct\b/i },
  { property: "decomposition_temperature", words: /\bdecompos/i },
  { property: "glass_transition_temperature", words: /\bglass[- ]transition|\bT_?g\b/i },
];

/** How far before a number a cue still names it (characters). */
const NEAR = 80;

function chooseProperty(q: FoundQuantity, sentence: string): { property: string; confidence: number; reason: string } {
  const before = sentence.slice(Math.max(0, q.start - NEAR), q.start);
  // The cue ending nearest before the number wins, the longer one on a tie ("initial discharge
  // capacity" over "capacity"); the cue list's order breaks the rest.
  let best: { property: string; at: number; end: number; length: number } | null = null;
  for (const cue of CUES) {
    if (!q.fits.includes(cue.property)) continue;
    for (const m of before.matchAll(new RegExp(cue.words.source, cue.words.flags + "g"))) {
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
  if (q.fits.length === 1) return { property: q.fits[0]!, confidence: 0.4, reason: `only ${q.fits[0]!.replace(/_/g, " ")} is measured in ${q.unit}` };
  // No word names it: the catalogue's first property of that unit, for the reviewer to confirm or change.
  return { property: q.fits[0]!, confidence: 0.2, reason: `no word names it; ${q.unit} fits ${q.fits.slice(0, 3).join(", ").replace(/_/g, " ")}` };
}

/** A number is a condition when its unit is a current density, a C-rate, a cycle count or a temperature stated with "at". */
function asCondition(q: FoundQuantity, sentence: string): Partial<Conditions> | null {
  const before = sentence.slice(Math.max(0, q.start - 25), q.start).toLowerCase();
  const numbers = q.value !== undefined ? { value: q.value } : { min: q.min!, max: q.max! };
  if (q.fits.includes("current_density") || q.fits.includes("areal_current_density")) return { currentDensity: { ...numbers, unit: q.unit } };
  if (/^\d+(\.\d+)?\s*C$/.test(q.text.trim()) && q.value !== undefined) return { cRate: q.value };
  if (/\bcycles?\b/.test(q.unit) && q.value !== undefined && /\b(after|over|for|upon|within|of)\s*$/.test(before)) return { cycle: q.value };
  if (
    q.fits.includes("decomposition_temperature") &&
    /\b(at|under|from|to|and|between)\s*$/.test(before) &&
    !/decompos|melt|transition|onset|heated|calcin|anneal|pyroly/.test(sentence.slice(0, q.start).toLowerCase())
  )
    return { temperature: { ...numbers, unit: q.unit } };
  return null;
}

/** Candidate measurements of a paper's text (pasted, or the text layer of a PDF or XML). */
export function measurementCandidates(raw: string): MeasurementCandidate[] {
  const text = repairText(raw);
  const materials = materialMentions(text);
  const out: MeasurementCandidate[] = [];
  for (const sentence of splitSentences(text)) {
    const quantities = findQuantities(sentence.text);
    const conditions: { condition: Partial<Conditions>; at: number }[] = [];
    const measured: { q: FoundQuantity; choice: ReturnType<typeof chooseProperty> }[] = [];
    for (const q of quantities) {
      const condition = asCondition(q, sentence.text);
      if (condition) conditions.push({ condition, at: q.start });
      else {
        measured.push({ q, choice: chooseProperty(q, sentence.text) });
      }
    }
    // "…at 0.1, 0.5 and 1 A g−1, respectively": values and conditions of one kind pair in order.
    // Otherwise a measurement takes the conditions after it up to the next measurement, and of a
    // kind it has none of there, the nearest one before it.
    const respectively = /\brespectively\b/i.test(sentence.text);
    measured.forEach(({ q, choice }, i) => {
      const own: Partial<Conditions> = {};
      const next = measured[i + 1]?.q.start ?? Infinity;
      const kinds = new Set(conditions.flatMap((c) => Object.keys(c.condition)));
      for (const kind of kinds) {
        const ofKind = conditions.filter((c) => kind in c.condition);
        const pick =
          respectively && ofKind.length === measured.length
            ? ofKind[i]
            : (ofKind.find((c) => c.at > q.start && c.at < next) ??
              ofKind.filter((c) => c.at < q.start).at(-1) ??
              (measured.length === 1 ? ofKind[0] : undefined));
        if (pick) Object.assign(own, pick.condition);
      }
      out.push({
        property: choice.property,
        ...(q.value !== undefined ? { value: q.value } : { min: q.min!, max: q.max! }),
        unit: q.unit,
        ...(q.qualifier ? { qualifier: q.qualifier } : {}),
        conditions: own as Conditions,
        material: materialBefore(materials, sentence.start + q.start)?.name ?? null,
        quote: sentence.text,
        start: sentence.start + q.start,
        end: sentence.start + q.end,
        confidence: choice.confidence,
        reason: choice.reason,
      });
    });
  }
  return out;
}
