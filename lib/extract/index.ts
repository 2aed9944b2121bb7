/**
 * From a paper's text to candidate measurements: the text repaired (./repair.ts), cut into
 * sentences (./sentences.ts), each number with a unit a catalogue property has (./quantities.ts), and
 * each named as a property or a condition by the sentence's words (./candidates.ts). Nothing here
 * is published: a person reviews every candidate.
 */
export { repairText } from "./repair";
export { splitSentences, type Sentence } from "./sentences";
export { findQuantities, propertiesFitting, type FoundQuantity } from "./quantities";
export { measurementCandidates, type MeasurementCandidate } from "./candidates";
export { materialMentions, materialBefore, type MaterialMention } from "./materials";
