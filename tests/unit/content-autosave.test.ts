import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";

import { createTranslator } from "use-intl/core";

import {
  leavesPageThroughLink,
  saveProblem,
  type LinkClick,
  type SaveWords,
} from "~/app/admin/content/_lib/save-rules";
import admin from "~/server/i18n/messages/en/admin.json";

// The editor passes the reader's translator; these tests read the English one.
const english: SaveWords = createTranslator({
  locale: "en",
  messages: { admin },
  namespace: "admin.editor.save",
});
const problemFromSaveError = (error: unknown) => saveProblem(error, english);

/** A tRPC error as the client sees it when the server answered with `code`. */
function serverError(code: string, message: string) {
  return new TRPCClientError(message, {
    result: { error: { code: -32000, message, data: { code, httpStatus: 400 } } },
  });
}

describe("what a failed save means", () => {
  it("retries when the server couldn't be reached or had passing trouble", () => {
    expect(problemFromSaveError(new TypeError("Failed to fetch")).kind).toBe("failed");
    expect(problemFromSaveError(new TRPCClientError("Failed to fetch")).kind).toBe("failed");
    expect(problemFromSaveError(serverError("INTERNAL_SERVER_ERROR", "Oops")).kind).toBe("failed");
    expect(problemFromSaveError(serverError("TOO_MANY_REQUESTS", "Slow down"))).toEqual({
      kind: "failed",
      message: "Slow down",
    });
  });

  it("waits for the next edit when the server refuses the draft, with the server's reason", () => {
    expect(
      problemFromSaveError(serverError("BAD_REQUEST", "A practice belongs to another workshop.")),
    ).toEqual({ kind: "invalid", message: "A practice belongs to another workshop." });
  });

  it("stops on a stale tab, a removed workshop or a lost permission, saying what to do", () => {
    expect(problemFromSaveError(serverError("CONFLICT", "Changed in another tab."))).toEqual({
      kind: "conflict",
      message: "Changed in another tab.",
    });
    const gone = problemFromSaveError(serverError("NOT_FOUND", "No such workshop."));
    expect(gone.kind).toBe("stopped");
    expect(gone.message).toMatch(/^No such workshop\. Saving has stopped: copy anything/);
    expect(problemFromSaveError(serverError("UNAUTHORIZED", "x")).message).toMatch(
      /^You are signed out\. Saving has stopped/,
    );
    expect(problemFromSaveError(serverError("FORBIDDEN", "x")).message).toMatch(
      /can no longer edit workshops\. Saving has stopped/,
    );
  });
});

describe("which clicks leave the editor", () => {
  const here = new URL("http://localhost:3000/admin/content/abc");
  const click = (link: Partial<NonNullable<LinkClick["link"]>> | null, rest = {}): LinkClick => ({
    defaultPrevented: false,
    button: 0,
    modified: false,
    link: link && { href: "/admin/content", target: null, download: false, ...link },
    ...rest,
  });

  it("counts a plain click on a link to another page of the site", () => {
    expect(leavesPageThroughLink(click({}), here)).toBe(true);
    expect(leavesPageThroughLink(click({ href: "/admin/content/abc/history" }), here)).toBe(true);
    expect(leavesPageThroughLink(click({ href: "history" }), here)).toBe(true);
    expect(leavesPageThroughLink(click({ href: "?tab=2" }), here)).toBe(true);
    expect(leavesPageThroughLink(click({ target: "_self" }), here)).toBe(true);
  });

  it("leaves out new tabs, downloads, other sites, fragments and clicks already handled", () => {
    expect(leavesPageThroughLink(click(null), here)).toBe(false);
    expect(leavesPageThroughLink(click({ target: "_blank" }), here)).toBe(false);
    expect(leavesPageThroughLink(click({ download: true }), here)).toBe(false);
    expect(leavesPageThroughLink(click({}, { modified: true }), here)).toBe(false);
    expect(leavesPageThroughLink(click({}, { button: 1 }), here)).toBe(false);
    expect(leavesPageThroughLink(click({}, { defaultPrevented: true }), here)).toBe(false);
    expect(leavesPageThroughLink(click({ href: "https://example.com/" }), here)).toBe(false);
    expect(leavesPageThroughLink(click({ href: "#preview" }), here)).toBe(false);
    expect(leavesPageThroughLink(click({ href: "http://[bad" }), here)).toBe(false);
  });
});
