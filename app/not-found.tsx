import { getTranslations } from "next-intl/server";

import { getCurrentUser } from "~/server/auth/current-user";

import { NavLink } from "./_components/nav-link";
import { buttonClass, Card, PageTitle } from "./_components/ui";

/**
 * Unknown addresses, and pages that aren't the visitor's to see (the admin area for anyone but
 * an admin answers this same 404, so that it doesn't announce itself). Signed in, the way on is
 * the person's home page rather than the landing page.
 */
export default async function NotFound() {
  const [t, user] = await Promise.all([getTranslations("common"), getCurrentUser()]);
  return (
    <Card className="mx-auto max-w-xl">
      <PageTitle lead={user ? t("notFoundLeadSignedIn") : t("notFoundLead")}>
        {t("notFoundTitle")}
      </PageTitle>
      {user ? (
        <NavLink href="/home" className={buttonClass("secondary")}>
          {t("goHome")}
        </NavLink>
      ) : (
        <NavLink href="/" className={buttonClass("secondary")}>
          {t("backToStart")}
        </NavLink>
      )}
    </Card>
  );
}
