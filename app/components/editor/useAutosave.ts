import { useCallback, useEffect, useRef, useState } from "react";
import type { EditorState } from "@/lib/editing/form";
import { writeJson } from "./api";

const AUTOSAVE_MS = 700;

export type SaveStatus = { status: "idle" | "pending" | "saving" | "saved" | "error"; at?: string; message?: string };

interface AutosaveOptions {
  draftId: string;
  mode: "new" | "edit";
  originalDoi?: string;
  baseVersion?: number | null;
  state: EditorState;
  /** When the draft shown was last saved (a resumed draft). */
  savedAt?: string | null;
}

/**
 * Saves the form as a server draft (PUT /api/drafts/ID with the published version it started
 * from) a moment after each change, on leaving the page, and again after a failure.
 */
export function useAutosave({ draftId, mode, originalDoi, baseVersion, state, savedAt }: AutosaveOptions) {
  const [save, setSave] = useState<SaveStatus>(savedAt ? { status: "saved", at: savedAt } : { status: "idle" });
  const saveTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const inFlight = useRef<Promise<unknown> | null>(null);
  const dirty = useRef(false);
  const finished = useRef(false);
  const first = useRef(true);
  const stateRef = useRef(state);
  stateRef.current = state;

  const saveNow = useCallback(
    async (keepalive = false) => {
      if (finished.current || !dirty.current) return;
      dirty.current = false;
      const body = JSON.stringify({ doi: mode === "edit" ? (originalDoi ?? null) : null, state: stateRef.current, baseVersion: baseVersion ?? null });
      setSave((s) => ({ ...s, status: "saving" }));
      const run = writeJson(`/api/drafts/${draftId}`, "PUT", body, { keepalive: keepalive && body.length < 60_000 })
        .then((r) => {
          if (r.ok) setSave({ status: "saved", at: (r.data as { updatedAt: string }).updatedAt });
          else {
            dirty.current = true;
            setSave({ status: "error", message: r.error?.message ?? `error ${r.status}` });
          }
        })
        .catch((e: unknown) => {
          dirty.current = true;
          setSave({ status: "error", message: e instanceof Error ? e.message : String(e) });
        });
      inFlight.current = run;
      await run;
    },
    [draftId, mode, originalDoi, baseVersion],
  );

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    dirty.current = true;
    setSave((s) => (s.status === "error" || s.status === "pending" ? s : { ...s, status: "pending" }));
    if (saveTimer.current) clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => void saveNow(), AUTOSAVE_MS);
  }, [state, saveNow]);

  // Leaving the page (closing the tab, navigating) saves what is pending.
  useEffect(() => {
    const flush = () => {
      if (saveTimer.current) clearTimeout(saveTimer.current);
      void saveNow(true);
    };
    const onVisibility = () => document.visibilityState === "hidden" && flush();
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [saveNow]);

  // Retry a failed save every few seconds (the server may be restarting).
  useEffect(() => {
    if (save.status !== "error") return;
    const t = setTimeout(() => void saveNow(), 3000);
    return () => clearTimeout(t);
  }, [save, saveNow]);

  /** Cancels the pending save and waits for the one in flight, so a publish or discard comes after it. */
  const settle = useCallback(async () => {
    if (saveTimer.current) clearTimeout(saveTimer.current);
    await inFlight.current;
  }, []);
  /** No more saves: the draft was published or discarded. */
  const finish = useCallback(() => {
    finished.current = true;
  }, []);

  return { save, settle, finish };
}

export function saveStatusText(save: SaveStatus): string {
  switch (save.status) {
    case "pending":
      return "Unsaved changes…";
    case "saving":
      return "Saving draft…";
    case "saved":
      return `Draft saved ${new Date(save.at!).toLocaleTimeString()}`;
    case "error":
      return `Draft not saved (${save.message}); retrying`;
    default:
      return "Changes are saved as a draft as you type";
  }
}
