import type { MeasurementGroup, MeasurementView } from "@/lib/materials";
import { SCOPE_TEXT, type Scope } from "@/lib/records/scope";
import { formatAmount } from "@/lib/units/display";
import type { Derivation } from "@/lib/records/schema";
import { PaperText } from "./PaperText";

const RATE_WITHOUT_ONE_C =
  "Only a C-rate is given and the paper does not define 1C, so it cannot be converted to a current density or meet a current-density bound.";

/** How matlit computed a derived number: the formula and each input the paper states. */
function DerivationView({ derivation }: { derivation: Derivation }) {
  return (
    <details className="mt-0.5 text-xs font-normal text-slate-600">
      <summary className="cursor-pointer text-amber-800">computed as {derivation.formula}</summary>
      <ul className="mt-0.5 space-y-0.5">
        {Object.entries(derivation.inputs).map(([name, input]) => (
          <li key={name}>
            <span className="font-mono">{name}</span> = {formatAmount(input, input.unit)}
            {input.quote ? (
              <q className="ml-1 italic">
                <PaperText text={input.quote} />
              </q>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

function ValueCell({ m }: { m: MeasurementView }) {
  return (
    <td className="py-1.5 pr-2 font-medium tabular-nums">
      {m.display}
      {m.value === null ? (
        <span
          className="ml-1 rounded bg-sky-100 px-1 text-xs font-normal text-sky-800"
          title="the paper states a range; search reads it by overlap unless asked for containment"
        >
          range
        </span>
      ) : null}
      {m.source === "derived" ? (
        <span
          className="ml-1 rounded bg-amber-100 px-1 text-xs font-normal text-amber-800"
          title="computed by matlit from numbers the paper states; not counted as stated in search"
        >
          derived
        </span>
      ) : null}
      {m.reported ? (
        <div className="text-xs font-normal text-slate-500">
          as printed: <PaperText text={m.reported} />
        </div>
      ) : null}
      {m.subject ? <div className="text-xs font-normal text-slate-500">{m.subject}</div> : null}
      {m.derivation ? <DerivationView derivation={m.derivation} /> : null}
    </td>
  );
}

/** A material's measurements of one property: value (or range), conditions and the paper's words for each. */
export function MeasurementTable({ group }: { group: MeasurementGroup }) {
  return (
    <div className="mt-4" data-property={group.property.key}>
      <h3 className="font-medium">
        {group.property.label} <span className="text-sm font-normal text-slate-500">({group.property.display})</span>
      </h3>
      <table className="mt-1 w-full table-fixed border-collapse text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-left text-slate-500">
            <th className="w-44 py-1 font-normal">Value</th>
            <th className="w-72 py-1 font-normal">Conditions</th>
            <th className="py-1 font-normal">Quote</th>
          </tr>
        </thead>
        <tbody>
          {group.items.map((m) => (
            <tr key={m.id} className="border-b border-slate-100 align-top" data-testid="measurement" data-scope={m.scope}>
              <ValueCell m={m} />
              <td className="py-1.5 pr-2 text-slate-700">
                {m.conditionsText || <span className="text-slate-400">–</span>}
                {m.rateWithoutOneC ? (
                  <div className="mt-0.5 text-xs text-slate-500" data-testid="rate-without-one-c">
                    {RATE_WITHOUT_ONE_C}
                  </div>
                ) : null}
              </td>
              <td className="py-1.5 text-slate-600">
                <q className="italic">
                  <PaperText text={m.quote} />
                </q>
                {m.location ? <span className="ml-1 text-xs text-slate-400">({m.location})</span> : null}
                {m.note ? <div className="mt-0.5 text-xs text-amber-800">Note: {m.note}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Numbers filed with a material that are not about the material itself, under their scope's heading. */
export function OtherScopes({ scopes }: { scopes: { scope: Scope; groups: MeasurementGroup[] }[] }) {
  if (!scopes.length) return null;
  return (
    <section aria-labelledby="other-scopes" className="space-y-6">
      <div>
        <h2 id="other-scopes" className="text-xl font-semibold">
          Also stated in the paper, not about the material itself
        </h2>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Search, comparisons and derived figures leave these out unless asked; each says what it is about.
        </p>
      </div>
      {scopes.map(({ scope, groups }) => (
        <div key={scope} data-testid={`scope-${scope}`}>
          <h3 className="text-lg font-semibold">{SCOPE_TEXT[scope].heading}</h3>
          <p className="text-sm text-slate-500">{SCOPE_TEXT[scope].description}</p>
          {groups.map((group) => (
            <MeasurementTable key={group.property.key} group={group} />
          ))}
        </div>
      ))}
    </section>
  );
}
