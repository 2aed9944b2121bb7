/**
 * From a paper's text to candidate numbers: the text repaired (./repair.ts), cut into sentences
 * (./sentences.ts), and each number with a unit a catalogue property has (./quantities.ts). Choosing
 * the property from cue words, the conditions and the material come next; nothing here is published.
 */
export { repairText } from "./repair";
export { splitSentences, type Sentence } from "./sentences";
export { findQuantities, propertiesFitting, type FoundQuantity } from "./quantities";
