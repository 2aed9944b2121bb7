/**
 * mathjs with matlit's units: "unity" for a plain number and the shares of it (%, wt%, at%, vol%,
 * ppm). Formulas evaluate their expressions with it (lib/formulas/evaluate.ts); records convert
 * with lib/units/convert.ts, which reads the tables of this instance (lib/units/unit-table.ts,
 * written by scripts/unit-table.js) and so never loads mathjs.
 */
import { create, all } from "mathjs";

export const math = create(all!, {});
// mathjs has no unit for a plain number; "unity" is ours. Percent-like units are fractions of it.
math.createUnit("unity", { definition: "1" });
for (const name of ["percent", "wtpercent", "atpercent", "volpercent"]) {
  math.createUnit(name, { definition: "0.01 unity" });
}
math.createUnit("ppm", { definition: "1e-6 unity" });

export { toMathjsSyntax } from "./notation";
