#!/usr/bin/env python3
"""
Applies the reviewed plan seed/review/2026-12-01-scope-ranges-derived.json (issue 14: scope, ranges,
derived values, wrong and overloaded records) to the five seed files.

Reproducible: the seed files are read from git HEAD of the commit the plan was written against
(BASE below; the plan's measurement indices refer to it), never from the working tree, so running
the script twice gives the same files. Run from the repository root:

    python3 seed/review/apply-2026-12-01.py            # writes seed/00*.json
    python3 seed/review/apply-2026-12-01.py --check    # exit 1 if the files differ from what it would write
    python3 seed/review/apply-2026-12-01.py --report   # also writes seed/review/2026-12-01-applied.md

What the plan leaves open is settled in the tables below (REPORTED … NOTE) from the brief of the change: reported texts
that must occur in the quote, the derivations of the kept derived values, the resistivity record,
the Na||Cu working electrode, the notes that spoke of a representative value, the notes the plan
asks for. Every other record is kept byte for byte except for its new "scope" key.
"""
import json
import subprocess
import sys
from collections import OrderedDict

BASE = "83dcc99"  # HEAD when the plan was applied; the plan's indices hold for it
PLAN = "seed/review/2026-12-01-scope-ranges-derived.json"

# Key order of a measurement (lib/records/schema.ts) and of its conditions (lib/units/conditions.ts).
MEASUREMENT_KEYS = [
    "property", "value", "min", "max", "reported", "unit", "unitReadAs", "qualifier", "scope", "conditions",
    "quote", "location", "source", "derivation", "subject", "note",
]
BEFORE_SCOPE = MEASUREMENT_KEYS[: MEASUREMENT_KEYS.index("scope")]
CONDITION_KEYS = [
    "currentDensity", "cRate", "oneC", "temperature", "cycle", "scanRate", "voltageWindow", "cellType",
    "workingElectrode", "counterElectrode", "electrolyte", "massLoading", "sulfurLoading", "esRatio", "other",
]

DELETE = object()  # a note to drop
REMOVED = {}  # seed path → {(material key, index before the change)} removed

# ---------------------------------------------------------------------------------------------
# What the plan leaves to the hand, keyed by (seed number, material key, index at BASE).
# ---------------------------------------------------------------------------------------------

# `reported` where the plan's text does not occur in the quote after foldText (the quote keeps the
# paper text's LaTeX, which the fold does not strip): copied verbatim from the quote instead.
REPORTED = {
    ("000", "fes2-qd-mxene-nvp-full-cell", 0): "1.5 \\sim 3.8 \\text{ V}",
    ("002", "sbqd-c", 58): "0.5–1.0 mg",
    ("004", "na095-lncfm", 31): "between 6.445×10^{-11} and $2.527 \\times 10^{-9} \\text{ cm}^2 \\text{ s}^{-1}$",
    ("004", "na095-lncfm", 32): "from 5.126×10^{-11} to $2.46 \\times 10^{-9} \\text{ cm}^2 \\text{ s}^{-1}$",
    ("004", "na095-lncfm", 33): "between 5.757×10^{-11} and $2.477 \\times 10^{-9} \\text{ cm}^2 \\text{ s}^{-1}$",
    ("004", "na-lncfm", 0): "between 2.415×10^{-11} and $2.453 \\times 10^{-9} \\text{ cm}^2 \\text{ s}^{-1}$",
}

# Derived values that stay derived: their derivation (formula over inputs the paper states).
Q_000_AFTER = "When discharged to 0.01 V, these two peaks shifted to 458.33 and 464.30 eV"
Q_000_BEFORE = "Peaks at 458.12 and 464.07 eV, respectively, corresponding to the Ti–O 2p_{3/2} and Ti–O 2p_{3/1} orbitals were identified"
Q_002_AREA = "The copper foil was punched into circular pieces (≈1.44 cm2)"
Q_002_MASS = "applied in half‐cells as working electrode with a mass loading range of 0.5–1.0 mg"
DERIVATION = {
    ("000", "fes2-qd-mxene", 51): {
        "formula": "after - before",
        "inputs": {
            "after": {"value": 458.33, "unit": "eV", "quote": Q_000_AFTER},
            "before": {"value": 458.12, "unit": "eV", "quote": Q_000_BEFORE},
        },
    },
    ("000", "fes2-qd-mxene", 52): {
        "formula": "after - before",
        "inputs": {
            "after": {"value": 464.30, "unit": "eV", "quote": Q_000_AFTER},
            "before": {"value": 464.07, "unit": "eV", "quote": Q_000_BEFORE},
        },
    },
    ("002", "sbqd-c", 58): {
        "formula": "m / A",
        "inputs": {
            "m": {"min": 0.5, "max": 1.0, "unit": "mg", "reported": "0.5–1.0 mg", "quote": Q_002_MASS},
            "A": {"value": 1.44, "unit": "cm2", "quote": Q_002_AREA},
        },
    },
}
# 0.5 mg / 1.44 cm² and 1.0 mg / 1.44 cm², to three digits (the plan's 0.35–0.69 is 0.6 % off at the top).
RANGE_OVERRIDE = {("002", "sbqd-c", 58): {"min": 0.347, "max": 0.694}}

