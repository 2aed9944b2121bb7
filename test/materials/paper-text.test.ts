import { describe, it, expect } from "vitest";
import { paperTextParts, plainTeX, type PaperTextPart } from "../../lib/materials/paper-text";

/** The parts as a string: ^(…) a superscript, _(…) a subscript, [[…]] TeX left to KaTeX. */
const show = (parts: PaperTextPart[]) =>
  parts.map((p) => (p.kind === "text" ? p.text : p.kind === "math" ? `[[${p.tex}]]` : p.kind === "sup" ? `^(${p.text})` : `_(${p.text})`)).join("");

describe("a paper's text as a page shows it", () => {
  it("reads simple inline TeX as text in the page's font", () => {
    expect(show(paperTextParts("charge capacity at $-35\\text{ }^{\\circ}\\text{C}$ (951.4 mAh g^{-1})"))).toBe("charge capacity at −35 °C (951.4 mAh g^(−1))");
    expect(show(paperTextParts("was $1.17 \\times 10^{-8}\\text{ cm}^2\\text{ s}^{-1}$"))).toBe("was 1.17 × 10^(−8) cm^(2) s^(−1)");
    expect(show(paperTextParts("of $193.0\\text{ }\\Omega$ and $\\sim 2.3\\text{ \\AA}$"))).toBe("of 193.0 Ω and ~2.3 Å");
    expect(show(paperTextParts("$\\text{NaNi}_{1/3}\\text{O}_2$ and $t_{\\text{Na}^+}$"))).toBe("NaNi_(1/3)O_(2) and t_(Na⁺)");
    expect(show(paperTextParts("the ($\\bar{1}$) plane, $\\Delta V \\approx 30$ mV"))).toBe("the (1\u0304) plane, ΔV ≈ 30 mV");
  });

  it("keeps KaTeX for what text cannot show", () => {
    expect(paperTextParts("a $\\frac{1}{2}$ share")).toEqual([
      { kind: "text", text: "a " },
      { kind: "math", tex: "\\frac{1}{2}" },
      { kind: "text", text: " share" },
    ]);
    expect(plainTeX("\\sqrt{2}")).toBeNull();
    expect(plainTeX("a & b")).toBeNull();
  });

  it("renders an abstract's ^{…} and <sup> markup as scripts, with a minus sign", () => {
    expect(show(paperTextParts("463.8 mAh g^{−1} and 1.2 mS cm<sup>-1</sup>, FeS_2"))).toBe("463.8 mAh g^(−1) and 1.2 mS cm^(−1), FeS_(2)");
    expect(show(paperTextParts("no markup at all"))).toBe("no markup at all");
    expect(show(paperTextParts("conversion of Na_xFeS_2 into Fe"))).toBe("conversion of Na_(x)FeS_(2) into Fe");
  });

  it("keeps a hyphen between words and a minus before a number", () => {
    expect(show(paperTextParts("$Mo-N_2C_1$ at $-2.56 \\text{ eV}$"))).toBe("Mo-N_(2)C_(1) at −2.56 eV");
  });
});
