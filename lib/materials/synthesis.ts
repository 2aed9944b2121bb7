/** A synthesis step as a material page shows it: what was done, under what, with which reagents. */
import { formatQuantity } from "../units/display";

/** The stored step (the SynthesisStep row). */
export interface StoredSynthesisStep {
  id: number;
  position: number;
  action: string;
  reagentsJson: string | null;
  temperatureValue: number | null;
  temperatureUnit: string | null;
  durationValue: number | null;
  durationUnit: string | null;
  rampRateValue: number | null;
  rampRateUnit: string | null;
  atmosphere: string | null;
  notes: string | null;
  quote: string | null;
}

export interface SynthesisStepView {
  id: number;
  /** 1 for the first step. */
  number: number;
  action: string;
  /** Temperature, duration, ramp rate and atmosphere, as the paper gives them: ["300 °C", "2 h", "ramp 2 °C min⁻¹", "Ar"]. */
  parameters: string[];
  /** Each reagent with its amount and concentration: ["thiourea 0.5 g", …]. */
  reagents: string[];
  notes: string | null;
  quote: string | null;
}

interface Reagent {
  name: string;
  amount?: { value: number; unit: string };
  concentration?: { value: number; unit: string };
}

const quantity = (value: number | null, unit: string | null) => (value !== null ? formatQuantity(value, unit ?? "") : null);

type Amount = { value: number; unit: string } | undefined;

/** A step's temperature, duration, ramp rate and atmosphere as they read: ["300 °C", "2 h", "ramp 2 °C min⁻¹", "Ar"]. */
export function stepParameters(step: { temperature?: Amount; duration?: Amount; rampRate?: Amount; atmosphere?: string | null }): string[] {
  const text = (q: Amount) => (q ? formatQuantity(q.value, q.unit) : null);
  const ramp = text(step.rampRate);
  return [text(step.temperature), text(step.duration), ramp && `ramp ${ramp}`, step.atmosphere].filter((p): p is string => Boolean(p));
}

const stored = (value: number | null, unit: string | null): Amount => (value !== null ? { value, unit: unit ?? "" } : undefined);

export function synthesisStepView(step: StoredSynthesisStep): SynthesisStepView {
  const reagents = step.reagentsJson ? (JSON.parse(step.reagentsJson) as Reagent[]) : [];
  return {
    id: step.id,
    number: step.position + 1,
    action: step.action,
    parameters: stepParameters({
      temperature: stored(step.temperatureValue, step.temperatureUnit),
      duration: stored(step.durationValue, step.durationUnit),
      rampRate: stored(step.rampRateValue, step.rampRateUnit),
      atmosphere: step.atmosphere,
    }),
    reagents: reagents.map((r) =>
      [r.name, r.amount && quantity(r.amount.value, r.amount.unit), r.concentration && quantity(r.concentration.value, r.concentration.unit)]
        .filter(Boolean)
        .join(" "),
    ),
    notes: step.notes,
    quote: step.quote,
  };
}
