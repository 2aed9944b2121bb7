/** The one search plan both backends run: built once from the query, the same whatever runs it. */
import { describe, it, expect } from "vitest";
import { parseSearchQuery } from "../../lib/search";
import { searchPlan } from "../../lib/search/plan";

describe("the search plan", () => {
  it("keeps each word once and only the facets with a selection, counting each of those on its own", () => {
    const plan = searchPlan(
      parseSearchQuery({ q: "FeS2 sodium FES₂", facets: { role: ["anode"], journal: [], year: [2026], elements: { all: ["Fe"] } }, page: 3, perPage: 10 }),
    );
    expect(plan.words).toEqual(["FeS2", "sodium"]);
    expect(plan.selections).toEqual([
      { facet: "role", values: ["anode"] },
      { facet: "elements", all: ["Fe"], only: [] },
      { facet: "year", values: [2026] },
    ]);
    expect(plan.ownCounts).toEqual(["role", "elements", "year"]);
    expect([plan.offset, plan.perPage]).toEqual([20, 10]);
    expect(plan.sortBy).toBeNull();
  });

  it("orders by the query's own clause on the sort property, or by a clause without bounds", () => {
    const clause = { property: "specific_capacity", min: 250, unit: "mAh/g", where: { temperature: { max: -20, unit: "degC" } } };
    const within = searchPlan(parseSearchQuery({ metrics: [clause], sort: { property: "specific_capacity", order: "asc" } }));
    expect(within.sortBy).toBe(within.clauses[0]);
    expect(within.direction).toBe("asc");
    const other = searchPlan(parseSearchQuery({ metrics: [clause], sort: { property: "coulombic_efficiency" } }));
    expect(other.sortBy).toEqual({ property: "coulombic_efficiency", where: [], ranges: "overlap", scopes: ["material"], derived: false });
    expect(other.direction).toBe("desc");
  });
});
