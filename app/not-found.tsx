import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { buttonClass, Card, PageTitle } from "./_components/ui";

export default async function NotFound() {
  const t = await getTranslations("common");
  return (
    <Card className="mx-auto max-w-xl">
      <PageTitle lead={t("notFoundLead")}>{t("notFoundTitle")}</PageTitle>
      <Link href="/" className={buttonClass("secondary")}>
        {t("backToStart")}
      </Link>
    </Card>
  );
}
