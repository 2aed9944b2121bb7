/**
 * What a paper states once for all its cell tests, read from its whole text: the kind of cell
 * ("coin cells were assembled", "sodium half-cells", "Na||Na symmetric cells"), the metal counter
 * electrode ("Na metal as the counter electrode", "vs. Na+/Na"), the current 1C stands for
 * ("1C = 170 mA g−1"), the electrolyte ("1 M NaClO4 in EC/PC"), the voltage window the cells were
 * cycled in, and room temperature when the paper says the tests ran at it. A number that does not
 * state its own takes them, with the reason saying so; a cell type named in its own sentence or
 * paragraph beats the paper's.
 */
import type { Conditions } from "../records/schema";

type CellType = NonNullable<Conditions["cellType"]>;

export interface PaperContext {
  cellType?: CellType;
  counterElectrode?: string;
  oneC?: { value: number; unit: string };
  electrolyte?: string;
  voltageWindow?: { min: number; max: number; unit: string };
  temperature?: { value: number; unit: string };
  /** The one sulfur loading or active-material mass loading the paper states for its electrodes. */
  sulfurLoading?: { value: number; unit: string; qualifier?: string };
  massLoading?: { value: number; unit: string };
  /** The paper reports calculations (DFT). */
  calculations?: boolean;
}

/** Properties measured on a cell (galvanostatic cycling, CV, EIS or GITT of an electrode), which the paper's cell conditions apply to. */
export const CELL_PROPERTIES = new Set([
  "specific_capacity",
  "initial_discharge_capacity",
  "initial_charge_capacity",
  "areal_capacity",
  "initial_coulombic_efficiency",
  "coulombic_efficiency",
  "capacity_retention",
  "capacity_decay_per_cycle",
  "energy_density",
  "power_density",
  "overpotential",
  "voltage",
  "average_voltage",
  "cycle_life",
  "cycles_tested",
  "cycling_duration",
  "sulfur_utilization",
  "capacitive_contribution",
  "charge_transfer_resistance",
  "interfacial_resistance",
  "diffusion_coefficient",
  "critical_current_density",
  "time_constant",
  "b_value",
  "sulfur_loading",
  "mass_loading",
  "es_ratio",
  "transference_number",
]);

/** Characterization of an electrode taken out of, or watched inside, a cycled cell ("when discharged to 0.01 V", "in situ", "after cycling"). */
const IN_CELL =
  /\b(?:(?:dis)?charg(?:ed|ing) (?:to|state|process)|during (?:the )?(?:first |initial )?(?:dis)?charg|(?:de)?(?:sodiation|lithiation|potassiation)|in[- ]situ|operando|after (?:\d+ )?cycl|cycled|insertion process)/i;

/** Properties a calculation gives (DFT): their cell type is "computed" when the sentence speaks of one. */
const COMPUTED_PROPERTIES = new Set([
  "adsorption_energy",
  "energy_barrier",
  "gibbs_free_energy",
  "band_gap",
  "d_band_center",
  "work_function",
  "energy_level",
  "charge_transfer_amount",
  "bond_length",
  "activation_energy",
]);
/** Always calculated: adsorption energies, barriers, free energies, d-band centres, Bader charges. */
const ALWAYS_COMPUTED = new Set(["adsorption_energy", "energy_barrier", "gibbs_free_energy", "d_band_center", "charge_transfer_amount"]);
/** Words of an experiment that measures what a calculation also gives (a band gap by UV–vis, a work function by UPS). */
const MEASURED = /\b(?:UPS|UV|Tauc|KPFM|Kelvin|XPS|EXAFS|XAS|spectr\w*|measured|experiment\w*)\b/i;
const COMPUTATION =
  /\b(?:DFT|density functional|calculat(?:ed|ions?)|comput(?:ed|ations?|ational)|simulat(?:ed|ions?)|theoretical(?:ly)? (?:model|study|results?)|models?)\b/i;

