/**
 * Records ↔ database. `importRecords` writes a validated file in one transaction (a paper whose DOI
 * exists is replaced, its previous state kept as a revision); `exportRecords` rebuilds the same
 * records, so export → import → export is the identity.
 */
import type { PrismaClient, Tx } from "../db";
import type { Conditions, RecordFileParsed, Quantity } from "./schema";
import { elementsOf, searchForm } from "./chemistry";
import { convert, toCanonical, compatible, CONDITION_UNITS } from "../units";

type PaperOut = RecordFileParsed["papers"][number];
type MaterialOut = PaperOut["materials"][number];
type MeasurementOut = MaterialOut["measurements"][number];
type StepOut = MaterialOut["synthesis"][number];

export interface ImportSummary {
  papers: { doi: string; action: "created" | "replaced"; materials: number; measurements: number }[];
}

const orNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
const canonical = (q: Quantity | undefined, unit: string): number | null => (q ? convert(q.value, q.unit, unit) : null);

/** The canonical condition columns that search and comparison read. */
export function conditionColumns(c: Conditions | undefined) {
  const cd = c?.currentDensity;
  const gravimetric = cd && compatible(cd.unit, CONDITION_UNITS.currentDensity);
  const oneC = canonical(c?.oneC, CONDITION_UNITS.oneC);
  // A C-rate becomes a current density only where the paper defines 1C.
  const fromRate = c?.cRate !== undefined && oneC !== null ? (c.cRate * oneC) / 1000 : null;
  return {
    currentDensity: gravimetric ? convert(cd.value, cd.unit, CONDITION_UNITS.currentDensity) : fromRate,
    arealCurrentDensity: cd && !gravimetric ? convert(cd.value, cd.unit, CONDITION_UNITS.arealCurrentDensity) : null,
    cRate: orNull(c?.cRate),
    oneC,
    temperature: canonical(c?.temperature, CONDITION_UNITS.temperature),
    cycle: orNull(c?.cycle),
    scanRate: canonical(c?.scanRate, CONDITION_UNITS.scanRate),
    voltageMin: c?.voltageWindow ? convert(c.voltageWindow.min, c.voltageWindow.unit, CONDITION_UNITS.voltage) : null,
    voltageMax: c?.voltageWindow ? convert(c.voltageWindow.max, c.voltageWindow.unit, CONDITION_UNITS.voltage) : null,
    cellType: orNull(c?.cellType),
    counterElectrode: orNull(c?.counterElectrode),
    electrolyte: orNull(c?.electrolyte),
    massLoading: canonical(c?.massLoading, CONDITION_UNITS.massLoading),
    sulfurLoading: canonical(c?.sulfurLoading, CONDITION_UNITS.sulfurLoading),
    esRatio: canonical(c?.esRatio, CONDITION_UNITS.esRatio),
  };
}

function measurementRow(m: MeasurementOut, materialId: number, position: number) {
  return {
    materialId,
    position,
    propertyKey: m.property,
    value: m.value,
    unit: m.unit,
    canonicalValue: toCanonical(m.property, m.value, m.unit),
    min: orNull(m.min),
    max: orNull(m.max),
    canonicalMin: m.min === undefined ? null : toCanonical(m.property, m.min, m.unit),
    canonicalMax: m.max === undefined ? null : toCanonical(m.property, m.max, m.unit),
    qualifier: orNull(m.qualifier),
    quote: m.quote,
    location: orNull(m.location),
    source: m.source,
    subject: orNull(m.subject),
    note: orNull(m.note),
    conditionsJson: m.conditions ? JSON.stringify(m.conditions) : null,
    ...conditionColumns(m.conditions),
  };
}

function stepRow(s: StepOut, materialId: number, position: number) {
  return {
    materialId,
    position,
    action: s.action,
    reagentsJson: s.reagents ? JSON.stringify(s.reagents) : null,
    temperatureValue: orNull(s.temperature?.value),
    temperatureUnit: orNull(s.temperature?.unit),
    temperatureC: canonical(s.temperature, "degC"),
    durationValue: orNull(s.duration?.value),
    durationUnit: orNull(s.duration?.unit),
    durationH: canonical(s.duration, "h"),
    rampRateValue: orNull(s.rampRate?.value),
    rampRateUnit: orNull(s.rampRate?.unit),
    rampRateCPerMin: canonical(s.rampRate, "degC/min"),
    atmosphere: orNull(s.atmosphere),
    notes: orNull(s.notes),
    quote: orNull(s.quote),
  };
}

