import "server-only";

import { headers } from "next/headers";
import { cache } from "react";

import { createRequestContext } from "~/server/api/request-context";
import { appRouter } from "~/server/api/root";

/*
 * Kept apart from server.tsx: that file imports TanStack Query's HydrationBoundary, a client
 * component, and any page importing it ships that to the browser. The phone page only needs
 * the caller.
 */
export const createContext = cache(async () => createRequestContext(new Headers(await headers())));

/** Calls a procedure directly from a server component (no HTTP). */
export const serverCaller = cache(async () => appRouter.createCaller(await createContext()));