/** Cell types as papers write them, to the catalogue's options. */
const CELL_WORDS: { type: CellType; words: RegExp }[] = [
  { type: "symmetric", words: /\bsymmetric(?:al)?[- ]cells?\b|\b(Li|Na|K|Zn)\s*(?:\|\||‖|\/\/|\/)\s*\1\b/ },
  { type: "pouch", words: /\bpouch(?:[- ]cells?\b|:)/i },
  { type: "full", words: /\bfull[- ]cells?\b/i },
  { type: "half", words: /\bhalf[- ]cells?\b|\bvs\.?\s*(?:Li|Na|K)\+?\/(?:Li|Na|K)\b/i },
  { type: "three-electrode", words: /\bthree-electrode\b/i },
  { type: "coin", words: /\bcoin(?:[- ]type)?[- ]cells?\b|\bcoin:|\bCR20\d\d\b|\bbutton cells?\b/i },
];

/**
 * The cell type a number's own words name: right after it ("4.2 mA h cm−2 in the pouch cell", before
 * any other number), else the one named last before it ("Pouch: 8.4 mg cm−2 … Coin: 2.0 mg cm−2").
 */
function cellTypeNear(sentence: string, at: number, end: number): CellType | undefined {
  const after = /^[^\d]{0,30}/.exec(sentence.slice(end))![0];
  const right = CELL_WORDS.map((c) => ({ type: c.type, m: c.words.exec(after) }))
    .filter((c) => c.m)
    .sort((a, b) => a.m!.index - b.m!.index)[0];
  if (right) return right.type;
  if (STACK.test(after)) return "full";
  let best: { type: CellType; at: number } | undefined;
  for (const c of CELL_WORDS)
    for (const m of sentence.slice(0, at).matchAll(new RegExp(c.words.source, c.words.flags.replace("g", "") + "g")))
      if (!best || m.index! > best.at) best = { type: c.type, at: m.index! };
  return best?.type;
}

/** The cell type a piece of text names, the most specific first. */
export function cellTypeIn(text: string): CellType | undefined {
  return CELL_WORDS.find((c) => c.words.test(text))?.type ?? (STACK.test(text) ? "full" : undefined);
}

/** A cell written as its stack ("LFP||Li", "FeS2//NVP") without a word for its kind: most often a full cell. */
const STACK = /\/\/\s*[A-Z]|\|\|\s*[A-Z]/;

const METALS: Record<string, string> = {
  li: "Li",
  lithium: "Li",
  na: "Na",
  sodium: "Na",
  k: "K",
  potassium: "K",
  zn: "Zn",
  zinc: "Zn",
  mg: "Mg",
  magnesium: "Mg",
};

function counterElectrodeOf(text: string): string | undefined {
  const metal =
    /\b(Li|Na|K|Zn|Mg|lithium|sodium|potassium|zinc|magnesium) (?:metal|foils?|chips?|discs?|disks?)\b[^.]{0,60}\b(?:counter|reference)(?:\/reference)? electrodes?\b/i.exec(
      text,
    ) ??
    /\b(?:counter|reference)(?:\/reference)? electrodes?\b[^.]{0,40}\b(Li|Na|K|Zn|Mg|lithium|sodium|potassium|zinc|magnesium) (?:metal|foils?|chips?|discs?|disks?)\b/i.exec(
      text,
    ) ??
    /\b(lithium|sodium|potassium)(?:-ion)? half[- ]cells?\b/i.exec(text) ??
    /\b(Li|Na|K|lithium|sodium|potassium) metal (?:anodes?|batteries)\b/i.exec(text) ??
    /\bvs\.?\s*(Li|Na|K)\+?\/(?:Li|Na|K)\b/.exec(text);
  return metal ? METALS[metal[1]!.toLowerCase()] : undefined;
}

const NUMBER = String.raw`(\d+(?:\.\d+)?)`;

function oneCOf(text: string): PaperContext["oneC"] {
  const m = new RegExp(String.raw`\b1\s?C\s*(?:=|≈|is|was|corresponds to|equals|is defined as|stands for)\s*${NUMBER}\s*(m?A)\s*h?\s*g\s*[-−]?1`, "i").exec(
    text,
  );
  return m ? { value: Number(m[1]), unit: `${m[2]} g-1` } : undefined;
}

