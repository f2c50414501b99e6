"use client";

import { useTranslations } from "next-intl";

// Not from ui.tsx: this boundary has a chunk of its own that every page loads, so it takes only
// the pieces it shows.
import { buttonClass } from "./_components/button-class";
import { Card, PageTitle } from "./_components/card";

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
