import type { inferRouterOutputs } from "@trpc/server";

import type { AppRouter } from "~/server/api/root";

type Outputs = inferRouterOutputs<AppRouter>;

export type BoardData = Outputs["board"]["list"];
export type BoardCard = BoardData["actions"][number];
export type BoardOptions = Outputs["board"]["options"];
export type HistoryEvent = Outputs["board"]["history"][number];
