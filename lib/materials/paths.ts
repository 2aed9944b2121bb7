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

const encodeDoi = (doi: string) => doi.split("/").map(encodeURIComponent).join("/");

export const materialPath = (doi: string, key: string): string => `/materials/${encodeDoi(doi)}/${encodeURIComponent(key)}`;
export const paperPath = (doi: string): string => `/papers/${encodeDoi(doi)}`;
export const paperEditPath = (doi: string): string => `/papers/edit/${encodeDoi(doi)}`;
export const paperApiPath = (doi: string): string => `/api/papers/${encodeDoi(doi)}`;

/**
 * The text a catch-all route's segments stand for. Next.js has already decoded each segment once;
 * decoding again would read "%25" as "%" and fail on a lone "%".
 */
export const fromSegments = (segments: string[]): string => segments.join("/");