# Replacement of 002 commercial-sb[10] (a conductivity computed from a resistivity): the stated resistivity.
RESISTIVITY = OrderedDict(
    [
        ("property", "resistivity"),
        ("value", 370),
        ("unit", "nΩ m-1"),
        ("unitReadAs", "nΩ m"),
        ("scope", "general"),
        ("quote", "Sb possess resistivity (370 nΩ m−1) between metals and nonmetals"),
        ("location", "Introduction"),
        ("subject", "bulk Sb"),
        (
            "note",
            "Literature (handbook) value for Sb, not measured here. The paper prints the unit as nΩ m−1, a slip for nΩ m "
            "(a resistivity); kept as printed and read as nΩ m.",
        ),
    ]
)

SUBJECT = {("004", "na095-lncfm-air-exposed", 3): "Na₂CO₃ (the paper finds none on the sample)"}

# Notes: the representative value is gone, so the words about it go too; notes the plan asks for.
NOTE = {
    ("000", "fes2-qd-mxene", 34): DELETE,  # "Range 2–6 nm as stated; value is the upper bound."
    ("000", "fes2-qd-mxene", 35): DELETE,
    ("001", "cosac-cnt", 0): "Range of sulfur loadings tested.",
    ("001", "hp-safes", 0): "Range of sulfur loadings tested.",
    ("001", "fe-co-nc", 0): "Range of sulfur loadings tested.",
    ("001", "fesa-nc-cbc", 0): "Range of sulfur loadings tested.",
    ("001", "cosac-nc", 0): "Range of sulfur loadings tested.",
    ("001", "saz-af", 0): "Range of sulfur loadings tested.",
    ("001", "pt-c-ncnt", 2): "The review writes 'prolonged battery lifespan to 500 cycles' without a failure criterion: the length of the compared test, not a cycle life reached.",
    ("001", "star-lcnc", 1): "The review writes 'initial capacity' without naming its direction; a Mg–S cell assembled from S and Mg starts with a discharge, so it is filed as the initial discharge capacity (direction inferred).",
    ("002", "sbqd-c", 1): "Stated as a 3–4 nm average diameter (TEM). The Introduction gives 3 nm on average.",
    ("002", "sbqd-c", 22): DELETE,  # "... value 0.6 V is the midpoint computed by matlit."
    ("002", "sbqd-c", 58): "The paper gives the loading as 0.5–1.0 mg per ≈1.44 cm² electrode (not per area); matlit computed 0.347–0.694 mg cm−2 (m / A). Whether mg refers to active material or whole coating is not stated.",
    ("002", "commercial-sb", 9): "Literature/general value; the paper omits the unit (read as V).",
    ("002", "lit-carbon", 0): "General statement about carbon (no reference, no conditions).",
    ("003", "nvp-sn-fb-qse-na", 21): "Share of the P–F/B–F component in the F 1s spectrum, 74% at the surface falling to 68% with etching (0–50 s).",
    ("003", "nvp-sn-qse-na", 1): DELETE,  # "range 32–95 nm; value is the upper end"
    ("003", "nvp-sn-qse-na", 7): "Share of the P–F/B–F component in the F 1s spectrum, 66% at the surface falling rapidly to 55% with etching. Sn QSE contains no NaDFOB, so the component is presumably P–F only, though the paper uses the same 'P-F/B-F' label.",
    ("003", "lit-sota-qse", 0): "General statement without a reference or method.",
    ("004", "na095-lncfm", 1): DELETE,
    ("004", "na095-lncfm", 4): "Assigned to Li+.",
    ("004", "na095-lncfm", 8): DELETE,
    ("004", "na095-lncfm", 31): "GITT; range over the charge/discharge profile; minima at the plateaus (O3–P3 transition). Cycle 1 implied (the next figure is 'the second cycle').",
    ("004", "na095-lncfm", 32): "GITT.",
    ("004", "na095-lncfm", 33): "GITT; 'almost the same as the second cycle'.",
    ("004", "na095-lncfm", 36): "P3 solid-solution persists until 4.05 V. In situ XRD: text says 0.1C, Fig. 3a caption 20 mA g⁻¹ (consistent with 1C = 200 mA g⁻¹).",
    ("004", "na-lncfm", 0): "GITT; lower than Na0.95LNCFM.",
    ("004", "pvdf-hfp-pse", 2): "Paper writes the unit as 'S cm⁻²', an evident slip for S cm⁻¹ (ionic conductivity); kept as written and read as S cm⁻¹. Temperature not stated in the main text.",
}


