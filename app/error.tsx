"use client";

import { useTranslations } from "next-intl";

import { buttonClass, Card, PageTitle } from "./_components/ui";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  const t = useTranslations("common");
  return (
    <Card className="mx-auto max-w-xl">
      <PageTitle lead={t("errorLead")}>{t("errorTitle")}</PageTitle>
      <button type="button" onClick={reset} className={buttonClass()}>
        {t("tryAgain")}
      </button>
    </Card>
  );
}
