import katex from "katex";
import { Fragment } from "react";

/**
 * Renders text as the paper wrote it: inline TeX ($…$) through KaTeX (no trust: no links, no
 * HTML), ^{…}/_{…} and <sup>/<sub> markup as real super- and subscripts, everything else as text.
 */
export function PaperText({ text }: { text: string }) {
  const parts = text.split(/(\$[^$]+\$)/g);
  return (
    <>
      {parts.map((part, i) =>
        part.startsWith("$") && part.endsWith("$") && part.length > 2 ? (
          <span key={i} dangerouslySetInnerHTML={{ __html: katex.renderToString(part.slice(1, -1), { throwOnError: false, trust: false, output: "html" }) }} />
        ) : (
          <Fragment key={i}>{scripts(part)}</Fragment>
        ),
      )}
    </>
  );
}

function scripts(text: string): React.ReactNode[] {
  const out: React.ReactNode[] = [];
  const re = /\^\{([^}]*)\}|_\{([^}]*)\}|<sup>(.*?)<\/sup>|<sub>(.*?)<\/sub>|_(\d+(?:\.\d+)?)|\^([-−+]?\d+)/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    const sup = m[1] ?? m[3] ?? m[6];
    out.push(sup !== undefined ? <sup key={m.index}>{sup}</sup> : <sub key={m.index}>{m[2] ?? m[4] ?? m[5]}</sub>);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last).replace(/<\/?[a-z][^>]*>/gi, ""));
  return out;
}
