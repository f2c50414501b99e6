/**
 * Team addresses (/teams/SLUG) derived from the team's name. Pure functions: the database's
 * unique index on teams.slug settles races, these only pick the candidate.
 */
export const maxSlugLength = 40;
const fallbackSlug = "team";

/** Latin letters that Unicode does not decompose into a base letter and an accent. */
const latinLetters: Record<string, string> = {
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ø: "o",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

/** "Équipe Café (Berlin)" → "equipe-cafe-berlin"; a name with no Latin letters or digits → "team". */
export function slugFromName(name: string): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "") // the accents NFKD split off their letters
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (letter) => latinLetters[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const cut = slug.slice(0, maxSlugLength).replace(/-+$/, "");
  return cut || fallbackSlug;
}

/**
 * The base itself when it is free, otherwise the base with the smallest numeric suffix from 2 up
 * that nobody uses: "core", "core-2", "core-3"…
 */
export function nextFreeSlug(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!used.has(candidate)) return candidate;
  }
}
