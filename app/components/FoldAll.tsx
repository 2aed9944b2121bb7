"use client";

/** Folds or unfolds every <details data-fold={group}> on the page at once (each still folds on its own). */
export function FoldAll({ group }: { group: string }) {
  const fold = (open: boolean) => document.querySelectorAll<HTMLDetailsElement>(`details[data-fold="${group}"]`).forEach((d) => (d.open = open));
  const button = "rounded border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 hover:border-brand hover:text-brand";
  return (
    <span className="flex gap-1.5">
      <button type="button" className={button} onClick={() => fold(false)}>
        Collapse all
      </button>
      <button type="button" className={button} onClick={() => fold(true)}>
        Expand all
      </button>
    </span>
  );
}
