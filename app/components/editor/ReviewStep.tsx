"use client";

import { Fragment, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { Extraction } from "@/lib/extract/record";
import { describeCandidate } from "@/lib/extract/describe";
import type { EditorState } from "@/lib/editing/form";
import { acceptAbove, decide, editCandidate, startReview, type Decision, type ReviewCandidate, type ReviewState } from "@/lib/editing/review";
import { PROPERTIES } from "@/lib/units/properties";
import { parseNumber } from "@/lib/units/numbers";
import type { Edit } from "./editorState";
import { csrfToken } from "./api";
import { inputClass, primaryButton, secondaryButton } from "./fields";

const FORMATS = [
  { value: "", label: "recognise from the content" },
  { value: "text", label: "plain text" },
  { value: "pdf", label: "PDF" },
  { value: "xml", label: "publisher XML (JATS, Wiley)" },
  { value: "html", label: "HTML saved from a publisher page" },
  { value: "bibtex", label: "BibTeX" },
  { value: "ris", label: "RIS" },
];

/** Sends the text or the file to the extractor; the answer starts the review. */
async function extractOnServer(body: Blob | string, name: string, format: string): Promise<Extraction> {
  const params = new URLSearchParams({ name, ...(format ? { format } : {}) });
  const response = await fetch(`/api/extract?${params}`, {
    method: "POST",
    credentials: "same-origin",
    headers: { "X-CSRF-Token": csrfToken(), "Content-Type": typeof body === "string" ? "text/plain; charset=utf-8" : body.type || "application/octet-stream" },
    body,
  });
  const data = (await response.json().catch(() => null)) as (Extraction & { error?: { message: string } }) | null;
  if (!response.ok) throw new Error(data?.error?.message ?? `${response.status} ${response.statusText}`);
  return data!;
}

/** "Start from a text or a file": paste or upload, then review. */
function StartFromText({ onExtracted }: { onExtracted: (extraction: Extraction, source: string) => void }) {
  const [text, setText] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setError(null);
    if (!file && !text.trim()) return setError("Paste a text or choose a file first.");
    setBusy(true);
    try {
      const source = file ? file.name : "pasted text";
      onExtracted(await extractOnServer(file ?? text, source, format), source);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600">
        Paste a paper&apos;s text (an abstract is enough) or upload its PDF, publisher XML, saved HTML, BibTeX or RIS file. matlit proposes the measurements,
        materials and synthesis steps it finds, each with the sentence that states it; you accept, edit or reject each one, and only what you accept goes into
        the draft.
      </p>
      <div>
        <label htmlFor="extract-text" className="block text-sm font-medium text-slate-700">
          Paste a text
        </label>
        <textarea id="extract-text" rows={8} className={inputClass} value={text} onChange={(e) => setText(e.target.value)} disabled={!!file} />
      </div>
      <div className="flex flex-wrap items-end gap-4">
        <div>
          <label htmlFor="extract-file" className="block text-sm font-medium text-slate-700">
            or upload a file
          </label>
          <input
            id="extract-file"
            type="file"
            accept=".pdf,.xml,.html,.htm,.txt,.md,.bib,.ris,application/pdf,text/*"
            className="text-sm"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </div>
        <div>
          <label htmlFor="extract-format" className="block text-sm font-medium text-slate-700">
            Format
          </label>
          <select id="extract-format" className={inputClass} value={format} onChange={(e) => setFormat(e.target.value)}>
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className={primaryButton} onClick={() => void run()} disabled={busy}>
          {busy ? "Reading…" : "Find candidates"}
        </button>
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

const DECISION_STYLE: Record<Decision, string> = {
  pending: "bg-amber-100",
  accepted: "bg-green-200",
  rejected: "bg-slate-200 line-through decoration-slate-500",
};

/** The text with every candidate's span marked; a click on a mark selects its candidate. */
function MarkedText({ review, selected, onSelect }: { review: ReviewState; selected: string | null; onSelect: (id: string) => void }) {
  const pieces = useMemo(() => {
    // Spans may nest (a number inside a synthesis clause): cut the text at every edge, each piece marked by the innermost span over it.
    const edges = [...new Set([0, review.text.length, ...review.candidates.flatMap((c) => [c.start, c.end])])].sort((a, b) => a - b);
    return edges.slice(0, -1).map((from, i) => {
      const to = edges[i + 1]!;
      const over = review.candidates.filter((c) => c.start <= from && c.end >= to).sort((a, b) => a.end - a.start - (b.end - b.start));
      return { from, to, candidate: over[0], starts: review.candidates.filter((c) => c.start === from).map((c) => c.id) };
    });
  }, [review.text, review.candidates]);
  return (
    <div
      className="max-h-[70vh] overflow-y-auto whitespace-pre-wrap rounded border border-slate-200 bg-white p-3 text-sm leading-relaxed"
      data-testid="review-text"
    >
      {pieces.map((p) => {
        const text = review.text.slice(p.from, p.to);
        const anchors = p.starts.map((id) => <span key={id} id={`span-${id}`} />);
        if (!p.candidate)
          return (
            <Fragment key={p.from}>
              {anchors}
              {text}
            </Fragment>
          );
        const c = p.candidate;
        return (
          <Fragment key={p.from}>
            {anchors}
            <mark
              className={`cursor-pointer rounded-sm ${DECISION_STYLE[c.decision]} ${selected === c.id ? "outline outline-2 outline-brand" : ""}`}
              title={`${describeCandidate(c)} (${c.decision})`}
              onClick={() => onSelect(c.id)}
            >
              {text}
            </mark>
          </Fragment>
        );
      })}
    </div>
  );
}

interface EditValues {
  material: string;
  property: string;
  amount: string;
  unit: string;
  action: string;
}

/** "12.5" → a value, "1–4.1" → a range; null when neither. */
function readAmount(text: string): { value: number } | { min: number; max: number } | null {
  const range = /^\s*(.+?)\s*(?:–|—|to|-(?=\s*\d))\s*(.+?)\s*$/.exec(text);
  if (range) {
    const [min, max] = [parseNumber(range[1]!), parseNumber(range[2]!)];
    if (min !== null && max !== null) return { min, max };
  }
  const value = parseNumber(text);
  return value === null ? null : { value };
}

function CandidateEditor({
  c,
  materials,
  onSave,
  onCancel,
}: {
  c: ReviewCandidate;
  materials: { key: string; name: string }[];
  onSave: (v: EditValues) => void;
  onCancel: () => void;
}) {
  const m = c.measurement;
  const [values, setValues] = useState<EditValues>({
    material: c.material,
    property: m?.property ?? "",
    amount: m ? (m.value !== undefined ? String(m.value) : `${m.min}–${m.max}`) : "",
    unit: m?.unit ?? "",
    action: c.step?.action ?? "",
  });
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof EditValues) => (e: { target: { value: string } }) => setValues({ ...values, [k]: e.target.value });
  const save = () => {
    if (m && !readAmount(values.amount)) return setError(`"${values.amount}" is not a number or a range (12.5, or 1–4.1)`);
    if (!m && !values.action.trim()) return setError("name the step's action");
    onSave(values);
  };
  const id = (k: string) => `edit-${c.id}-${k}`;
  return (
    <div
      className="mt-2 grid gap-2 rounded border border-slate-300 bg-slate-50 p-2 sm:grid-cols-2"
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === "Escape") onCancel();
        if (e.key === "Enter" && (e.target as HTMLElement).tagName !== "SELECT") save();
      }}
    >
      <label className="text-xs" htmlFor={id("material")}>
        Material
        <select id={id("material")} className={inputClass} value={values.material} onChange={set("material")}>
          {materials.map((x) => (
            <option key={x.key} value={x.key}>
              {x.name}
            </option>
          ))}
        </select>
      </label>
      {m ? (
        <>
          <label className="text-xs" htmlFor={id("property")}>
            Property
            <select id={id("property")} className={inputClass} value={values.property} onChange={set("property")}>
              {PROPERTIES.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.label} ({p.display})
                </option>
              ))}
            </select>
          </label>
          <label className="text-xs" htmlFor={id("amount")}>
            Value or range
            <input id={id("amount")} className={inputClass} value={values.amount} onChange={set("amount")} autoFocus />
          </label>
          <label className="text-xs" htmlFor={id("unit")}>
            Unit
            <input id={id("unit")} className={inputClass} value={values.unit} onChange={set("unit")} />
          </label>
        </>
      ) : (
        <label className="text-xs" htmlFor={id("action")}>
          Action
          <input id={id("action")} className={inputClass} value={values.action} onChange={set("action")} autoFocus />
        </label>
      )}
      {error ? (
        <p role="alert" className="text-xs text-red-800 sm:col-span-2">
          {error}
        </p>
      ) : null}
      <div className="flex gap-2 sm:col-span-2">
        <button type="button" className={primaryButton} onClick={save}>
          Save and accept
        </button>
        <button type="button" className={secondaryButton} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

