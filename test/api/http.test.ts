/** The read API on the running production app: formulas, search, errors as 4xx JSON. */
import { describe, it, expect } from "vitest";
import { sharedApp } from "../helpers/app";
import { FORMULA_EXAMPLES } from "../formulas/examples";

const README_QUERY = {
  q: "FeS2 sodium",
  facets: { battery_system: ["sodium-ion"], role: ["anode"], elements: { all: ["Fe", "S"] } },
  metrics: [{ property: "specific_capacity", min: 250, unit: "mAh/g", where: { temperature: { max: -20, unit: "degC" } } }],
  sort: { property: "specific_capacity", order: "desc" },
  page: 1,
  perPage: 20,
};

describe("HTTP API", () => {
  const app = sharedApp();

  const post = (path: string, body: unknown) =>
    fetch(app.url + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

  it.each(FORMULA_EXAMPLES.map((e) => [e.key, e] as const))("POST /api/formulas/%s/evaluate converts units in and out", async (_key, example) => {
    const res = await post(`/api/formulas/${example.key}/evaluate`, example.request);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { value: number; unit: string; inputs: unknown };
    expect(body.unit).toBe(example.unit);
    expect(Math.abs(body.value - example.value) / Math.abs(example.value)).toBeLessThan(example.tolerance ?? 1e-9);
    expect(body.inputs).toBeTruthy();
  });

  it("answers a bad formula request with 400 and the field", async () => {
    const res = await post("/api/formulas/energy_density/evaluate", { inputs: { C: 200 } });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { message: 'missing input "V_avg" (average voltage)', field: "inputs.V_avg" } });
    expect((await fetch(app.url + "/api/formulas/energy_density/evaluate", { method: "POST", body: "{oops" })).status).toBe(400);
    expect((await post("/api/formulas/warp_drive/evaluate", { inputs: {} })).status).toBe(400);
  });

  it("POST /api/search answers the README's query, and GET gives the same for it as JSON", async () => {
    const res = await post("/api/search", README_QUERY);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { total: number; materials: { ref: string; matched: { value: number }[] }[] };
    expect(body.materials[0]!.ref).toBe("10.1007/s40820-025-01858-2/fes2-qd-mxene");
    expect(body.materials[0]!.matched.map((m) => m.value)).toContain(255.2);
    const viaGet = await (await fetch(`${app.url}/api/search?query=${encodeURIComponent(JSON.stringify(README_QUERY))}`)).json();
    expect(viaGet).toEqual(body);
  });

  it("GET /api/search takes short parameters too", async () => {
    const body = (await (await fetch(`${app.url}/api/search?q=MXene&role=anode&elements=Fe,S`)).json()) as {
      materials: { role: string; elements: string[] }[];
    };
    expect(body.materials.length).toBeGreaterThan(0);
    expect(body.materials.every((m) => m.role === "anode" && m.elements.includes("Fe") && m.elements.includes("S"))).toBe(true);
  });

  it("answers a bad search with 400 naming the field", async () => {
    const res = await post("/api/search", { metrics: [{ property: "specific_capacity", min: 1, unit: "S/cm" }] });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; field: string } };
    expect(body.error.field).toBe("metrics[0].unit");
    expect(body.error.message).toMatch(/not a unit of specific capacity/);
  });
});
