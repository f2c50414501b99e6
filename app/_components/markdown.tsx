import { renderMarkdown } from "~/server/content/markdown";

/** Essay Markdown rendered to sanitized HTML on the server: no script, handler or js: link survives. */
export async function Markdown({ source }: { source: string }) {
  const html = await renderMarkdown(source);
  return <div className="prose-essay" dangerouslySetInnerHTML={{ __html: html }} />;
}
