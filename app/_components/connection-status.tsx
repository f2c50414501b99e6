"use client";

import type { TRPCSubscriptionStatus } from "@trpc/tanstack-react-query";
import { useTranslations } from "next-intl";

export type LiveConnection = "connecting" | "live" | "reconnecting" | "lost";

/** What a live view's subscription state means to a person watching the screen. */
export function liveConnection(status: TRPCSubscriptionStatus, hasData: boolean): LiveConnection {
  switch (status) {
    case "pending":
      return "live";
    case "connecting":
      return hasData ? "reconnecting" : "connecting";
    case "error":
      return "lost";
    case "idle":
      return hasData ? "reconnecting" : "connecting";
  }
}

const looks = {
  live: { label: "connection.live", dot: "bg-ok", text: "text-ok" },
  connecting: { label: "connection.connecting", dot: "bg-muted animate-pulse", text: "text-muted" },
  reconnecting: {
    label: "connection.reconnecting",
    dot: "bg-muted animate-pulse",
    text: "text-muted",
  },
  lost: { label: "connection.lost", dot: "bg-danger", text: "text-danger" },
} as const satisfies Record<LiveConnection, { label: string; dot: string; text: string }>;

/** A small dot and word ("Live", "Reconnecting…"): the word carries the meaning, not the colour. */
export function ConnectionBadge({
  connection,
  className = "",
}: {
  connection: LiveConnection;
  className?: string;
}) {
  const t = useTranslations("common");
  const look = looks[connection];
  return (
    <span
      role="status"
      className={`inline-flex items-center gap-2 rounded-full border border-line bg-surface px-3 py-1 text-sm font-semibold ${look.text} ${className}`}
    >
      <span aria-hidden="true" className={`size-2.5 rounded-full ${look.dot}`} />
      {t(look.label)}
    </span>
  );
}
