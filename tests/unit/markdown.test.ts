import { describe, expect, it } from "vitest";

import { renderMarkdown } from "~/server/content/markdown";

describe("markdown rendering", () => {
  it("renders headings, lists and emphasis", async () => {
    const html = await renderMarkdown("## Title\n\n- one\n- **two**\n");
    expect(html).toContain("<h2>Title</h2>");
    expect(html).toContain("<li><strong>two</strong></li>");
  });

  it.each([
    ["a script tag", "<script>alert(1)</script>hello", /<script/i],
    ["an event handler", '<img src="x" onerror="alert(1)">', /onerror/i],
    ["a javascript: link", "[click](javascript:alert(1))", /javascript:/i],
    ["an iframe", '<iframe src="https://evil.test"></iframe>', /<iframe/i],
    ["a style attribute", '<p style="position:fixed">x</p>', /style=/i],
  ])("drops %s", async (_, source, forbidden) => {
    expect(await renderMarkdown(source)).not.toMatch(forbidden);
  });
});