function electrolyteOf(text: string): string | undefined {
  // "1 M NaClO4 in EC:PC", "1 m solution of NaClO4 in PC with 5% FEC", "1 M LiPF6/EC:DMC".
  const salt =
    /\b(\d+(?:\.\d+)?\s?(?:M|m|mol L[-−]1|mol\/L)\s+(?:solution of\s+)?[A-Z][A-Za-z0-9()]*(?:\s*(?:in|dissolved in)\s+|\/)[^.;]{2,100}?)(?=\s+(?:was|were|is|as|served|used)\b|[.;]|$)/.exec(
      text,
    );
  if (salt) {
    // Up to a bracket it did not open: "(1 M NaClO4/EC:PC) at −35 °C".
    let depth = 0;
    let end = salt[1]!.length;
    for (const [i, c] of [...salt[1]!].entries()) {
      if (c === "(") depth++;
      else if (c === ")" && --depth < 0) {
        end = i;
        break;
      }
    }
    return salt[1]!.slice(0, end).trim();
  }
  const m =
    /\b(\d+(?:\.\d+)?\s?(?:M|mol L[-−]1|m)\s+[A-Z][A-Za-z0-9()]*(?:\s*(?:\+|and)\s*(?:\d+(?:\.\d+)?\s?M\s+)?[A-Z][A-Za-z0-9()]*)?\s+(?:dissolved\s+)?in\s+[^.;]{2,60}?)(?=\s*(?:\(|,|;|\.|was|were|as|served|is)\b|[.;,]|$)/.exec(
      text,
    );
  return m ? m[1]!.trim() : undefined;
}

function windowOf(text: string): PaperContext["voltageWindow"] {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(
    new RegExp(String.raw`\b(?:voltage|potential) (?:range|window)s? (?:of |from |between )?${NUMBER}\s*(?:–|-|to|and|~)\s*${NUMBER}\s*V\b`, "gi"),
  ))
    counts.set(`${m[1]}|${m[2]}`, (counts.get(`${m[1]}|${m[2]}`) ?? 0) + 1);
  for (const m of text.matchAll(new RegExp(String.raw`\bbetween ${NUMBER} and ${NUMBER}\s*V (?:versus|vs\.?)`, "gi")))
    counts.set(`${m[1]}|${m[2]}`, (counts.get(`${m[1]}|${m[2]}`) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (!best) return undefined;
  const [min, max] = best[0].split("|").map(Number);
  return { min: min!, max: max!, unit: "V" };
}

/**
 * The loading a paper states for all its electrodes: the one value it gives ("a sulfur loading of ~1.5
 * mg cm−2"), none when it gives several (a review, or a loading study).
 */
function loadingOf(text: string, words: RegExp): { value: number; unit: string } | undefined {
  const values = new Set<number>();
  for (const m of text.matchAll(new RegExp(String.raw`${words.source}[^.;\d]{0,25}?(?:~|≈|about |approximately |around )?${NUMBER}\s*mg\s*cm\s*[-−]?2`, "gi")))
    values.add(Number(m[1]));
  return values.size === 1 ? { value: [...values][0]!, unit: "mg cm-2" } : undefined;
}

function temperatureOf(text: string): PaperContext["temperature"] {
  const stated =
    /\b(?:tested|measured|cycled|performed|conducted|carried out|evaluated|collected|recorded)\b(?:[^.]|\.\d){0,80}\bat (?:room temperature|ambient temperature|RT)\b(?:\s*\((\d+)\s*°C\))?/i.exec(
      text,
    ) ?? /\ball (?:the )?(?:electrochemical )?(?:tests|measurements)\b(?:[^.]|\.\d){0,80}\bat (?:room temperature|RT)\b(?:\s*\((\d+)\s*°C\))?/i.exec(text);
  return stated ? { value: stated[1] ? Number(stated[1]) : 25, unit: "°C" } : undefined;
}

/** The paper's cell conditions, read once from its whole text. */
export function paperContext(text: string): PaperContext {
  const counts = new Map<CellType, number>();
  for (const c of CELL_WORDS) if (c.type !== "symmetric" && c.type !== "full") counts.set(c.type, (text.match(new RegExp(c.words.source, "gi")) ?? []).length);
  // The paper's default cell: a half cell when it tests an electrode against a metal, else the coin cell it assembles.
  const cellType: CellType | undefined = counts.get("half") ? "half" : /\bcoin[- ]cells?\b|\bCR20\d\d\b|\bbutton cells?\b/i.test(text) ? "coin" : undefined;
  const context: PaperContext = {};
  if (cellType) context.cellType = cellType;
  const counter = counterElectrodeOf(text);
  if (counter) context.counterElectrode = counter;
  const oneC = oneCOf(text);
  if (oneC) context.oneC = oneC;
  const electrolyte = electrolyteOf(text);
  if (electrolyte) context.electrolyte = electrolyte;
  const window = windowOf(text);
  if (window) context.voltageWindow = window;
  const temperature = temperatureOf(text);
  if (temperature) context.temperature = temperature;
  if (/\b(?:DFT|density functional|first[- ]principles|VASP|ab initio)\b/i.test(text)) context.calculations = true;
  const sulfur = loadingOf(text, /\b(?:sulfur|sulphur|S) (?:mass )?loadings?\b/);
  if (sulfur) context.sulfurLoading = sulfur;
  const mass = loadingOf(text, /\b(?:(?:active[- ]material |active )?mass loadings?|loading of (?:the )?active materials?)\b/);
  if (mass) context.massLoading = mass;
  return context;
}

/**
 * The conditions a measurement takes from its surroundings, added to those it states: the cell type
 * its sentence or paragraph names (else the paper's), and the paper's counter electrode, 1C,
 * electrolyte, voltage window and test temperature, for a number measured on a cell. A number a
 * calculation gives is "computed". Returns the added conditions and the reason words.
 */
export function contextConditions(
  property: string,
  own: Partial<Conditions>,
  context: PaperContext,
  sentence: string,
  paragraph: string,
  at = sentence.length,
  end = at,
): { added: Partial<Conditions>; from: string[] } {
  const added: Partial<Conditions> = {};
  const from: string[] = [];
  const computed =
    COMPUTED_PROPERTIES.has(property) &&
    (COMPUTATION.test(sentence) || (!!context.calculations && (ALWAYS_COMPUTED.has(property) || !MEASURED.test(sentence))));
  if (computed) {
    if (!own.cellType) {
      added.cellType = "computed";
      from.push("a calculation (cell type computed)");
    }
    return { added, from };
  }
  if (!CELL_PROPERTIES.has(property) && !IN_CELL.test(sentence)) return { added, from };
  const named = cellTypeNear(sentence, at, end) ?? cellTypeIn(sentence);
  const cellType = own.cellType ?? named ?? cellTypeIn(paragraph) ?? context.cellType;
  if (cellType && !own.cellType) {
    added.cellType = cellType;
    from.push(named ? "the cell its sentence names" : cellTypeIn(paragraph) ? "the cell its paragraph names" : "the paper's cells");
  }
  if (context.counterElectrode && !own.counterElectrode && cellType !== "computed") {
    added.counterElectrode = context.counterElectrode;
    from.push(`${context.counterElectrode} counter electrode`);
  }
  if (context.oneC && !own.oneC && own.cRate !== undefined) {
    added.oneC = context.oneC;
    from.push(`1C = ${context.oneC.value} ${context.oneC.unit}`);
  }
  if (context.electrolyte && !own.electrolyte && cellType !== "full" && cellType !== "pouch") {
    added.electrolyte = context.electrolyte;
    from.push("the paper's electrolyte");
  }
  if (context.voltageWindow && !own.voltageWindow && cellType === context.cellType) {
    added.voltageWindow = context.voltageWindow;
    from.push("the paper's voltage window");
  }
  if (context.sulfurLoading && !own.sulfurLoading && property !== "sulfur_loading") {
    added.sulfurLoading = context.sulfurLoading;
    from.push("the paper's sulfur loading");
  }
  if (context.massLoading && !own.massLoading && property !== "mass_loading") {
    added.massLoading = context.massLoading;
    from.push("the paper's mass loading");
  }
  if (context.temperature && !own.temperature) {
    added.temperature = context.temperature;
    from.push("the paper's test temperature");
  }
  return { added, from };
}
