"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useState } from "react";

import {
  removePractice,
  toEditorDraft,
  toEssayDraft,
  type EditorDraft,
} from "~/server/content/draft-edits";
import { contentLimits } from "~/server/content/draft-input";

import { Alert, buttonClass, Card, inputClass } from "../../../../_components/ui";
import { useTRPC } from "../../../../_trpc/client";
import { DraftBadge, StatusBadge, UnpublishedBadge } from "../../_components/status-badge";
import { MarkdownPreview } from "./markdown-preview";
import { PracticeList } from "./practice-list";
import { PromptList } from "./prompt-list";
import { SaveIndicator } from "./save-indicator";
import { useAutosave } from "./use-autosave";

let lastKey = 0;
const newKey = () => `k${++lastKey}`;

/** The workshop editor: essay with live preview, practices, prompts; autosaved; published here. */
export function EssayEditor({ essayId, initialHtml }: { essayId: string; initialHtml: string }) {
  const t = useTranslations("admin.editor");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: essay } = useSuspenseQuery(trpc.adminContent.byId.queryOptions({ essayId }));
  const [editor, setEditor] = useState<EditorDraft>(() => toEditorDraft(essay.draft, newKey));
  const [publishing, setPublishing] = useState(false);
  const [published, setPublished] = useState<number | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  // The draft as it was last published, where this page knows it: at load when nothing was saved
  // since the latest version, and after publishing here. Null when it differs or is unknown.
  const [publishedDraft, setPublishedDraft] = useState<string | null>(() =>
    essay.latestVersion && !essay.hasUnpublishedChanges
      ? JSON.stringify(toEssayDraft(toEditorDraft(essay.draft, newKey)))
      : null,
  );
  const archived = essay.status === "archived";
  const draft = toEssayDraft(editor);
  const autosave = useAutosave({
    essayId,
    draft,
    initialStamp: essay.draftUpdatedAt,
    enabled: !archived,
  });
  const publish = useMutation(trpc.adminContent.publish.mutationOptions());
  // Archived or publishing: nothing to do here. Saving stopped (a stale tab, a removed workshop,
  // signed out): read-only rather than disabled, so the admin can still select and copy their
  // text, which some browsers refuse in disabled fields.
  const locked = archived || publishing;
  const halted =
    autosave.state.kind === "conflict" || autosave.state.kind === "stopped"
      ? autosave.state.message
      : null;
  const readOnly = locked || halted !== null;

  async function publishDraft() {
    setPublished(null);
    setBlocked(null);
    publish.reset();
    setPublishing(true);
    try {
      if (!(await autosave.flush())) {
        setBlocked(t("saveFirst"));
        return;
      }
      const result = await publish.mutateAsync({
        essayId,
        expectedDraftUpdatedAt: autosave.stamp(),
      });
      // Practices published for the first time now have an identity; keep it in the editor.
      const next = {
        ...editor,
        practices: editor.practices.map((p, i) => ({
          ...p,
          practiceId: p.practiceId ?? result.draft.practices[i]?.practiceId ?? null,
        })),
      };
      setEditor(next);
      autosave.markSaved(toEssayDraft(next), result.draftUpdatedAt);
      setPublished(result.version.number);
      setPublishedDraft(JSON.stringify(toEssayDraft(next)));
      await queryClient.invalidateQueries(trpc.adminContent.pathFilter());
    } catch {
      // The mutation's error is shown below the button.
    } finally {
      setPublishing(false);
    }
  }

  const latestNumber = published ?? essay.latestVersion?.number ?? null;
  const unpublished = publishedDraft === null || JSON.stringify(draft) !== publishedDraft;
  const nothingToPublish = latestNumber !== null && !unpublished;

  return (
    <div className="flex flex-col gap-6">
      <div className="sticky top-0 z-10 -mx-4 flex flex-wrap items-center gap-3 border-b border-line bg-canvas/95 px-4 py-3 backdrop-blur sm:mx-0 sm:rounded-xl sm:border">
        {archived ? (
          <StatusBadge status="archived" />
        ) : latestNumber === null ? (
          <DraftBadge>{t("neverPublished")}</DraftBadge>
        ) : unpublished ? (
          <UnpublishedBadge />
        ) : (
          <DraftBadge id="publish-state">{t("upToDate", { number: latestNumber })}</DraftBadge>
        )}
        <SaveIndicator state={archived ? null : autosave.state} />
        <div className="ml-auto flex flex-wrap gap-2">
          {latestNumber !== null && (
            <Link href={`/admin/content/${essayId}/history`} className={buttonClass("secondary")}>
              {t("history")}
            </Link>
          )}
          {!archived && (
            <button
              type="button"
              className={buttonClass()}
              disabled={readOnly || publish.isPending || nothingToPublish}
              aria-describedby={nothingToPublish ? "publish-state" : undefined}
              title={nothingToPublish ? t("nothingToPublish", { number: latestNumber }) : undefined}
              onClick={() => void publishDraft()}
            >
              {publishing ? t("publishing") : t("publish")}
            </button>
          )}
        </div>
      </div>

      {archived && (
        <Alert tone="info">
          {t.rich("archived", {
            link: (chunks) => (
              <Link href="/admin/content" className="font-semibold underline">
                {chunks}
              </Link>
            ),
          })}
        </Alert>
      )}
      {halted && <Alert tone="error">{halted}</Alert>}
      {publish.error && <Alert tone="error">{publish.error.message}</Alert>}
      {blocked && autosave.state.kind !== "saved" && <Alert tone="error">{blocked}</Alert>}
      {published !== null && <Alert tone="success">{t("published", { number: published })}</Alert>}

      <fieldset disabled={locked} className="flex min-w-0 flex-col gap-6">
        <legend className="sr-only">{t("draftLegend")}</legend>
        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t("essay")}</h2>
          <label className="mb-4 flex flex-col gap-1.5">
            <span className="font-medium">{t("workshopTitle")}</span>
            <input
              className={inputClass}
              value={editor.title}
              readOnly={halted !== null}
              required
              maxLength={contentLimits.title}
              onChange={(event) => setEditor({ ...editor, title: event.target.value })}
            />
          </label>
          <div className="grid gap-4 lg:grid-cols-2">
            <label className="flex min-w-0 flex-col gap-1.5">
              <span className="font-medium">{t("essayMarkdown")}</span>
              <textarea
                className={`${inputClass} min-h-80 py-2 font-mono text-sm lg:min-h-[70vh]`}
                value={editor.markdown}
                readOnly={halted !== null}
                maxLength={contentLimits.markdown}
                aria-describedby="markdown-hint"
                onChange={(event) => setEditor({ ...editor, markdown: event.target.value })}
              />
              <span id="markdown-hint" className="text-sm text-muted">
                {t("characters", {
                  count: editor.markdown.length,
                  max: contentLimits.markdown,
                })}
              </span>
            </label>
            <div className="flex min-w-0 flex-col gap-1.5">
              <span className="font-medium" aria-hidden="true">
                {t("previewHeading")}
              </span>
              <MarkdownPreview
                id="essay-preview"
                source={editor.markdown}
                initialHtml={initialHtml}
              />
            </div>
          </div>
        </Card>

        <Card>
          <h2 className="mb-1 text-lg font-semibold">{t("practices")}</h2>
          <p className="mb-4 text-sm text-muted">{t("practicesLead")}</p>
          <PracticeList
            readOnly={halted !== null}
            practices={editor.practices}
            onChange={(practices) => setEditor({ ...editor, practices })}
            onRemove={(key) => setEditor(removePractice(editor, key))}
            onAdd={() => {
              const key = newKey();
              setEditor({
                ...editor,
                practices: [
                  ...editor.practices,
                  { key, practiceId: null, title: "", description: "" },
                ],
              });
              requestAnimationFrame(() =>
                document.getElementById(`practice-title-${key}`)?.focus(),
              );
            }}
          />
        </Card>

        <Card>
          <h2 className="mb-4 text-lg font-semibold">{t("prompts")}</h2>
          <PromptList
            readOnly={halted !== null}
            prompts={editor.prompts}
            practices={editor.practices}
            onChange={(prompts) => setEditor({ ...editor, prompts })}
            onAdd={() =>
              setEditor({
                ...editor,
                prompts: [...editor.prompts, { key: newKey(), text: "", practiceKey: null }],
              })
            }
          />
        </Card>
      </fieldset>
    </div>
  );
}
