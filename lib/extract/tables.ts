/**
 * Table rows in a paper's text: a row is a paragraph of its own whose cells are split by " | " (a
 * tab in pasted text, a cell in XML or HTML; ./repair.ts writes both so). The first row of a run of
 * rows is the header: its cell names what each column's numbers are ("Test conditions (S loading)",
 * "Performance"); the first cell of a row names the material the row is about.
 */
export interface TableCell {
  text: string;
  /** Where the cell starts in the text. */
  start: number;
}

export interface TableRow {
  start: number;
  end: number;
  cells: TableCell[];
  /** The header row's cells of this row's table, when the row is not the header itself. */
  header?: string[];
}

const SEPARATOR = " | ";
const isRow = (paragraph: string) => paragraph.includes(SEPARATOR) || /\s\|$/.test(paragraph);

function paragraphAt(text: string, position: number): { start: number; end: number } {
  const before = text.lastIndexOf("\n\n", position);
  const start = before < 0 ? 0 : before + 2;
  const after = text.indexOf("\n\n", position);
  return { start, end: after < 0 ? text.length : after };
}

function cellsOf(text: string, start: number, end: number): TableCell[] {
  const cells: TableCell[] = [];
  let at = start;
  for (const piece of text.slice(start, end).split("|")) {
    const lead = piece.length - piece.trimStart().length;
    cells.push({ text: piece.trim(), start: at + lead });
    at += piece.length + 1;
  }
  return cells;
}

/** The table row a position of the text stands in, with its table's header, or null. */
export function tableRowAt(text: string, position: number): TableRow | null {
  const { start, end } = paragraphAt(text, position);
  if (!isRow(text.slice(start, end))) return null;
  // Back to the first row of the run: the header.
  let first = { start, end };
  for (let p = first.start - 2; p > 0;) {
    const previous = paragraphAt(text, p - 1);
    if (!isRow(text.slice(previous.start, previous.end))) break;
    first = previous;
    p = previous.start - 2;
  }
  const row: TableRow = { start, end, cells: cellsOf(text, start, end) };
  if (first.start !== start) row.header = cellsOf(text, first.start, first.end).map((c) => c.text);
  return row;
}
