import { describe, expect, it } from "vitest";

import { renderMarkdown } from "~/server/content/markdown";

import { xssPayloads } from "../e2e/xss-payloads";

/**
 * Whatever an admin (or an attacker who became one) writes into an essay, the renderer's output
 * must carry nothing a browser would run: no script or frame elements, no event handlers, no
 * script-bearing URLs, no styles.
 */
const allowedElements = new Set([
  "p",
  "a",
  "strong",
  "em",
  "del",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "br",
  "img",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "input",
  "sup",
  "section",
  "div",
  "span",
]);

/**
 * The tags of the output. rehype-stringify escapes every "<" that is text, so each real "<"
 * starts a tag: checking tags (not text, where a payload may harmlessly stay readable) is exact.
 */
function tagsOf(html: string) {
  return [...html.matchAll(/<([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map(([, name, attributes]) => ({
    name: name!.toLowerCase(),
    attributes: attributes!,
  }));
}

function assertInert(html: string) {
  for (const tag of tagsOf(html)) {
    expect(allowedElements, `element <${tag.name}>`).toContain(tag.name);
    expect(tag.attributes).not.toMatch(/(^|\s)on[a-z]+\s*=/i);
    expect(tag.attributes).not.toMatch(/(^|\s)(style|srcdoc|formaction)\s*=/i);
    expect(tag.attributes).not.toMatch(/=\s*"?\s*(javascript|vbscript|data):/i);
    if (tag.name === "input") expect(tag.attributes).toMatch(/type="checkbox"/);
  }
}

describe("XSS corpus in essay Markdown", () => {
  it.each(xssPayloads)("renders %j inert", async (payload) => {
    for (const source of [payload, `Some text ${payload} more`, `- ${payload}\n`, `> ${payload}`]) {
      const html = await renderMarkdown(source);
      assertInert(html);
    }
  });

  it("has a check that would catch a payload that got through", () => {
    expect(() => assertInert('<img src="x" onerror="a()">')).toThrow();
    expect(() => assertInert('<a href="javascript:a()">x</a>')).toThrow();
    expect(() => assertInert("<script>a()</script>")).toThrow();
    expect(() => assertInert('<p style="x">y</p>')).toThrow();
  });

  it("keeps ordinary links and text around a payload", async () => {
    const html = await renderMarkdown(
      "[docs](https://example.test/docs) <script>alert(1)</script> and **bold**",
    );
    expect(html).toContain('<a href="https://example.test/docs">docs</a>');
    expect(html).toContain("<strong>bold</strong>");
  });
});
