"use client";

import { useEffect, useState } from "react";
import { useRouter } from "next/navigation";
import { compareHref, readSelection, withAdded, writeSelection } from "./selection";

/** "Add to compare" on a material page: opens /compare with this material added to the current selection. */
export function AddToCompare({ materialRef, name }: { materialRef: string; name: string }) {
  const router = useRouter();
  const [selection, setSelection] = useState<string[] | null>(null);
  useEffect(() => setSelection(readSelection()), []);
  const others = (selection ?? []).filter((r) => r !== materialRef).length;
  const inSelection = selection?.includes(materialRef) ?? false;

  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="add-to-compare">
      <a
        href={compareHref(withAdded(selection ?? [], materialRef))}
        onClick={(e) => {
          e.preventDefault();
          const next = withAdded(readSelection(), materialRef);
          writeSelection(next);
          router.push(compareHref(next));
        }}
        className="inline-flex items-center gap-1 rounded border border-brand bg-white px-3 py-1 font-medium text-brand shadow-sm hover:bg-sky-50"
        title={`Compare ${name} side by side with other materials`}
      >
        <span aria-hidden="true">⇄</span> Add to compare
      </a>
      {selection !== null ? (
        <span className="text-slate-500" data-testid="compare-selection-count">
          {inSelection ? "already in your comparison" : others ? `with ${others} material${others > 1 ? "s" : ""} already selected` : "starts a new comparison"}
        </span>
      ) : null}
    </div>
  );
}
