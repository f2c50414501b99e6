import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { Card, PageTitle } from "../_components/ui";
import { requireAdmin } from "./_components/require-admin";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.overview");
  return { title: t("metaTitle") };
}

const sections = [
  { href: "/admin/content", key: "content" },
  { href: "/admin/users", key: "users" },
  { href: "/admin/teams", key: "teams" },
  { href: "/admin/audit", key: "audit" },
] as const;

export default async function AdminPage() {
  const admin = await requireAdmin("/admin");
  const t = await getTranslations("admin.overview");
  return (
    <>
      <PageTitle lead={t("lead", { email: admin.email })}>{t("title")}</PageTitle>
      <ul className="grid gap-4 sm:grid-cols-2">
        {sections.map((section) => (
          <li key={section.href}>
            <Card className="h-full">
              <h2 className="text-lg font-semibold">
                <Link href={section.href} className="underline-offset-4 hover:underline">
                  {t(`sections.${section.key}.title`)}
                </Link>
              </h2>
              <p className="mt-1 text-muted">{t(`sections.${section.key}.text`)}</p>
            </Card>
          </li>
        ))}
      </ul>
    </>
  );
}
