/**
 * The unit notation papers use ("mA h g^{−1}", "mAh g<sup>-1</sup>", "cm² s⁻¹", "µL mg-1", "wt%", "Ω")
 * rewritten into mathjs unit syntax, and the errors of reading it. Plain string code, no unit
 * library: the browser reads units too (lib/units/convert.ts).
 */
import { AppError } from "../errors";

/** Rewrite a paper's unit notation into mathjs syntax. Does not validate. */
export function toMathjsSyntax(raw: string): string {
  // NFKC also turns superscript digits and signs into plain ones: "cm² s⁻¹" → "cm2 s−1".
  let s = raw.normalize("NFKC").trim();
  // Markup from the seed texts: ^{−1}, <sup>−1</sup>, _{2}
  s = s.replace(/<\/?su[pb]>/gi, (tag) => (tag.toLowerCase() === "<sup>" ? "^" : tag.toLowerCase() === "<sub>" ? "" : ""));
  s = s.replace(/\^\{([^}]*)\}/g, "^$1").replace(/_\{([^}]*)\}/g, "$1");
  s = s.replace(/[−–—‒]/g, "-");
  s = s.replace(/[·•⋅×*]/g, " ");
  s = s.replace(/\s+/g, " ");
  // Percent spellings
  s = s
    .replace(/^wt\s*%$|^wt\.\s*%$|^%\s*wt$/i, "wtpercent")
    .replace(/^at\s*%$|^at\.\s*%$/i, "atpercent")
    .replace(/^vol\s*%$/i, "volpercent");
  s = s.replace(/%\s*(per|\/)\s*cycle$/i, "percent").replace(/%/g, "percent");
  // Symbols and spellings mathjs does not know
  s = s
    .replace(/Ω|Ω/g, "ohm")
    .replace(/\bohms?\b/gi, "ohm")
    .replace(/°\s*C\b/g, "degC")
    .replace(/℃/g, "degC")
    .replace(/°\s*F\b/g, "degF")
    .replace(/°/g, "deg");
  s = s.replace(/[µμ]/g, "u").replace(/Å/g, "angstrom");
  s = s
    .replace(/\bmA\s*h\b/g, "mAh")
    .replace(/\bA\s*h\b/g, "Ah")
    .replace(/\bW\s*h\b/g, "Wh")
    .replace(/\bmW\s*h\b/g, "mWh");
  s = s.replace(/\bdec\^?-1\b|\s*\/\s*dec\b|\bper decade\b/g, "").trim();
  s = s
    .replace(/\bcycles?\b|\be\b|\bC\b/g, "unity")
    .replace(/\bhours?\b|\bhrs?\b/g, "h")
    .replace(/\bmins?\b|\bminutes?\b/g, "min")
    .replace(/\bsec\b|\bseconds?\b/g, "s");
  s = s.replace(/\bmol\s*L\^?-1\b/g, "mol/L").replace(/\b([mu]?)M\b/g, "$1mol/L");
  s = s.replace(/\bkDa\b/g, "kg/mol").replace(/\bDa\b/g, "g/mol");
  // Exponents written without a caret: "g-1", "cm2", "s-1/2"
  s = s.replace(/([a-zA-Z])(-?\d+(?:\/\d+)?)(?=\s|$|\/|\))/g, (_m, u: string, e: string) => `${u}^${e.includes("/") ? `(${e})` : e}`);
  // "1/s" is a unit, not a magnitude: mathjs reads "unity/s" as one without a value
  s = s.replace(/^1\s*\//, "unity/");
  // mathjs reads decimal exponents only: s^-1/2 → s^-0.5
  s = s.replace(/\^\(?(-?\d+)\/(\d+)\)?/g, (_m, a: string, b: string) => `^${Number(a) / Number(b)}`);
  return s.trim() || "unity";
}

/**
 * A unit as it was printed before copying lost its superscript minus signs: "mA h g1" → "mA h g-1",
 * "mAh g 1" → "mAh g-1", "S cm 1" → "S cm-1", "g −1" → "g-1"; the first factor's bare exponent is
 * its own ("m 2 g 1" → "m2 g-1"). The text unchanged when nothing looks lost.
 */
export function withLostMinus(unit: string): string {
  const tokens = unit.trim().split(/\s+/);
  const out: string[] = [];
  for (const [i, token] of tokens.entries()) {
    if (i > 0 && /^[-−]\d$/.test(token))
      out[out.length - 1] += `-${token.slice(1)}`; // "g −1": an exponent set apart
    else if (i > 0 && /^\d$/.test(token) && out.length > 1) out[out.length - 1] += `-${token}`;
    else if (i > 0 && /^\d$/.test(token))
      out[0] += token; // the first factor's own exponent: "m 2 g 1" → m2
    else out.push(i > 0 ? token.replace(/^([^\d\-−^]+)(\d)$/u, "$1-$2") : token);
  }
  return out.join(" ");
}

/** A unit that cannot be read, or does not fit what it is given for: always the input's fault. */
export class UnitError extends AppError {
  constructor(message: string) {
    super("invalid", message);
  }
}

/** A unit refused whatever it is compared with: unreadable, or carrying a magnitude. */
export class UnitNotationError extends UnitError {}

/** Exponents ("^-1", "^-0.5", "^(2)") are the only numbers a unit may hold. */
const EXPONENT = /\^\(?[-+]?\d+(?:\.\d+)?\)?/g;

/**
 * mathjs reads "1000 mAh/g" as a unit of magnitude 1000, and a value given beside it replaces that
 * magnitude: 0.5 with "1000 mAh g-1" would silently become 0.5 mAh g⁻¹. A power of ten ("×10⁻³ S
 * cm⁻¹") is a magnitude too.
 */
function refuseMagnitude(raw: string, syntax: string): void {
  if (/\d/.test(syntax.replace(EXPONENT, ""))) {
    throw new UnitNotationError(
      `cannot read the unit "${raw}": it carries a number; put the magnitude, including a power of ten such as ×10⁻³, into the value`,
    );
  }
}

/** A paper's unit in mathjs syntax, refused when it carries a number. */
export function checkedSyntax(raw: string): string {
  const syntax = toMathjsSyntax(raw);
  refuseMagnitude(raw, syntax);
  return syntax;
}
