"use client";

import { useId, useState } from "react";

/**
 * A measurement's quote: shown beside its number on wide screens; on a phone, where it would
 * push the numbers apart, behind a button that opens it on tap (no hover needed).
 */
export function QuoteReveal({ location, children }: { location?: string | null; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        data-testid="quote-toggle"
        className="rounded text-xs text-brand hover:underline sm:hidden"
      >
        {open ? "Hide quote" : "Quote"}
        {location ? <span className="text-slate-500"> ({location})</span> : null}
      </button>
      <div id={id} data-testid="quote" className={open ? "block" : "hidden sm:block"}>
        {children}
      </div>
    </>
  );
}
