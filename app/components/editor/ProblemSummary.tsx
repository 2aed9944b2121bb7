import type { Ref } from "react";
import type { FieldError } from "@/lib/records/checks";

interface ProblemSummaryProps {
  /** A problem's field in words ("S@HCS, measurement 2, cycle number"). */
  label: (path: string) => string;
  /** Shown once publishing was tried or refused. */
  visible: boolean;
  problems: FieldError[];
  /** Why the last publish failed, if it did. */
  publishError: string | null;
  onGoTo: (path: string) => void;
  ref: Ref<HTMLDivElement>;
}

/** The problems to fix before publishing, each a button to its field; focused after a refused publish. */
export function ProblemSummary({ visible, problems, publishError, onGoTo, label, ref }: ProblemSummaryProps) {
  if (visible && problems.length) {
    return (
      <div ref={ref} tabIndex={-1} role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm" data-testid="error-summary">
        <p className="font-medium text-red-800">{publishError ?? `${problems.length} field(s) to fix before publishing`}</p>
        <ul className="mt-1 max-h-48 list-disc overflow-auto pl-5">
          {problems.slice(0, 50).map((e, i) => (
            <li key={i}>
              <button type="button" className="text-left text-red-800 underline" onClick={() => onGoTo(e.path)} title={e.path}>
                {label(e.path)}
              </button>
              : {e.message}
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (publishError) {
    return (
      <div ref={ref} tabIndex={-1} role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
        {publishError}
      </div>
    );
  }
  return null;
}
