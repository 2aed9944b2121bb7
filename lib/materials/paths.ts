/**
 * Where papers and materials live: references ("DOI/key") and URL paths. A DOI may hold any
 * printable character ("#", "?", "%" included), so every path segment is percent-encoded here, the
 * one place links are built. Free of server imports: client components use it too.
 */

export function materialRef(doi: string, key: string): string {
  return `${doi}/${key}`;
}

export function parseMaterialRef(ref: string): { doi: string; key: string } | null {
  const cut = ref.lastIndexOf("/");
  if (cut <= 0) return null;
  return { doi: ref.slice(0, cut).toLowerCase(), key: ref.slice(cut + 1) };
}

// ":" and "@" are plain characters in a path segment; left readable, "/papers/arxiv:2401.01234" reads as it is written.
const encodeSegment = (segment: string) => encodeURIComponent(segment).replace(/%3A/gi, ":").replace(/%40/g, "@");
const encodeDoi = (doi: string) => doi.split("/").map(encodeSegment).join("/");

export const materialPath = (doi: string, key: string): string => `/materials/${encodeDoi(doi)}/${encodeSegment(key)}`;
export const paperPath = (doi: string): string => `/papers/${encodeDoi(doi)}`;
export const paperEditPath = (doi: string): string => `/papers/edit/${encodeDoi(doi)}`;
export const paperApiPath = (doi: string): string => `/api/papers/${encodeDoi(doi)}`;

/**
 * The text a catch-all route's segments stand for. Next.js has already decoded each segment once;
 * decoding again would read "%25" as "%" and fail on a lone "%".
 */
export const fromSegments = (segments: string[]): string =>
  // Next.js hands some renders a segment with ":" and "@" still encoded ("arxiv%3A2401.01234"); those two are decoded.
  segments.join("/").replace(/%3A/gi, ":").replace(/%40/g, "@");
