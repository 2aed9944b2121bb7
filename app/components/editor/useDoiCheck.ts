import { useEffect, useState } from "react";
import { paperApiPath } from "@/lib/materials/paths";

const DOI_PATTERN = /^10\.\d{4,9}\/\S+$/;

export interface DoiConflict {
  doi: string;
  title: string;
  path: string;
}

/** The paper already published under the DOI being typed, if any (looked up once typing pauses). */
export function useDoiCheck(typed: string, mode: "new" | "edit", originalDoi?: string): DoiConflict | null {
  const [conflict, setConflict] = useState<DoiConflict | null>(null);
  const doi = typed.trim().toLowerCase();
  useEffect(() => {
    setConflict(null);
    if (!DOI_PATTERN.test(doi) || (mode === "edit" && doi === originalDoi)) return;
    const controller = new AbortController();
    const t = setTimeout(async () => {
      try {
        const response = await fetch(paperApiPath(doi), { signal: controller.signal });
        if (response.ok) {
          const data = (await response.json()) as { paper: { doi: string; title: string }; path: string };
          setConflict({ doi: data.paper.doi, title: data.paper.title, path: data.path });
        }
      } catch {
        // aborted or offline: no flag
      }
    }, 400);
    return () => {
      clearTimeout(t);
      controller.abort();
    };
  }, [doi, mode, originalDoi]);
  return conflict;
}