def ordered(m, keys):
    unknown = [k for k in m if k not in keys]
    if unknown:
        raise SystemExit(f"unknown keys {unknown} in {dict(m)}")
    return OrderedDict((k, m[k]) for k in keys if k in m)


def with_scope(m, scope):
    """An unchanged record: its keys as they are, "scope" added after the last key that precedes it."""
    out = OrderedDict()
    keys = list(m)
    last = max(i for i, k in enumerate(keys) if k in BEFORE_SCOPE)
    for i, k in enumerate(keys):
        out[k] = m[k]
        if i == last:
            out["scope"] = scope
    return out


def new_property(text):
    return text.replace(" (new)", "").split()[0]


def apply(seed_no, path, doc, items, log):
    materials = {m["key"]: m for m in doc["papers"][0]["materials"]}
    by_record = OrderedDict()
    for c in items:
        by_record.setdefault((c["material"], c["measurement"]), []).append(c)
    removed = set()
    touched = set()  # records changed beyond their scope: rewritten in the schema's key order
    scopes = {}
    replaced = {}
    for (mk, idx), changes in by_record.items():
        m = materials[mk]["measurements"][idx]
        key = (seed_no, mk, idx)
        for c in changes:
            assert m["property"] == c["property"], (key, m["property"], c["property"])
            cat, action, field, new = c["category"], c["action"], c["field"], c["new"]
            if cat == "scope":
                scopes[(mk, idx)] = new
                continue
            touched.add((mk, idx))
            if action == "remove":
                removed.add((mk, idx))
            elif cat == "range":
                m.pop("value", None)
                m["min"], m["max"] = new["min"], new["max"]
                m.update(RANGE_OVERRIDE.get(key, {}))
                m["reported"] = REPORTED.get(key, new["reported"])
                if "qualifier" in new:
                    m["qualifier"] = new["qualifier"]
                if new.get("source") == "stated":
                    m.pop("source", None)  # stated is the default; the files leave it out
            elif cat == "condition-range":
                m.setdefault("conditions", {})["sulfurLoading"] = new
            elif cat == "derived" and action == "keep":
                m["derivation"] = DERIVATION[key]
            elif cat == "derived" and action == "convert":
                pass  # the range entry of the same record makes it a stated range
            elif action == "replace":
                replaced[(mk, idx)] = RESISTIVITY
            elif cat == "wrong-record" and field == "conditions.counterElectrode":
                m["conditions"]["counterElectrode"] = "Na"
                m["conditions"]["workingElectrode"] = "Cu"
            elif cat == "wrong-record" and field == "measurement":
                m["subject"] = SUBJECT[key]  # scope "reference" comes from its §1 entry
            elif field == "property":
                m["property"] = new_property(new)
                if m["property"] == "transformation_temperature":
                    scopes.setdefault((mk, idx), "precursor")
            elif field == "unit" and cat == "overloaded":
                m["unit"], m["unitReadAs"] = "S cm-2", "S cm-1"
            elif field == "unit" and cat == "unit-supplied":
                m["unitReadAs"], m["unit"] = m["unit"], ""
            elif field == "qualifier":
                m["qualifier"] = new
            else:
                raise SystemExit(f"unhandled plan item {c}")
            log.append((cat, action, key))
        if key in NOTE:
            if NOTE[key] is DELETE:
                m.pop("note", None)
            else:
                m["note"] = NOTE[key]
    extra_notes = {k for k in NOTE if k[0] == seed_no} - {(seed_no, mk, i) for (mk, i) in touched}
    assert not extra_notes, extra_notes

    REMOVED[path] = removed
    for mk, material in materials.items():
        out = []
        for idx, m in enumerate(material["measurements"]):
            if (mk, idx) in removed:
                continue
            if (mk, idx) in replaced:
                out.append(replaced[(mk, idx)])
                continue
            scope = scopes.get((mk, idx), "material")
            if (mk, idx) in touched:
                m["scope"] = scope
                if "conditions" in m:
                    m["conditions"] = ordered(m["conditions"], CONDITION_KEYS)
                out.append(ordered(m, MEASUREMENT_KEYS))
            else:
                out.append(with_scope(m, scope))
        material["measurements"] = out
    return doc