/** Write one paper (replacing an existing one with the same DOI) inside a transaction. */
export async function writePaper(tx: Tx, paper: PaperOut, userId?: number): Promise<ImportSummary["papers"][number]> {
  const existing = await tx.paper.findUnique({ where: { doi: paper.doi }, select: { id: true } });
  let before: PaperOut | undefined;
  if (existing) {
    before = (await readPapers(tx, { ids: [existing.id] }))[0];
    await tx.paper.delete({ where: { id: existing.id } });
  }
  const created = await tx.paper.create({
    data: {
      doi: paper.doi,
      title: paper.title,
      journal: paper.journal,
      year: paper.year,
      volume: orNull(paper.volume),
      issue: orNull(paper.issue),
      articleNumber: orNull(paper.articleNumber),
      pages: orNull(paper.pages),
      abstract: orNull(paper.abstract),
      kind: paper.kind,
      license: orNull(paper.license),
      status: paper.status,
      authors: { createMany: { data: paper.authors.map((name, position) => ({ name, position })) } },
      keywords: { createMany: { data: paper.keywords.map((keyword, position) => ({ keyword, position })) } },
      formulas: { createMany: { data: paper.formulas.map((formulaKey) => ({ formulaKey })) } },
    },
    select: { id: true },
  });
  const ids = new Map<string, number>();
  for (const [position, m] of paper.materials.entries()) {
    const material = await tx.material.create({
      data: {
        paperId: created.id,
        key: m.key,
        position,
        name: m.name,
        searchName: searchForm(m.name),
        formula: orNull(m.formula),
        role: m.role,
        batterySystem: m.batterySystem,
        materialClass: m.materialClass,
        isControl: m.isControl,
        description: orNull(m.description),
        citedReference: orNull(m.citedReference),
        explicitElements: m.elements !== undefined,
      },
      select: { id: true },
    });
    ids.set(m.key, material.id);
  }
  const elementsByKey = new Map<string, string[]>();
  const elementsFor = (m: MaterialOut): string[] => {
    const known = elementsByKey.get(m.key);
    if (known) return known;
    elementsByKey.set(m.key, []); // guards against component cycles
    const own = m.elements ?? (m.formula ? elementsOf(m.formula) : []);
    const fromComponents = own.length ? [] : (m.components ?? []).flatMap((k) => elementsFor(paper.materials.find((x) => x.key === k)!));
    const result = [...new Set([...own, ...fromComponents])];
    elementsByKey.set(m.key, result);
    return result;
  };
  for (const m of paper.materials) {
    const materialId = ids.get(m.key)!;
    const symbols = elementsFor(m);
    if (symbols.length) await tx.materialElement.createMany({ data: symbols.map((symbol) => ({ materialId, symbol })) });
    if (m.components?.length) {
      await tx.materialComponent.createMany({ data: m.components.map((k, position) => ({ materialId, componentId: ids.get(k)!, position })) });
    }
    if (m.synthesis.length) await tx.synthesisStep.createMany({ data: m.synthesis.map((s, i) => stepRow(s, materialId, i)) });
    if (m.measurements.length) await tx.measurement.createMany({ data: m.measurements.map((x, i) => measurementRow(x, materialId, i)) });
  }
  await tx.revision.create({
    data: {
      entityType: "paper",
      entityKey: paper.doi,
      userId: orNull(userId),
      action: existing ? "replace" : "create",
      beforeJson: before ? JSON.stringify(before) : null,
      afterJson: JSON.stringify(paper),
    },
  });
  return {
    doi: paper.doi,
    action: existing ? "replaced" : "created",
    materials: paper.materials.length,
    measurements: paper.materials.reduce((n, m) => n + m.measurements.length, 0),
  };
}

