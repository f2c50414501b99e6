import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

/**
 * The one Markdown renderer of the app (essay pages, and the admin preview so what an editor sees
 * is what participants see). Raw HTML in the source is dropped, and rehype-sanitize's GitHub
 * schema removes scripts, event handlers and javascript: URLs from what remains.
 */
const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype)
  .use(rehypeSanitize)
  .use(rehypeStringify);

export async function renderMarkdown(source: string): Promise<string> {
  return String(await processor.process(source));
}
