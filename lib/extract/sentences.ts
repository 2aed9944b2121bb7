/** A paper's text cut into sentences, each with where it starts and ends in the text. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/**
 * Words a full stop follows without ending a sentence: "Fig. 3", "et al. reported", "e.g. 5 mg".
 * (Not a lone capital: "…at 25 °C." and "…to 3 V." end sentences far more often than initials occur.)
 */
const ABBREVIATIONS = /\b(?:Fig|Figs|Eq|Eqs|Ref|Refs|Tab|No|ca|approx|vs|al|e\.g|i\.e|cf|Sect|Supp|resp)\.$/;

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    const piece = text.slice(start, end);
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed) sentences.push({ text: trimmed, start: start + lead, end: start + lead + trimmed.length });
  };
  // A sentence ends at . ! or ? followed by space and a capital, digit or bracket, or at a paragraph break.
  const boundary = /([.!?])(\s+)(?=[\p{Lu}\d(["“])|\n\s*\n/gu;
  for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
    const end = m[1] ? m.index + 1 : m.index;
    if (m[1] === "." && ABBREVIATIONS.test(text.slice(Math.max(start, end - 8), end))) continue;
    push(end);
    start = m.index + m[0].length;
  }
  push(text.length);
  return sentences;
}
