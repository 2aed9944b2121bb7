import type { MeasurementGroup, MeasurementView } from "@/lib/materials";
import { OWN_SCOPE, SCOPE_TEXT, type Scope } from "@/lib/records/scope";
import { formatAmount } from "@/lib/units/display";
import type { Derivation } from "@/lib/records/schema";
import { PaperQuote, PaperText } from "./PaperText";
import { QuoteReveal } from "./QuoteReveal";

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
            {input.quote ? <PaperQuote className="ml-1" text={input.quote} /> : null}
          </li>
        ))}
      </ul>
    </details>
  );
}

function ValueCell({ m }: { m: MeasurementView }) {
  return (
    <td className="py-1.5 pr-2 font-medium tabular-nums max-sm:block max-sm:py-0.5">
      <span data-testid="value">{m.display}</span>
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
      {m.printed ? (
        <div className="mt-0.5 text-xs font-normal text-slate-500" data-testid="printed">
          printed as “<PaperText text={m.printed} />”
        </div>
      ) : null}
      {m.subject ? <div className="text-xs font-normal text-slate-500">{m.subject}</div> : null}
      {m.derivation ? <DerivationView derivation={m.derivation} /> : null}
    </td>
  );
}

/**
 * A material's measurements of one property: value (or range), conditions and the paper's words
 * for each. A group folds (<details>, open at first) so a long page can be read a property at a
 * time; its id is the jump list's anchor. On a phone each row stacks and its quote opens on tap.
 */
export function MeasurementTable({ group, anchor }: { group: MeasurementGroup; anchor?: string }) {
  return (
    <details open id={anchor} className="group/m mt-4 scroll-mt-4" data-property={group.property.key} data-fold="measurements">
      <summary className="cursor-pointer rounded marker:text-slate-400">
        <h3 className="inline font-medium">
          {group.property.label} <span className="text-sm font-normal text-slate-500">({group.property.display})</span>{" "}
          <span className="text-sm font-normal text-slate-500">· {group.items.length}</span>
        </h3>
      </summary>
      <table className="mt-1 w-full table-fixed border-collapse text-sm max-sm:block">
        <thead className="max-sm:hidden">
          <tr className="border-b border-slate-200 text-left text-slate-500">
            <th className="w-44 py-1 font-normal">Value</th>
            <th className="w-72 py-1 font-normal">Conditions</th>
            <th className="py-1 font-normal">Quote</th>
          </tr>
        </thead>
        <tbody className="max-sm:block">
          {group.items.map((m) => (
            <tr key={m.id} className="border-b border-slate-100 align-top max-sm:block max-sm:py-1.5" data-testid="measurement" data-scope={m.scope}>
              <ValueCell m={m} />
              <td className="py-1.5 pr-2 text-slate-700 max-sm:block max-sm:py-0.5">
                {m.conditionsText || <span className="text-slate-400">no conditions stated</span>}
                {m.rateWithoutOneC ? (
                  <div className="mt-0.5 text-xs text-slate-500" data-testid="rate-without-one-c">
                    {RATE_WITHOUT_ONE_C}
                  </div>
                ) : null}
              </td>
              <td className="py-1.5 text-slate-600 max-sm:block max-sm:py-0.5">
                <QuoteReveal location={m.location}>
                  <PaperQuote text={m.quote} />
                  {m.location ? <span className="ml-1 text-xs text-slate-400 max-sm:hidden">({m.location})</span> : null}
                </QuoteReveal>
                {m.note ? <div className="mt-0.5 text-xs text-amber-800">Note: {m.note}</div> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
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
        <div key={scope} id={`scope-${scope}`} className="scroll-mt-4" data-testid={`scope-${scope}`}>
          <h3 className="text-lg font-semibold">{SCOPE_TEXT[scope].heading}</h3>
          <p className="text-sm text-slate-500">{SCOPE_TEXT[scope].description}</p>
          {groups.map((group) => (
            <MeasurementTable key={group.property.key} group={group} anchor={groupAnchor(scope, group.property.key)} />
          ))}
        </div>
      ))}
    </section>
  );
}

/** The id a group of measurements is jumped to by: "p-specific_capacity" (the material's own), "model-adsorption_energy". */
export function groupAnchor(scope: Scope, property: string): string {
  return scope === OWN_SCOPE ? `p-${property}` : `${scope}-${property}`;
}
