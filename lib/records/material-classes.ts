/**
 * The material classes a record chooses from: the kinds a battery researcher sorts materials into,
 * so the search facet groups like with like. A record's own nuance ("high-entropy", "on 3D MXene")
 * goes in its `classNote`. No imports, so the browser can use it (the editor's select).
 */
export const MATERIAL_CLASSES = [
  { group: "Intercalation electrodes", value: "layered oxide", hint: "O3/P2 layered transition-metal oxides, NCM, LiCoO₂" },
  { group: "Intercalation electrodes", value: "spinel oxide", hint: "LiMn₂O₄, Li₄Ti₅O₁₂" },
  { group: "Intercalation electrodes", value: "polyanion", hint: "olivine, NASICON, phosphates, sulfates, fluorophosphates" },
  { group: "Intercalation electrodes", value: "Prussian blue analogue", hint: "metal hexacyanoferrates" },
  { group: "Intercalation electrodes", value: "organic electrode", hint: "carbonyl, imine and radical polymers and small molecules" },
  { group: "Conversion and alloying", value: "conversion-type oxide", hint: "Fe₂O₃, Co₃O₄" },
  { group: "Conversion and alloying", value: "conversion-type sulfide", hint: "FeS₂, MoS₂, CoS₂" },
  { group: "Conversion and alloying", value: "conversion-type selenide", hint: "selenides and mixed S/Se chalcogenides" },
  { group: "Conversion and alloying", value: "alloying metal", hint: "Sb, Sn, Bi, Si, P and their composites" },
  { group: "Conversion and alloying", value: "metal anode", hint: "Li, Na or K metal and hosts for it" },
  { group: "Carbons and 2D materials", value: "hard carbon", hint: "non-graphitising carbon" },
  { group: "Carbons and 2D materials", value: "graphite", hint: "graphite and graphene-like ordered carbon" },
  { group: "Carbons and 2D materials", value: "doped carbon", hint: "N-, S-, P-doped or co-doped carbon" },
  { group: "Carbons and 2D materials", value: "carbon (other)", hint: "soft carbon, carbon nanotubes and fibres, porous carbon" },
  { group: "Carbons and 2D materials", value: "MXene / 2D", hint: "MXenes, other 2D sheets as the active phase" },
  { group: "Sulfur cathodes and catalysts", value: "sulfur host", hint: "sulfur cathodes, their hosts and polysulfide catalysts" },
  { group: "Sulfur cathodes and catalysts", value: "single-atom catalyst", hint: "single- and dual-atom catalysts" },
  { group: "Electrolytes", value: "liquid electrolyte", hint: "carbonate, ether, aqueous or ionic-liquid electrolytes" },
  { group: "Electrolytes", value: "quasi-solid / gel electrolyte", hint: "gel polymer and in situ polymerised electrolytes" },
  { group: "Electrolytes", value: "polymer electrolyte", hint: "solvent-free solid polymer electrolytes" },
  { group: "Electrolytes", value: "inorganic solid electrolyte", hint: "oxide, sulfide and halide solid electrolytes" },
  { group: "Electrolytes", value: "electrolyte additive", hint: "salts, initiators and additives in small amounts" },
  { group: "Cell parts and cells", value: "separator / interlayer", hint: "separators, coated separators, interlayers, membranes" },
  { group: "Cell parts and cells", value: "binder", hint: "PVDF, CMC, alginate and functional binders" },
  { group: "Cell parts and cells", value: "cell", hint: "full, half, symmetric or pouch cells as a whole" },
  { group: "Other", value: "other", hint: "none of the above: say what in the class note" },
] as const;

export type MaterialClass = (typeof MATERIAL_CLASSES)[number]["value"];
export const MATERIAL_CLASS_VALUES = MATERIAL_CLASSES.map((c) => c.value) as unknown as readonly [MaterialClass, ...MaterialClass[]];

const BY_FOLDED = new Map<string, MaterialClass>(MATERIAL_CLASS_VALUES.map((v) => [v.toLowerCase(), v]));

/** The list's entry a value names (case aside), or undefined for free text. */
export function materialClassOf(value: string): MaterialClass | undefined {
  return BY_FOLDED.get(value.trim().toLowerCase());
}
