/**
 * What a number is about, relative to the material it is filed under. Search, comparison and the
 * derived figures read the material's own numbers ("material") unless asked for more; the others
 * stay on the material and paper pages under their own headings. Pure data: client components read it.
 */
export const SCOPES = ["material", "model", "precursor", "reference", "component", "general"] as const;
export type Scope = (typeof SCOPES)[number];

export const OWN_SCOPE: Scope = "material";

export const SCOPE_TEXT: Record<Scope, { heading: string; badge: string; description: string }> = {
  material: { heading: "Measured on the material", badge: "material", description: "A number of the material itself (or its electrode or cell)." },
  model: {
    heading: "Calculated models",
    badge: "model",
    description: "A DFT, MD or other calculation on a model of the material (a cluster, a slab, a bulk crystal), not a measurement of the sample.",
  },
  precursor: {
    heading: "Precursors and intermediates",
    badge: "precursor",
    description: "A precursor or intermediate during synthesis (a decomposition or phase change on the way to the material).",
  },
  reference: {
    heading: "Reference substances and literature values",
    badge: "reference",
    description: "A reference compound, a substance the paper rules out, or another work's result quoted for comparison.",
  },
  component: {
    heading: "Other parts of the cell",
    badge: "component",
    description: "An interphase (SEI, CEI), a plated metal, the electrode recipe or another part of the cell, not the material itself.",
  },
  general: {
    heading: "General knowledge",
    badge: "general",
    description: "A textbook figure (an ion radius, a standard potential, a theoretical value of a chemistry).",
  },
};
