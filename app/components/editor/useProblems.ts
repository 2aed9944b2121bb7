import { useDeferredValue, useMemo, useState } from "react";
import { STEPS, stepOfPath, validateForm, type EditorState, type StepKey } from "@/lib/editing/form";
import type { FieldError } from "@/lib/records/checks";
import type { FormErrors } from "./fields";

/**
 * The form's problems: the client's own validation as one types (deferred, so typing stays
 * responsive), replaced by the server's answer after a refused publish. A field shows its
 * problems once it was left, or all of them once publishing was tried (`showAll`).
 */
export function useProblems(state: EditorState, serverErrors: FieldError[], showAll: boolean) {
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const deferred = useDeferredValue(state);
  const clientErrors = useMemo(() => validateForm(deferred), [deferred]);
  const allErrors = serverErrors.length ? serverErrors : clientErrors;
  const errorMap = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const e of allErrors) map.set(e.path, [...(map.get(e.path) ?? []), e.message]);
    return map;
  }, [allErrors]);
  const formErrors: FormErrors = useMemo(
    () => ({
      errors: errorMap,
      shown: (path: string) =>
        showAll || serverErrors.length > 0 || touched.has(path) || [...touched].some((t) => t.startsWith(`${path}.`) || path.startsWith(`${t}.`)),
      touch: (path: string) => setTouched((t) => (t.has(path) ? t : new Set(t).add(path))),
    }),
    [errorMap, showAll, serverErrors.length, touched],
  );
  const errorsByStep = useMemo(() => {
    const counts = Object.fromEntries(STEPS.map((s) => [s.key, 0])) as Record<StepKey, number>;
    for (const e of allErrors) counts[stepOfPath(e.path)]++;
    return counts;
  }, [allErrors]);
  return { clientErrors, allErrors, formErrors, errorsByStep };
}
