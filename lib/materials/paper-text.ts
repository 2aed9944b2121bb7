/**
 * A paper's words (quotes, abstracts) as parts to show: plain text, super- and subscripts, and TeX
 * that only KaTeX can set. Papers arrive with inline TeX ($1.17 \times 10^{-8}\text{ cm}^2$),
 * ^{…}/_{…} and <sup>/<sub> markup. Simple TeX (numbers, units, symbols) reads as text in the
 * page's own font, so a quote does not switch to a serif math font halfway through; KaTeX is kept
 * for what text cannot show (fractions, roots, …).
 */
import { inScript, SUPERSCRIPT, TEX_CHARACTERS } from "../text/scripts";
export type PaperTextPart = { kind: "text" | "sup" | "sub"; text: string } | { kind: "math"; tex: string };

/** TeX commands that read as a character; the operators take spaces around them. */
const SYMBOLS: Record<string, string> = {
  ...TEX_CHARACTERS,
  cdot: " · ",
  times: " × ",
  pm: " ± ",
  approx: " ≈ ",
  le: " ≤ ",
  leq: " ≤ ",
  ge: " ≥ ",
  geq: " ≥ ",
  rightarrow: " → ",
  to: " → ",
  ",": " ",
  ";": " ",
  " ": " ",
  "{": "{",
  "}": "}",
};
/** Commands whose braced argument is text, read as it is written. */
const TEXT_COMMANDS = new Set(["text", "mathrm", "textrm", "mbox", "textit", "mathit", "textbf", "mathbf"]);
const COMBINING: Record<string, string> = { bar: "\u0304", overline: "\u0305", dot: "\u0307", tilde: "\u0303", hat: "\u0302" };

/** Reads TeX math as text and scripts; null where it holds something only KaTeX can set. */
export function plainTeX(tex: string): PaperTextPart[] | null {
  const out: PaperTextPart[] = [];
  const push = (kind: "text" | "sup" | "sub", text: string) => {
    const last = out.at(-1);
    if (last && last.kind === kind) last.text += text;
    else out.push({ kind, text });
  };
  let i = 0;
  /** A braced group's contents (i at its "{"), or the next character or command. */
  const argument = (): string | null => {
    while (tex[i] === " ") i++;
    if (tex[i] === "{") {
      let depth = 0;
      const start = i;
      for (; i < tex.length; i++) {
        if (tex[i] === "\\") i++;
        else if (tex[i] === "{") depth++;
        else if (tex[i] === "}" && --depth === 0) return tex.slice(start + 1, i++);
      }
      return null;
    }
    if (tex[i] === "\\") {
      const m = /^\\([a-zA-Z]+|.)/.exec(tex.slice(i));
      if (!m) return null;
      i += m[0].length;
      return m[0];
    }
    return i < tex.length ? tex[i++]! : null;
  };
  /** A group read as flat text (a script's contents, \text's argument): commands as their characters. */
  const flat = (group: string): string | null => {
    const inner = plainTeX(group);
    // A charge on a subscript (t_{Na^+}) reads in Unicode superscripts; anything deeper is KaTeX's.
    const raised = (p: PaperTextPart) => (p.kind === "sup" ? inScript(p.text, SUPERSCRIPT) : null);
    if (!inner || inner.some((p) => p.kind !== "text" && raised(p) === null)) return null;
    return inner.map((p) => (p.kind === "text" ? p.text : raised(p))).join("");
  };
  while (i < tex.length) {
    const c = tex[i]!;
    if (c === "\\") {
      const m = /^\\([a-zA-Z]+|.)/.exec(tex.slice(i));
      if (!m) return null;
      const name = m[1]!;
      i += m[0].length;
      if (/^[a-zA-Z]/.test(name)) while (tex[i] === " ") i++; // TeX skips the spaces after a control word
      if (TEXT_COMMANDS.has(name)) {
        const arg = argument();
        if (arg === null) return null;
        // Inside \text, spaces are kept and only symbol commands are read.
        const text = arg.replace(/\\([a-zA-Z]+|.)\s*/g, (all, cmd: string) => SYMBOLS[cmd]?.trim() ?? `\u0000${all}`);
        if (text.includes("\u0000")) return null;
        push("text", text);
      } else if (name in COMBINING) {
        const arg = argument();
        const text = arg === null ? null : flat(arg);
        if (text === null) return null;
        push("text", text + COMBINING[name]);
      } else if (name in SYMBOLS) push("text", SYMBOLS[name]!);
      else return null;
    } else if (c === "^" || c === "_") {
      i++;
      const arg = argument();
      if (arg === null) return null;
      if (c === "^" && /^\\circ$|^\{?\\circ\}?$/.test(arg)) {
        push("text", "°");
        continue;
      }
      const text = flat(arg);
      if (text === null) return null;
      push(c === "^" ? "sup" : "sub", text.trim().replace(/^-/, "−"));
    } else if (c === "{" || c === "}") i++;
    else if (c === "-" && /[\d.]/.test(tex[i + 1] ?? "")) {
      push("text", "−");
      i++;
    } else if (c === "&" || c === "#") return null;
    else {
      push("text", c);
      i++;
    }
  }
  const parts = out.map((p) => (p.kind === "text" ? { ...p, text: p.text.replace(/ {2,}/g, " ") } : p));
  // An operator's padding at either end ("\approx 100") is not the quote's space.
  const [first, last] = [parts[0], parts.at(-1)];
  if (first?.kind === "text") first.text = first.text.trimStart();
  if (last?.kind === "text") last.text = last.text.trimEnd();
  return parts.filter((p) => p.kind !== "text" || p.text !== "");
}

const SCRIPTS = /\^\{([^}]*)\}|_\{([^}]*)\}|<sup>(.*?)<\/sup>|<sub>(.*?)<\/sub>|_(\d+(?:\.\d+)?|[a-z](?![a-z]))|\^([-−+]?\d+)/g;

/** Text outside $…$: ^{…}, _{…}, <sup>, <sub>, _2, _x (Na_xFeS₂) and ^-1 as scripts (a minus sign in them, not a hyphen), other markup dropped. */
function scripts(text: string): PaperTextPart[] {
  const out: PaperTextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(SCRIPTS)) {
    if (m.index > last) out.push({ kind: "text", text: text.slice(last, m.index) });
    const sup = m[1] ?? m[3] ?? m[6];
    out.push(sup !== undefined ? { kind: "sup", text: sup.replace(/^-/, "−") } : { kind: "sub", text: (m[2] ?? m[4] ?? m[5])! });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ kind: "text", text: text.slice(last).replace(/<\/?[a-z][^>]*>/gi, "") });
  return out;
}

/** A paper's text as the parts a page shows. */
export function paperTextParts(text: string): PaperTextPart[] {
  return text.split(/(\$[^$]+\$)/g).flatMap((part): PaperTextPart[] => {
    if (part.length > 2 && part.startsWith("$") && part.endsWith("$")) {
      const tex = part.slice(1, -1);
      return plainTeX(tex) ?? [{ kind: "math", tex }];
    }
    return part ? scripts(part) : [];
  });
}
