import katex from "katex";
import { paperTextParts } from "@/lib/materials/paper-text";

/**
 * Renders text as the paper wrote it (lib/materials/paper-text.ts): scripts as real super- and
 * subscripts, simple TeX as text, and only the rest through KaTeX (no trust: no links, no HTML).
 */
export function PaperText({ text }: { text: string }) {
  return (
    <>
      {paperTextParts(text).map((part, i) =>
        part.kind === "math" ? (
          <span
            key={i}
            className="paper-tex"
            dangerouslySetInnerHTML={{ __html: katex.renderToString(part.tex, { throwOnError: false, trust: false, output: "html" }) }}
          />
        ) : part.kind === "sup" ? (
          <sup key={i}>{part.text}</sup>
        ) : part.kind === "sub" ? (
          <sub key={i}>{part.text}</sub>
        ) : (
          part.text
        ),
      )}
    </>
  );
}

/**
 * A verbatim quote in the one style every page uses: upright in the page's font between curly
 * quotes (no italics beside KaTeX's upright serif), TeX set only where the quote holds TeX.
 */
export function PaperQuote({ text, className = "" }: { text: string; className?: string }) {
  return (
    <q className={`not-italic ${className}`}>
      <PaperText text={text} />
    </q>
  );
}