/** The review: the text on one side, the candidates on the other; keyboard: ↑/↓ (j/k) move, a accept, r reject, e edit, u undecide. */
function ReviewPanel({
  review,
  materials,
  edit,
  onRestart,
}: {
  review: ReviewState;
  materials: { key: string; name: string }[];
  edit: Edit;
  onRestart: () => void;
}) {
  const [selected, setSelected] = useState<string | null>(review.candidates[0]?.id ?? null);
  const [editing, setEditing] = useState<string | null>(null);
  const [threshold, setThreshold] = useState("0.8");
  const [announce, setAnnounce] = useState("");
  const listRef = useRef<HTMLOListElement>(null);
  const counts = { pending: 0, accepted: 0, rejected: 0 } as Record<Decision, number>;
  for (const c of review.candidates) counts[c.decision]++;

  const select = (id: string, scrollText: boolean) => {
    setSelected(id);
    if (scrollText) document.getElementById(`span-${id}`)?.scrollIntoView({ block: "center", behavior: "smooth" });
    else document.getElementById(`cand-${id}`)?.scrollIntoView({ block: "nearest", behavior: "smooth" });
  };
  const setDecision = (id: string, decision: Decision) => {
    edit((d) => decide(d, id, decision));
    setAnnounce(`${decision === "pending" ? "undecided" : decision}: candidate ${id}`);
  };
  const move = (step: number) => {
    const i = review.candidates.findIndex((c) => c.id === selected);
    const next = review.candidates[Math.min(review.candidates.length - 1, Math.max(0, i + step))];
    if (next) {
      select(next.id, true);
      document.getElementById(`cand-${next.id}`)?.scrollIntoView({ block: "nearest" });
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (editing || e.altKey || e.ctrlKey || e.metaKey) return;
    const actions: Record<string, () => void> = {
      ArrowDown: () => move(1),
      j: () => move(1),
      ArrowUp: () => move(-1),
      k: () => move(-1),
      a: () => selected && setDecision(selected, "accepted"),
      r: () => selected && setDecision(selected, "rejected"),
      u: () => selected && setDecision(selected, "pending"),
      e: () => selected && setEditing(selected),
    };
    const action = actions[e.key];
    if (action) {
      e.preventDefault();
      action();
    }
  };

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <span data-testid="review-counts">
          From {review.source}: {review.candidates.length} candidates — {counts.accepted} accepted, {counts.rejected} rejected, {counts.pending} to review
        </span>
        <label htmlFor="accept-threshold" className="ml-auto">
          Undecided with confidence ≥
        </label>
        <select id="accept-threshold" className="rounded border border-slate-300 px-1 py-0.5" value={threshold} onChange={(e) => setThreshold(e.target.value)}>
          {["0.9", "0.8", "0.6", "0.4"].map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
        <button
          type="button"
          className={secondaryButton}
          onClick={() => {
            let n = 0;
            edit((d) => void (n = acceptAbove(d, Number(threshold))));
            setAnnounce(`accepted ${n} candidate(s)`);
          }}
        >
          Accept all
        </button>
        <button type="button" className="text-sm text-slate-600 underline" onClick={onRestart}>
          Start from another text
        </button>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <MarkedText review={review} selected={selected} onSelect={(id) => select(id, false)} />
        <div>
          <p className="mb-1 text-xs text-slate-500" id="review-keys">
            Keys in the list: ↑/↓ or j/k move, a accept, r reject, e edit, u undecide. Click a row to see its sentence; click a mark to find its row.
          </p>
          <ol
            ref={listRef}
            tabIndex={0}
            aria-label="Candidates"
            aria-describedby="review-keys"
            aria-activedescendant={selected ? `cand-${selected}` : undefined}
            onKeyDown={onKeyDown}
            className="max-h-[70vh] space-y-1 overflow-y-auto rounded border border-slate-200 p-1 focus:outline-2 focus:outline-brand"
            data-testid="review-candidates"
          >
            {review.candidates.map((c) => (
              <li
                key={c.id}
                id={`cand-${c.id}`}
                aria-selected={selected === c.id}
                data-decision={c.decision}
                className={`rounded border px-2 py-1 text-sm ${selected === c.id ? "border-brand bg-sky-50" : "border-slate-200"} ${c.decision === "rejected" ? "opacity-60" : ""}`}
                onClick={() => select(c.id, true)}
              >
                <div className="flex flex-wrap items-baseline gap-2">
                  <span className="font-medium">{describeCandidate(c)}</span>
                  <span className="text-xs text-slate-500">
                    {materials.find((x) => x.key === c.material)?.name ?? c.material} · confidence {c.confidence.toFixed(1)}
                  </span>
                  <span
                    className={`ml-auto rounded px-1.5 text-xs ${c.decision === "accepted" ? "bg-green-100 text-green-900" : c.decision === "rejected" ? "bg-slate-200" : "bg-amber-100"}`}
                  >
                    {c.decision === "pending" ? "to review" : c.decision}
                  </span>
                </div>
                <p className="text-xs text-slate-500">{c.problem ? `Cannot be accepted as it stands: ${c.problem}. Edit it.` : c.reason}</p>
                <div className="mt-1 flex gap-2 text-xs">
                  <button
                    type="button"
                    className="text-green-800 underline disabled:opacity-40"
                    disabled={!!c.problem}
                    onClick={(e) => (e.stopPropagation(), setDecision(c.id, "accepted"))}
                  >
                    Accept
                  </button>
                  <button
                    type="button"
                    aria-label={`Edit: ${describeCandidate(c)}`}
                    className="text-brand underline"
                    onClick={(e) => (e.stopPropagation(), setSelected(c.id), setEditing(c.id))}
                  >
                    Edit
                  </button>
                  <button
                    type="button"
                    aria-label={`Reject: ${describeCandidate(c)}`}
                    className="text-red-800 underline"
                    onClick={(e) => (e.stopPropagation(), setDecision(c.id, "rejected"))}
                  >
                    Reject
                  </button>
                </div>
                {editing === c.id ? (
                  <CandidateEditor
                    c={c}
                    materials={materials}
                    onCancel={() => {
                      setEditing(null);
                      listRef.current?.focus();
                    }}
                    onSave={(v) => {
                      const amount = readAmount(v.amount);
                      edit((d) =>
                        editCandidate(d, c.id, {
                          material: v.material,
                          ...(c.measurement && amount ? { measurement: { property: v.property as never, unit: v.unit, ...amount } } : {}),
                          ...(c.step ? { step: { action: v.action } } : {}),
                        }),
                      );
                      setEditing(null);
                      setAnnounce(`edited and accepted: candidate ${c.id}`);
                      listRef.current?.focus();
                    }}
                  />
                ) : null}
              </li>
            ))}
          </ol>
        </div>
      </div>
    </div>
  );
}

/** The editor's first step: start from a text or a file, then review what was found. */
export function ReviewStep({ state, edit, replaceState }: { state: EditorState; edit: Edit; replaceState: (s: EditorState) => void }) {
  const review = state.review;
  if (!review) return <StartFromText onExtracted={(extraction, source) => replaceState(startReview(state, extraction, source))} />;
  // The materials a candidate may be filed under: the form's (renamed or added there) and the extractor's suggestions.
  const materials = [
    ...state.materials.map((m) => ({ key: m.key, name: m.name || m.key })),
    ...review.materials.filter((s) => !state.materials.some((m) => m.key === s.key)).map((s) => ({ key: s.key, name: s.name })),
  ];
  return (
    <ReviewPanel
      review={review}
      materials={materials}
      edit={edit}
      onRestart={() => {
        if (window.confirm("Start from another text? The candidates you accepted stay in the form; the review of this text is closed."))
          edit((d) => void delete d.review);
      }}
    />
  );
}
