/** The JSON export, written a paper at a time. */
import type { RecordFileParsed } from "./schema";

type PaperOut = RecordFileParsed["papers"][number];

/**
 * Exactly the text of `JSON.stringify({ papers }, null, 2) + "\n"` (export → import → export is
 * compared byte for byte), as one chunk per paper, so an export never holds the whole file.
 */
export async function* recordsJson(papers: AsyncIterable<PaperOut> | Iterable<PaperOut>): AsyncGenerator<string> {
  let first = true;
  for await (const paper of papers) {
    // Nested two levels deep ({ "papers": [ … ] }); JSON text has no raw newlines inside strings.
    yield (first ? '{\n  "papers": [\n' : ",\n") + "    " + JSON.stringify(paper, null, 2).replaceAll("\n", "\n    ");
    first = false;
  }
  yield first ? '{\n  "papers": []\n}\n' : "\n  ]\n}\n";
}
