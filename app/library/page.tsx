import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { serverCaller } from "../_trpc/server";
import { LocalDate } from "../_components/local-date";
import { Card, PageTitle } from "../_components/ui";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home.library");
  return { title: t("title") };
}

export default async function LibraryPage() {
  const essays = await (await serverCaller()).content.list();
  const t = await getTranslations("home.library");
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      {essays.length === 0 ? (
        <Card>
          <p className="text-muted">{t("empty")}</p>
        </Card>
      ) : (
        <ul className="grid gap-4 sm:grid-cols-2">
          {essays.map((essay) => (
            <li key={essay.slug}>
              <Card className="h-full">
                <h2 className="text-lg font-semibold">
                  <Link href={`/library/${essay.slug}`} className="hover:underline">
                    {essay.title}
                  </Link>
                </h2>
                <p className="mt-1 text-sm text-muted">
                  {t.rich("essayMeta", {
                    count: essay.practiceCount,
                    version: essay.versionNumber,
                    date: () => <LocalDate date={essay.publishedAt} />,
                  })}
                </p>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