CATEGORY_TITLES = [
    ("scope", "§1 Scope"),
    ("range", "§2a Ranges (representative value dropped)"),
    ("condition-range", "§2b Condition ranges (Table 1 sulfur loading)"),
    ("derived", "§3 Derived values"),
    ("wrong-record", "§4 Wrong records"),
    ("overloaded", "§5 Overloaded properties, units, qualifiers, first-cycle capacities"),
    ("unit-supplied", "§5 Units the paper does not print"),
]


def num(v):
    return json.dumps(v, ensure_ascii=False)


def shown(m):
    """A measurement's number as a reader sees it: ≈2600, 2–5 (as "≈ 2 to 5 μm"), with its unit."""
    q = m.get("qualifier", "")
    n = f"{num(m['min'])}–{num(m['max'])}" if "min" in m and "value" not in m else num(m.get("value"))
    unit = m.get("unit", "")
    read = f" (read as {m['unitReadAs']})" if "unitReadAs" in m else ""
    return f"{q}{n} {unit}".strip() + read


def change_text(c, old, new):
    cat, action, field = c["category"], c["action"], c["field"]
    if action == "remove":
        return f"{old['property']} {shown(old)}{' (derived)' if old.get('source') == 'derived' else ''} → **removed**"
    if cat == "scope":
        return f"scope material → **{new['scope']}**"
    if cat == "range":
        src = " (derived → stated)" if old.get("source") == "derived" and new.get("source") != "derived" else ""
        return f"value {num(old['value'])} (min {num(old['min'])}, max {num(old['max'])}) → **{shown(new)}**, reported “{new['reported']}”{src}"
    if cat == "condition-range":
        sl = new["conditions"]["sulfurLoading"]
        return f"conditions.sulfurLoading — → **{num(sl['min'])}–{num(sl['max'])} {sl['unit']}** (reported “{sl['reported']}”)"
    if cat == "derived" and action == "keep":
        d = new["derivation"]
        ins = "; ".join(
            f"{k} = {num(v['value']) if 'value' in v else num(v['min']) + '–' + num(v['max'])} {v['unit']}" for k, v in d["inputs"].items()
        )
        return f"stays derived, {shown(new)}; + derivation `{d['formula']}` ({ins}), each input with its quote"
    if cat == "derived" and action == "convert":
        return f"source derived (midpoint {num(old['value'])}) → **stated range** {shown(new)}"
    if action == "replace":
        return f"{old['property']} {shown(old)} (derived) → **{new['property']} {shown(new)}**, stated, scope {new['scope']}"
    if field == "conditions.counterElectrode":
        return "conditions.counterElectrode Cu → **Na**, + workingElectrode **Cu**"
    if cat == "wrong-record" and field == "measurement":
        return f"subject “{old.get('subject')}” → **“{new['subject']}”** (scope reference, §1)"
    if field == "property":
        extra = f", scope {new['scope']}" if new["property"] == "transformation_temperature" else ""
        return f"property {old['property']} → **{new['property']}**{extra}"
    if field == "unit":
        return f"unit “{old['unit']}” → **“{new['unit']}”** + unitReadAs “{new['unitReadAs']}”"
    if field == "qualifier":
        return f"qualifier — → **{new['qualifier']}**"
    raise SystemExit(f"no text for {c}")


