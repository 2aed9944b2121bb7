import { FORMULAS } from "@/lib/formulas/catalogue";
import { paperEditPath } from "@/lib/materials/paths";
import { IDENTIFIER_FORMS } from "@/lib/records/identifiers";
import type { PaperForm } from "@/lib/editing/form";
import { SelectField, TextField } from "./fields";
import type { Edit } from "./editorState";
import type { DoiConflict } from "./useDoiCheck";

export function PaperStep({ paper: p, edit, doiConflict, mode }: { paper: PaperForm; edit: Edit; doiConflict: DoiConflict | null; mode: "new" | "edit" }) {
  const set = (key: Exclude<keyof PaperForm, "formulas">) => (value: string) => edit((d) => void (d.paper[key] = value));
  return (
    <div className="grid gap-3 md:grid-cols-6">
      <div className="md:col-span-3">
        <TextField
          path="doi"
          label="DOI"
          value={p.doi}
          onChange={set("doi")}
          placeholder="10.1007/s40820-025-01858-2"
          hint={
            mode === "edit"
              ? "The DOI identifies the paper; to change it, add the paper anew."
              : "Leave empty if the paper has none, and give another identifier below."
          }
        />
        {doiConflict ? (
          <p className="mt-1 rounded border border-amber-300 bg-amber-50 px-2 py-1 text-sm text-amber-900" role="status" data-testid="doi-conflict">
            This DOI is already in the knowledge base:{" "}
            <a className="text-brand underline" href={doiConflict.path}>
              {doiConflict.title}
            </a>{" "}
            (
            <a className="text-brand underline" href={paperEditPath(doiConflict.doi)}>
              edit it
            </a>
            )
          </p>
        ) : null}
      </div>
      <TextField
        className="md:col-span-3"
        path="identifier"
        label="Other identifier (only without a DOI)"
        value={p.identifier}
        onChange={set("identifier")}
        placeholder="arXiv:2401.01234"
        hint={`For a preprint, book, thesis or report: ${IDENTIFIER_FORMS}. Never make up a DOI.`}
      />
      <SelectField className="md:col-span-3" path="kind" label="Kind" value={p.kind} onChange={set("kind")} options={["research article", "review"]} required />
      <TextField className="md:col-span-6" path="title" label="Title" value={p.title} onChange={set("title")} required />
      <TextField className="md:col-span-3" path="journal" label="Journal" value={p.journal} onChange={set("journal")} required />
      <TextField className="md:col-span-1" path="year" label="Year" value={p.year} onChange={set("year")} required inputMode="numeric" />
      <TextField className="md:col-span-1" path="volume" label="Volume" value={p.volume} onChange={set("volume")} />
      <TextField className="md:col-span-1" path="issue" label="Issue" value={p.issue} onChange={set("issue")} />
      <TextField className="md:col-span-2" path="articleNumber" label="Article number" value={p.articleNumber} onChange={set("articleNumber")} />
      <TextField className="md:col-span-2" path="pages" label="Pages" value={p.pages} onChange={set("pages")} />
      <TextField className="md:col-span-2" path="license" label="Licence" value={p.license} onChange={set("license")} placeholder="CC BY 4.0" />
      <TextField
        className="md:col-span-3"
        path="authors"
        label="Authors (one a line, in order)"
        value={p.authors}
        onChange={set("authors")}
        multiline={4}
        required
      />
      <TextField className="md:col-span-3" path="keywords" label="Keywords (one a line)" value={p.keywords} onChange={set("keywords")} multiline={4} />
      <TextField className="md:col-span-6" path="abstract" label="Abstract" value={p.abstract} onChange={set("abstract")} multiline={4} />
      <details className="md:col-span-6 rounded border border-slate-200 p-2" open={p.formulas.length > 0 || undefined}>
        <summary className="cursor-pointer text-sm font-medium text-slate-700">
          Formulas the paper uses (optional{p.formulas.length ? `: ${p.formulas.length} ticked` : ""})
        </summary>
        <p className="mt-1 text-xs text-slate-500">
          Tick the analysis formulas the paper applies (capacity retention, diffusion coefficient from GITT, …): matlit recomputes its derived figures with them
          and flags numbers that disagree.
        </p>
        <fieldset className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3" aria-label="Formulas the paper uses">
          {FORMULAS.map((f) => (
            <label key={f.key} className="flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                checked={p.formulas.includes(f.key)}
                onChange={(e) =>
                  edit((d) => void (d.paper.formulas = e.target.checked ? [...d.paper.formulas, f.key] : d.paper.formulas.filter((k) => k !== f.key)))
                }
              />
              {f.name}
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
}
