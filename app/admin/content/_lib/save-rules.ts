import { TRPCClientError } from "@trpc/client";
import type { useTranslations } from "next-intl";

import type { AppRouter } from "~/server/api/root";

import type { Problem } from "../[essayId]/_components/use-autosave";

/** The words of `admin.editor.save`, from useTranslations. */
export type SaveWords = ReturnType<typeof useTranslations<"admin.editor.save">>;

/** Server refusals that no later attempt of the same draft can get past. */
const stoppingCodes = new Set(["NOT_FOUND", "FORBIDDEN", "UNAUTHORIZED"]);
/** Refusals of this draft's content: saving waits for the next edit. */
const invalidCodes = new Set(["BAD_REQUEST", "PAYLOAD_TOO_LARGE", "UNPROCESSABLE_CONTENT"]);
/** Passing trouble on the server's side: worth trying again in a moment. */
const passingCodes = new Set([
  "INTERNAL_SERVER_ERROR",
  "TOO_MANY_REQUESTS",
  "TIMEOUT",
  "BAD_GATEWAY",
  "SERVICE_UNAVAILABLE",
  "GATEWAY_TIMEOUT",
]);

/**
 * What a failed save means for the editor. No answer from the server (the network) and passing
 * server trouble are retried; a draft the server refuses waits for the next edit; a conflict, a
 * missing workshop or a missing permission stops saving, since no retry of this draft can succeed.
 */
export function saveProblem(error: unknown, t: SaveWords): Problem {
  const code =
    error instanceof TRPCClientError ? (error as TRPCClientError<AppRouter>).data?.code : undefined;
  if (!(error instanceof TRPCClientError) || code === undefined) {
    return { kind: "failed", message: t("unreachable") };
  }
  const message = error.message;
  if (passingCodes.has(code)) return { kind: "failed", message };
  if (code === "CONFLICT") return { kind: "conflict", message };
  if (invalidCodes.has(code)) return { kind: "invalid", message };
  const reason =
    code === "UNAUTHORIZED"
      ? t("signedOut")
      : code === "FORBIDDEN"
        ? t("noPermission")
        : stoppingCodes.has(code)
          ? message
          : t("couldNotSave", { message });
  return { kind: "stopped", message: t("stopped", { reason }) };
}

/** The parts of a click that decide whether it leaves the page (see leavesPageThroughLink). */
export interface LinkClick {
  defaultPrevented: boolean;
  button: number;
  /** Ctrl, Cmd, Shift or Alt held: a new tab or window, or a download. */
  modified: boolean;
  /** The nearest enclosing `a[href]`, if any. */
  link: { href: string; target: string | null; download: boolean } | null;
}

/**
 * Whether a click takes this tab to another page of the same site, which the app's router does
 * without unloading the page (so without beforeunload). New tabs, downloads, other sites (the
 * browser's own beforeunload warning covers them) and #fragments of this page don't count.
 */
export function leavesPageThroughLink(click: LinkClick, here: URL): boolean {
  const { link } = click;
  if (!link || click.defaultPrevented || click.button !== 0 || click.modified) return false;
  if ((link.target && link.target !== "_self") || link.download) return false;
  let url: URL;
  try {
    url = new URL(link.href, here);
  } catch {
    return false;
  }
  if (url.origin !== here.origin) return false;
  return url.pathname !== here.pathname || url.search !== here.search;
}
