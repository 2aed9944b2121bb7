/** Text as PDFs and copy-paste leave it, repaired before numbers are read. */
import { describe, it, expect } from "vitest";
import { repairText } from "../../lib/extract/repair";
import { splitSentences } from "../../lib/extract/sentences";

describe("repairing a paper's text", () => {
  it("undoes ligatures, odd spaces, broken lines and words hyphenated across lines", () => {
    expect(repairText("The ﬁrst electro-\nchemical test\nran at 25\u00a0°C.\n\nNext paragraph.")).toBe(
      "The first electrochemical test ran at 25 °C.\n\nNext paragraph.",
    );
    expect(repairText("Li-\nS cells and Fe-\nN4 sites")).toBe("Li-S cells and Fe-N4 sites"); // a capital or digit after the break: the hyphen is the name's
  });

  it("reads superscripts and thousands separators as plain numbers", () => {
    expect(repairText("10⁻⁴ S cm⁻¹ and 1,296.8 mAh g⁻¹ from 48,783 g mol⁻¹")).toBe("10−4 S cm−1 and 1296.8 mAh g−1 from 48783 g mol−1");
    expect(repairText("at 0.1, 0.2, 0.5 A g−1")).toBe("at 0.1, 0.2, 0.5 A g−1"); // a list is not a thousands separator
  });
});

describe("cutting sentences", () => {
  it("ends a sentence at a full stop before a capital, not after Fig., et al. or vs., and after a unit such as °C", () => {
    const text = "As shown in Fig. 3a, it delivers 500 mAh g−1. Li et al. reported 400 mAh g−1 (Ref. 12). It holds 1.5 V vs. Na+/Na at 25 °C. Done";
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      "As shown in Fig. 3a, it delivers 500 mAh g−1.",
      "Li et al. reported 400 mAh g−1 (Ref. 12).",
      "It holds 1.5 V vs. Na+/Na at 25 °C.",
      "Done",
    ]);
  });

  it("keeps each sentence's place in the text", () => {
    const text = "First one. Second one.\n\nThird";
    for (const s of splitSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe("reading markup left in a paper's text", () => {
  it("reads TeX math, TeX-style scripts and HTML sup/sub as the plain text they print", () => {
    expect(repairText("was $1.2 \\times 10^{-3}\\text{ S cm}^{-1}$ at $25\\text{ }^{\\circ}\\text{C}$.")).toBe("was 1.2 × 10-3 S cm-1 at 25 °C.");
    expect(repairText("a T_g of $-50.3^\\circ\\text{C}$ and $\\sim 2.3\\text{ \\AA}$")).toBe("a Tg of -50.3°C and ~ 2.3 Å");
    expect(repairText("420 mAh g^{−1} in Li_{2}S with Na^+ and Na<sup>+</sup>, R_{ct}")).toBe("420 mAh g−1 in Li2S with Na+ and Na+, Rct");
    expect(repairText("5.1 mg cm ^{−2}")).toBe("5.1 mg cm−2"); // a script set apart from its unit
  });
});
