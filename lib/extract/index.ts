/**
 * From a paper's file to what a reviewer starts from. `extract` reads the file (./documents/: plain
 * text, PDF, publisher XML, HTML, BibTeX, RIS) into one repaired text with its sections and
 * metadata (./document.ts), then proposes candidates: measurements — each number with a unit of a
 * catalogue property (./quantities.ts), named by the sentence's words and given the sentence's
 * conditions (./candidates.ts) and material (./materials.ts) — and synthesis steps
 * (./synthesis.ts), gathered into a draft record file with the side list (./record.ts). Nothing here
 * is published: a person reviews every candidate.
 */
import { readDocument } from "./documents";
import { extractPaper, type Extraction } from "./record";
import type { DocumentFormat } from "./document";

export { repairText } from "./repair";
export { splitSentences, type Sentence } from "./sentences";
export { findQuantities, propertiesFitting, type FoundQuantity } from "./quantities";
export { measurementCandidates, type MeasurementCandidate } from "./candidates";
export { materialMentions, materialBefore, type MaterialMention } from "./materials";
export { synthesisCandidates, type SynthesisCandidate } from "./synthesis";
export { extractPaper, type Candidate, type Extraction } from "./record";
export { readDocument, detectFormat } from "./documents";
export { DOCUMENT_FORMATS, type DocumentFormat, type PaperDocument, type PaperMetadata } from "./document";

/** Read a file of any supported format and extract its candidates. */
export async function extract(input: Uint8Array | string, options: { format?: DocumentFormat; name?: string } = {}): Promise<Extraction> {
  return extractPaper(await readDocument(input, options));
}
