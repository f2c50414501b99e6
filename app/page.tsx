import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { JoinCodeForm } from "./_components/join-code-form";
import { buttonClass, Card } from "./_components/ui";

export default async function LandingPage() {
  const t = await getTranslations("home.landing");
  return (
    <div className="flex flex-col gap-8">
      <Card className="mx-auto w-full max-w-xl shadow-sm">
        <JoinCodeForm />
      </Card>
      <section className="mx-auto flex w-full max-w-xl flex-col gap-3 text-center sm:text-left">
        <h1 className="text-2xl font-bold tracking-tight">{t("title")}</h1>
        <p className="text-pretty text-muted">{t("lead")}</p>
        <div className="flex flex-wrap justify-center gap-3 sm:justify-start">
          <Link href="/sign-in" className={buttonClass("secondary")}>
            {t("signIn")}
          </Link>
          <Link href="/library" className={buttonClass("ghost")}>
            {t("browseLibrary")}
          </Link>
        </div>
      </section>
    </div>
  );
}
