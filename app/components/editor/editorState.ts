import { useCallback, useState } from "react";
import { produce, type Draft } from "immer";
import type { EditorState } from "@/lib/editing/form";

/** A change to the form, written as a mutation of a draft; only the path it touches is copied. */
export type Edit = (change: (draft: Draft<EditorState>) => void) => void;

/**
 * Copy-on-write (immer): a keystroke copies the objects on the way to its field, not the whole
 * paper; untouched materials and rows stay the same objects.
 */
export const applyEdit = (state: EditorState, change: (draft: Draft<EditorState>) => void): EditorState => produce(state, change);

/** The form's state and its edits. */
export function useEditorState(initial: EditorState): [EditorState, Edit, (state: EditorState) => void] {
  const [state, setState] = useState<EditorState>(initial);
  const edit: Edit = useCallback((change) => setState((current) => applyEdit(current, change)), []);
  return [state, edit, setState];
}

export function moveItem<T>(list: T[], from: number, to: number): void {
  if (to < 0 || to >= list.length) return;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item!);
}

/** What a list of rows (materials, synthesis steps, measurements) can do. */
export interface RowsProps {
  edit: Edit;
  onAdd: () => void;
  onMove: (from: number, to: number, rowId: string) => void;
  onRemove: (index: number) => void;
}
