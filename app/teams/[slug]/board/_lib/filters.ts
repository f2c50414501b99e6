import { z } from "zod";

/**
 * The board's filters as they live in the address (?owner=…&practice=…&session=…), so a
 * filtered board can be shared. The page, its CSV export and the client all read them here.
 */
export interface BoardFilters {
  ownerId: string | null;
  practiceId: string | null;
  sessionId: string | null;
}

export const noFilters: BoardFilters = { ownerId: null, practiceId: null, sessionId: null };

const paramOf = { ownerId: "owner", practiceId: "practice", sessionId: "session" } as const;
const filterKeys = Object.keys(paramOf) as (keyof BoardFilters)[];

const id = z.uuid();

type SearchParams = Record<string, string | string[] | undefined> | URLSearchParams;

/** Reads the filters; a value that can't be an id (a mangled link) is ignored, not an error. */
export function parseBoardFilters(params: SearchParams): BoardFilters {
  const read = (name: string) => {
    const value = params instanceof URLSearchParams ? params.get(name) : params[name];
    const text = Array.isArray(value) ? value[0] : value;
    return text && id.safeParse(text).success ? text : null;
  };
  return {
    ownerId: read(paramOf.ownerId),
    practiceId: read(paramOf.practiceId),
    sessionId: read(paramOf.sessionId),
  };
}

/** "?owner=…" for the set filters, or "" when none is set. */
export function boardSearch(filters: BoardFilters): string {
  const params = new URLSearchParams();
  for (const key of filterKeys) {
    const value = filters[key];
    if (value) params.set(paramOf[key], value);
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

export const hasFilters = (filters: BoardFilters) => filterKeys.some((key) => filters[key]);

/**
 * The input of board.list. Unset filters are left out rather than sent as null, so the server's
 * prefetch and the browser's query share one cache key.
 */
export function boardListInput(teamId: string, filters: BoardFilters) {
  return {
    teamId,
    ...(filters.ownerId ? { ownerId: filters.ownerId } : {}),
    ...(filters.practiceId ? { practiceId: filters.practiceId } : {}),
    ...(filters.sessionId ? { sessionId: filters.sessionId } : {}),
  };
}