/** Import a validated file, all or nothing. */
export async function importRecords(prisma: PrismaClient, file: RecordFileParsed, options: { userId?: number } = {}): Promise<ImportSummary> {
  return prisma.$transaction(
    async (tx) => {
      const papers = [];
      for (const paper of file.papers) papers.push(await writePaper(tx, paper, options.userId));
      return { papers };
    },
    { timeout: 10 * 60_000, maxWait: 60_000 },
  );
}

type NullToOptional<T> = { [K in keyof T]: null extends T[K] ? Exclude<T[K], null> | undefined : T[K] };
/** Drops null and undefined fields, so exported records carry only what was recorded. */
const defined = <T extends object>(o: T): NullToOptional<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as NullToOptional<T>;
const quantityOf = (value: number | null, unit: string | null): Quantity | undefined => (value === null || unit === null ? undefined : { value, unit });

/** Read papers back as records (all, or those with the given ids/DOIs), in DOI order. */
export async function readPapers(prisma: PrismaClient | Tx, where: { ids?: number[]; dois?: string[] } = {}): Promise<PaperOut[]> {
  const papers = await prisma.paper.findMany({
    where: where.ids ? { id: { in: where.ids } } : where.dois ? { doi: { in: where.dois } } : {},
    orderBy: { doi: "asc" },
    include: {
      authors: { orderBy: { position: "asc" } },
      keywords: { orderBy: { position: "asc" } },
      formulas: { orderBy: { formulaKey: "asc" } },
      materials: {
        orderBy: { position: "asc" },
        include: {
          elements: true,
          components: { orderBy: { position: "asc" }, include: { component: { select: { key: true } } } },
          synthesisSteps: { orderBy: { position: "asc" } },
          measurements: { orderBy: { position: "asc" } },
        },
      },
    },
  });
  return papers.map((p) =>
    defined({
      doi: p.doi,
      title: p.title,
      journal: p.journal,
      year: p.year,
      volume: p.volume,
      issue: p.issue,
      articleNumber: p.articleNumber,
      pages: p.pages,
      authors: p.authors.map((a) => a.name),
      keywords: p.keywords.map((k) => k.keyword),
      abstract: p.abstract,
      kind: p.kind as PaperOut["kind"],
      license: p.license,
      status: p.status as PaperOut["status"],
      formulas: p.formulas.map((f) => f.formulaKey),
      materials: p.materials.map((m) =>
        defined({
          key: m.key,
          name: m.name,
          formula: m.formula,
          elements: m.explicitElements ? m.elements.map((e) => e.symbol) : undefined,
          role: m.role as MaterialOut["role"],
          batterySystem: m.batterySystem as MaterialOut["batterySystem"],
          materialClass: m.materialClass,
          isControl: m.isControl,
          description: m.description,
          components: m.components.length ? m.components.map((c) => c.component.key) : undefined,
          citedReference: m.citedReference,
          synthesis: m.synthesisSteps.map((s) =>
            defined({
              action: s.action,
              reagents: s.reagentsJson ? JSON.parse(s.reagentsJson) : undefined,
              temperature: quantityOf(s.temperatureValue, s.temperatureUnit),
              duration: quantityOf(s.durationValue, s.durationUnit),
              atmosphere: s.atmosphere,
              rampRate: quantityOf(s.rampRateValue, s.rampRateUnit),
              notes: s.notes,
              quote: s.quote,
            }),
          ),
          measurements: m.measurements.map((x) =>
            defined({
              property: x.propertyKey,
              value: x.value,
              unit: x.unit,
              min: x.min,
              max: x.max,
              qualifier: x.qualifier as MeasurementOut["qualifier"],
              conditions: x.conditionsJson ? JSON.parse(x.conditionsJson) : undefined,
              quote: x.quote,
              location: x.location,
              source: x.source as MeasurementOut["source"],
              subject: x.subject,
              note: x.note,
            }),
          ),
        }),
      ),
    }),
  );
}

export async function exportRecords(prisma: PrismaClient): Promise<RecordFileParsed> {
  return { papers: await readPapers(prisma) };
}
