/**
 * A candidate in one line, as the review screen and `matlit extract` show it: "Specific capacity
 * 293 mAh g⁻¹ · 50 mA g⁻¹ · cycle 1", "Synthesis: carbonize — 800 °C, 2 h". Browser-safe.
 */
import type { Candidate } from "./record";
import { property } from "../units/properties";
import { formatAmount } from "../units/display";
import { describeConditions } from "../units/conditions";
import { stepParameters } from "../materials/synthesis";

export function describeCandidate(c: Pick<Candidate, "measurement" | "step">): string {
  if (c.step) {
    const details = stepParameters(c.step);
    return `Synthesis: ${c.step.action}${details.length ? ` — ${details.join(", ")}` : ""}`;
  }
  const m = c.measurement!;
  const conditions = describeConditions(m.conditions);
  return `${property(m.property)?.label ?? m.property} ${m.qualifier ?? ""}${formatAmount(m, m.unit)}${conditions ? ` · ${conditions}` : ""}`;
}
