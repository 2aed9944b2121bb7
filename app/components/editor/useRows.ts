import { useEffect, useRef, useState } from "react";
import type { Draft } from "immer";
import { fieldId, type EditorState } from "@/lib/editing/form";
import { moveItem, type Edit, type RowsProps } from "./editorState";

/**
 * Adding, moving and removing rows (materials, synthesis steps, measurements): focus follows the
 * new or moved row, so the keyboard can carry on, and the last removal can be undone.
 */
export function useRows(state: EditorState, edit: Edit, replaceState: (state: EditorState) => void) {
  const [removed, setRemoved] = useState<{ label: string; undo: EditorState } | null>(null);
  const pendingFocus = useRef<string | null>(null);

  // Focus an element that was just added or moved, once it is on screen.
  useEffect(() => {
    if (!pendingFocus.current) return;
    const el = document.getElementById(pendingFocus.current);
    if (el) {
      el.focus();
      pendingFocus.current = null;
    }
  });

  /** Focuses the element with this id after the next render that shows it. */
  const focusOnRender = (id: string) => {
    pendingFocus.current = id;
  };

  /** The handlers of one list: `list` picks it from the state, `firstField` names a new row's first field. */
  const rowsOf = <T>(
    list: (d: Draft<EditorState>) => Draft<T>[],
    count: number,
    create: () => T,
    firstField: (index: number) => string,
    what: (index: number) => string,
  ): RowsProps => ({
    edit,
    onAdd: () => {
      const row = create() as Draft<T>;
      focusOnRender(fieldId(firstField(count)));
      edit((d) => void list(d).push(row));
    },
    onMove: (from, to, rowId) => {
      focusOnRender(`${rowId}-${to < from ? "up" : "down"}`);
      edit((d) => moveItem(list(d), from, to));
    },
    onRemove: (i) => {
      // Edits copy on write, so the state before the removal is kept by reference.
      setRemoved({ label: what(i), undo: state });
      edit((d) => void list(d).splice(i, 1));
    },
  });

  const undoRemoval = () => {
    if (removed) replaceState(removed.undo);
    setRemoved(null);
  };

  return { rowsOf, removed: removed?.label ?? null, undoRemoval, dismissRemoval: () => setRemoved(null), focusOnRender };
}
