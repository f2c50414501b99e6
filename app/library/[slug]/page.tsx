import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";

import { serverCaller } from "../../_trpc/server";
import { LocalDate } from "../../_components/local-date";
import { Markdown } from "../../_components/markdown";
import { Card } from "../../_components/ui";

const loadEssay = cache(async (slug: string) => {
  try {
    return await (await serverCaller()).content.bySlug({ slug });
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
});

export async function generateMetadata({
  params,
}: {
  params: Promise<{ slug: string }>;
}): Promise<Metadata> {
  return { title: (await loadEssay((await params).slug)).title };
}

/** The essay as participants will read it, with the practices a team can adopt. */
export default async function EssayPage({ params }: { params: Promise<{ slug: string }> }) {
  const essay = await loadEssay((await params).slug);
  const t = await getTranslations("home.library");
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <article>
        <header className="mb-6">
          <p className="text-sm text-muted">
            {t.rich("versionPublished", {
              version: essay.number,
              date: () => <LocalDate date={essay.publishedAt} />,
            })}
          </p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight">{essay.title}</h1>
        </header>
        <Markdown source={essay.markdown} />
      </article>
      <aside className="flex flex-col gap-6">
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("practicesToVoteOn")}</h2>
          <ol className="flex flex-col gap-3">
            {essay.practices.map((practice) => (
              <li key={practice.practiceId} className="flex gap-3">
                <span aria-hidden="true" className="font-mono text-muted">
                  {practice.position + 1}
                </span>
                <div>
                  <p className="font-medium">{practice.title}</p>
                  <p className="text-sm text-muted">{practice.description}</p>
                </div>
              </li>
            ))}
          </ol>
        </Card>
        <Card>
          <h2 className="mb-3 text-lg font-semibold">{t("discussionPrompts")}</h2>
          <ul className="flex list-disc flex-col gap-2 pl-5">
            {essay.prompts.map((prompt) => (
              <li key={prompt.id}>{prompt.text}</li>
            ))}
          </ul>
        </Card>
      </aside>
    </div>
  );
}
