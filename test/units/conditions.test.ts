/**
 * The conditions catalogue is the one place a condition is declared: a condition added to a copy of
 * it reaches the search contract, record validation, the record → column mapping, comparison and
 * condition text without another edit (in the app, the Prisma schema and a migration add its column).
 */
import { describe, it, expect } from "vitest";
import { CONDITIONS, columnsOf, type ConditionCatalogue, type ConditionDefinition } from "../../lib/units/conditions";
import { conditionsSchemaOf } from "../../lib/records/schema";
import { conditionErrors } from "../../lib/records/validate";
import { conditionColumns } from "../../lib/records/store";
import { canonicalClauses, parseSearchQuery, SearchQueryError } from "../../lib/search/query";
import { alignmentConditions, describeAlignment } from "../../lib/compare";
import { describeConditions } from "../../lib/materials";

const STACK_PRESSURE = {
  key: "stackPressure",
  kind: "quantity",
  label: "Stack pressure",
  what: "a stack pressure",
  placeholder: "MPa",
  describe: "stack {}",
  columns: [{ column: "stackPressure", unit: "MPa", label: "Stack pressure", search: "stack_pressure", align: true, axis: true }],
} as const satisfies ConditionDefinition;

/** The catalogue with stack pressure before the free-text "other". */
const catalogue: ConditionCatalogue = [...CONDITIONS.filter((c) => c.key !== "other"), STACK_PRESSURE, ...CONDITIONS.filter((c) => c.key === "other")];

describe("a condition added to the conditions catalogue", () => {
  const query = { metrics: [{ property: "specific_capacity", min: 500, where: { stack_pressure: { max: 500, unit: "kPa" } } }] };

  it("is a metric-clause bound of the search contract, in its canonical unit", () => {
    expect(() => parseSearchQuery(query)).toThrow(/stack_pressure/);
    const parsed = parseSearchQuery(query, catalogue);
    expect(canonicalClauses(parsed, catalogue)[0]!.where).toEqual([{ column: "stackPressure", min: undefined, max: 0.5 }]);
    const wrongUnit = { metrics: [{ property: "specific_capacity", where: { stack_pressure: { max: 5, unit: "mA" } } }] };
    expect(() => parseSearchQuery(wrongUnit, catalogue)).toThrow(SearchQueryError);
    expect(() => parseSearchQuery(wrongUnit, catalogue)).toThrow(/"mA" is not a unit of stack pressure/);
  });

  it("is a field of a record's conditions, its unit checked and its value stored in its column", () => {
    const conditions = { temperature: { value: -20, unit: "°C" }, stackPressure: { value: 200, unit: "kPa" } };
    expect(conditionsSchemaOf(CONDITIONS).safeParse(conditions).success).toBe(false);
    expect(conditionsSchemaOf(catalogue).parse(conditions)).toEqual(conditions);
    expect(conditionErrors(conditions, "conditions", catalogue)).toEqual([]);
    expect(conditionErrors({ stackPressure: { value: 2, unit: "mA" } }, "conditions", catalogue)).toEqual([
      { path: "conditions.stackPressure.unit", message: 'unit "mA" does not fit a stack pressure (MPa)' },
    ]);
    expect(conditionColumns(conditions, catalogue)).toMatchObject({ temperature: -20, stackPressure: 0.2, currentDensity: null });
  });

  it("aligns comparison rows, reads in their conditions and among a measurement's conditions", () => {
    const row = { currentDensity: 0.1, temperature: null, stackPressure: 0.2, cRate: 0.5 };
    const aligned = alignmentConditions(row, catalogue) as Record<string, number | null>;
    expect(aligned).toMatchObject({ currentDensity: 0.1, cRate: null, stackPressure: 0.2 });
    expect(describeAlignment(aligned as never, false, catalogue)).toBe("0.1 A g⁻¹ · 0.2 MPa");
    expect(describeConditions({ temperature: { value: -20, unit: "°C" }, stackPressure: { value: 200, unit: "kPa" } } as never, catalogue)).toBe(
      "−20 °C · stack 200 kPa",
    );
    expect(
      columnsOf(catalogue)
        .filter((c) => c.axis)
        .map((c) => c.column),
    ).toContain("stackPressure");
  });
});
