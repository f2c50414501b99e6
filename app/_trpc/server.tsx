import "server-only";

import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache } from "react";

import { createRequestContext } from "~/server/api/request-context";
import { appRouter, type AppRouter } from "~/server/api/root";

import { createQueryClient } from "./query-client";

/** One QueryClient per server request (React's cache is scoped to a request). */
const getQueryClient = cache(createQueryClient);

const createContext = cache(async () => createRequestContext(new Headers(await headers())));

export const trpc = createTRPCOptionsProxy<AppRouter>({
  router: appRouter,
  ctx: createContext,
  queryClient: getQueryClient,
});

/** Calls a procedure directly from a server component (no HTTP). */
export const serverCaller = cache(async () => appRouter.createCaller(await createContext()));

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- matches any procedure's options
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T) {
  void getQueryClient().prefetchQuery(queryOptions);
}
