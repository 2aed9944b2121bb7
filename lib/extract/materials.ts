/**
 * The materials a text names: the abbreviations it defines ("nitrogen-doped carbon nanofibers
 * (N-CNFs)"), the sample series it writes ("NC-700/800/900"), each with where it is defined and
 * mentioned, so a number can be filed under the material named last before it.
 */

export interface MaterialMention {
  /** The name the text uses for it: the abbreviation, or a series member ("NC-800"). */
  name: string;
  /** The long form an abbreviation stands for. */
  longForm?: string;
  /** Where each mention starts in the text. */
  mentions: number[];
}

/** Capitals, digits and the marks chemists use in a sample's short name: "N-CNFs", "SbQD@C", "Fe-N4/C". */
const ABBREVIATION = String.raw`[A-Z][A-Za-z0-9@/+\-–₀-₉]{0,14}`;
const DEFINED = new RegExp(String.raw`((?:[\p{L}\p{N}][\p{L}\p{N}\-–/@]*\s+){0,8}[\p{L}\p{N}][\p{L}\p{N}\-–/@]*)\s*\((${ABBREVIATION})\)`, "gu");

/**
 * Does `long` spell `short` (Schwartz and Hearst's rule): every letter and digit of the short form
 * occurs in the long form in order, read from the right, and its first at the start of a word.
 */
function spells(short: string, long: string): boolean {
  const letters = [...short.replace(/s$/, "").toLowerCase()].filter((c) => /[\p{L}\p{N}]/u.test(c));
  const text = long.toLowerCase();
  let at = text.length - 1;
  for (let i = letters.length - 1; i >= 0; i--) {
    const wordStart = (j: number) => j === 0 || !/[\p{L}\p{N}]/u.test(text[j - 1]!);
    while (at >= 0 && (text[at] !== letters[i] || (i === 0 && !wordStart(at)))) at--;
    if (at < 0) return false;
    at--;
  }
  return true;
}

/** The shortest tail of `words` that spells the abbreviation and starts with its first letter, or null. */
function longFormOf(words: string[], abbreviation: string): string | null {
  if ([...abbreviation].filter((c) => /[A-Z]/.test(c)).length < 2 && !/[A-Z][a-z]*[A-Z0-9@]/.test(abbreviation)) return null;
  for (let n = 1; n <= words.length; n++) {
    const tail = words.slice(-n).join(" ");
    if (tail.length > abbreviation.length && tail[0]!.toLowerCase() === abbreviation[0]!.toLowerCase() && spells(abbreviation, tail)) return tail;
  }
  return null;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function materialMentions(text: string): MaterialMention[] {
  const byName = new Map<string, MaterialMention>();
  for (const m of text.matchAll(DEFINED)) {
    const abbreviation = m[2]!;
    const longForm = longFormOf(m[1]!.trim().split(/\s+/), abbreviation);
    if (!longForm || byName.has(abbreviation)) continue;
    byName.set(abbreviation, { name: abbreviation, longForm, mentions: [] });
  }
  // A series: "NC-700/800/900" names NC-700, NC-800 and NC-900.
  for (const m of text.matchAll(/\b([A-Z][A-Za-z0-9@]*)-(\d{2,4})((?:\/\d{2,4})+)\b/g)) {
    for (const suffix of [m[2]!, ...m[3]!.split("/").filter(Boolean)]) {
      const name = `${m[1]}-${suffix}`;
      if (!byName.has(name)) byName.set(name, { name, mentions: [] });
    }
  }
  for (const material of byName.values()) {
    const escaped = escapeRegExp(material.name);
    for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, "gu"))) material.mentions.push(m.index!);
    // Series members are also mentioned inside the series itself ("NC-700/800/900"): their first place is the series.
    if (!material.mentions.length) material.mentions.push(text.search(new RegExp(escapeRegExp(material.name.split("-")[0]!), "u")));
  }
  return [...byName.values()].sort((a, b) => a.mentions[0]! - b.mentions[0]!);
}

/** The material named last before `position` (within the paragraph's reach), if any. */
export function materialBefore(materials: MaterialMention[], position: number): MaterialMention | undefined {
  let best: { material: MaterialMention; at: number } | undefined;
  for (const material of materials) {
    for (const at of material.mentions) if (at < position && (!best || at > best.at)) best = { material, at };
  }
  return best?.material;
}
