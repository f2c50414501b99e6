/** Pages of admin lists: numbered from 1, one extra row fetched to know whether more follow. */
export function pageWindow(page: number, pageSize: number) {
  return { limit: pageSize + 1, offset: (Math.max(1, page) - 1) * pageSize };
}

/**
 * An ILIKE pattern that finds the search text anywhere, with its own `%`, `_` and `\` taken
 * literally; null for an empty search.
 */
export function likePattern(search: string): string | null {
  const text = search.trim();
  if (!text) return null;
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