def cell(t):
    return t.replace("|", "\\|").replace("\t", " ⇥ ").replace("\n", " ")


def report(plan, befores, afters):
    """seed/review/2026-12-01-applied.md: every record changed, by paper and category."""
    out = [
        "# Issue 14 — plan applied to the seed (2026-12-01)",
        "",
        f"What `seed/review/apply-2026-12-01.py` did to the five seed files (from git {BASE}) by the plan "
        "`seed/review/2026-12-01-scope-ranges-derived.{md,json}`. `[i]` is the record's index in its material's "
        "`measurements[]` before the change (the plan's index). Bold is the new state. The words are the plan's `words`, "
        "copied from the paper (⇥ a tab of a table). Generated by the script (`--report`); the hand-settled points follow the tables.",
        "",
    ]
    counts = {}
    for path in sorted(befores):
        seed_no = path.split("/")[-1][:3]
        out += [f"## {seed_no} — `{path}`", ""]
        for cat, title in CATEGORY_TITLES:
            items = [c for c in plan["changes"] if c["seed"] == path and c["category"] == cat]
            if not items:
                continue
            out += [f"### {title} ({len(items)})", "", "| material [i] | property = value | old → new | paper's words |", "|---|---|---|---|"]
            for c in items:
                counts[(cat, c["action"])] = counts.get((cat, c["action"]), 0) + 1
                old = befores[path][(c["material"], c["measurement"])]
                new = afters[path].get((c["material"], c["measurement"]))
                words = " / ".join(f"“{w}”" for w in c["words"])
                out.append(f"| `{c['material']}` [{c['measurement']}] | {old['property']} = {cell(shown(old))} | {cell(change_text(c, old, new))} | {cell(words)} |")
            out.append("")
    out += ["## Counts", "", "| category | action | records |", "|---|---|---|"]
    out += [f"| {c} | {a} | {n} |" for (c, a), n in sorted(counts.items())]
    out += ["", open("seed/review/2026-12-01-applied.notes.md", encoding="utf-8").read().rstrip("\n"), ""]
    with open("seed/review/2026-12-01-applied.md", "w", encoding="utf-8") as f:
        f.write("\n".join(out))


def main():
    check = "--check" in sys.argv
    plan = json.load(open(PLAN, encoding="utf-8"))
    seeds = sorted({c["seed"] for c in plan["changes"]})
    log = []
    differs = []
    befores, afters = {}, {}
    for path in seeds:
        seed_no = path.split("/")[-1][:3]
        text = subprocess.run(["git", "show", f"{BASE}:{path}"], capture_output=True, check=True, text=True, encoding="utf-8").stdout
        doc = json.loads(text, object_pairs_hook=OrderedDict)
        # The files are written as json.dumps(indent=2, ensure_ascii=False) writes them, no final newline.
        assert json.dumps(doc, indent=2, ensure_ascii=False) == text, f"{path}: not in the expected formatting"
        items = [c for c in plan["changes"] if c["seed"] == path]
        befores[path] = {
            (m["key"], i): json.loads(json.dumps(x)) for m in doc["papers"][0]["materials"] for i, x in enumerate(m["measurements"])
        }
        result = apply(seed_no, path, doc, items, log)
        out = json.dumps(result, indent=2, ensure_ascii=False)
        # The record each plan item became, by its index before the change (removed records are absent).
        after = {}
        for m in result["papers"][0]["materials"]:
            kept = [i for i in range(sum(1 for k in befores[path] if k[0] == m["key"])) if (m["key"], i) not in REMOVED[path]]
            for i, x in zip(kept, m["measurements"]):
                after[(m["key"], i)] = x
        afters[path] = after
        if check:
            if open(path, encoding="utf-8").read() != out:
                differs.append(path)
        else:
            with open(path, "w", encoding="utf-8") as f:
                f.write(out)
    counts = {}
    for cat, action, _ in log:
        counts[(cat, action)] = counts.get((cat, action), 0) + 1
    print(f"{sum(1 for c in plan['changes'] if c['category'] == 'scope')} scope items; other items applied: " + ", ".join(f"{c}/{a} {n}" for (c, a), n in sorted(counts.items())))
    if "--report" in sys.argv:
        report(plan, befores, afters)
    if differs:
        print("differ from the plan's result:", *differs)
        sys.exit(1)


if __name__ == "__main__":
    main()
