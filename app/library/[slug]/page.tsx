import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";

import { getCurrentUser } from "~/server/auth/current-user";
import { mayFacilitate } from "~/server/auth/policy";

import { serverCaller } from "../../_trpc/server";
import { LocalDate } from "../../_components/local-date";
import { Markdown } from "../../_components/markdown";
import { buttonClass, Card } from "../../_components/ui";

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
  const [t, user] = await Promise.all([getTranslations("home.library"), getCurrentUser()]);
  // Sessions start from a team's page: the way to run this workshop leads there.
  const runLink = mayFacilitate(user) && (
    <Link href="/teams" className={buttonClass("primary")}>
      {t("runWorkshop")}
    </Link>
  );
  const backLink = (
    <Link href="/library" className={buttonClass("ghost")}>
      <span aria-hidden="true">←</span>
      {t("backToLibrary")}
    </Link>
  );
  return (
    <div className="grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <article>
        <div className="-mt-2 mb-4 -ml-4">{backLink}</div>
        <header className="mb-6">
          <p className="text-sm text-muted">
            {t.rich("versionPublished", {
              version: essay.number,
              date: () => <LocalDate date={essay.publishedAt} />,
            })}
          </p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight">{essay.title}</h1>
          {runLink && (
            <div className="mt-4 flex flex-col gap-2 sm:flex-row sm:items-center sm:gap-4">
              {runLink}
              <p className="text-sm text-muted">{t("runWorkshopHint")}</p>
            </div>
          )}
        </header>
        <Markdown source={essay.markdown} />
        {/* At the end of a long read, the same ways on, without scrolling back up. */}
        <div className="mt-10 flex flex-wrap items-center gap-3 border-t border-line pt-6">
          {runLink}
          {backLink}
        </div>
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
