"use client";

import { useTranslations } from "next-intl";
import { useDeferredValue, useEffect, useState } from "react";

import { renderMarkdown } from "~/server/content/markdown";

/**
 * The essay as participants will see it: the app's one sanitizing renderer (plain unified code,
 * safe in the browser) with the same `prose-essay` styles as the phone and library pages. The
 * server renders the first preview so the page doesn't open on an empty pane.
 */
export function MarkdownPreview({
  source,
  initialHtml,
  id,
}: {
  source: string;
  initialHtml: string;
  id: string;
}) {
  const t = useTranslations("admin.editor");
  const deferred = useDeferredValue(source);
  const [html, setHtml] = useState(initialHtml);
  useEffect(() => {
    let current = true;
    void renderMarkdown(deferred).then((rendered) => {
      if (current) setHtml(rendered);
    });
    return () => {
      current = false;
    };
  }, [deferred]);
  return (
    <div
      id={id}
      className="prose-essay max-h-[70vh] min-h-40 overflow-y-auto rounded-lg border border-line bg-canvas p-4"
      tabIndex={0}
      aria-label={t("preview")}
      role="region"
      dangerouslySetInnerHTML={{ __html: html }}
    />
  );
}
