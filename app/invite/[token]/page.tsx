import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { getCurrentUser } from "~/server/auth/current-user";

import { serverCaller } from "../../_trpc/server";
import { Alert, buttonClass, Card, PageTitle } from "../../_components/ui";
import { JoinTeamForm, SignUpAndJoinForm } from "./_components/invite-forms";
import { userRoleLabel } from "../../_components/role-labels";
import { decodeSegment } from "../../_components/path-segment";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home.invite");
  return {
    title: t("metaTitle"),
    // The address holds a secret: keep it out of Referer headers and search engines.
    referrer: "no-referrer",
    robots: { index: false, follow: false },
  };
}

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodeSegment((await params).token, 200);
  const [invite, user, t, tc] = await Promise.all([
    (await serverCaller()).team.inviteByToken({ token }),
    getCurrentUser(),
    getTranslations("home.invite"),
    getTranslations("common"),
  ]);

  if (invite.state !== "open") {
    const asker = invite.state === "unknown" ? "" : (invite.inviterName ?? t("teamsFacilitator"));
    // A sign-up link from an admin has no team to name.
    const team = invite.state === "expired" || invite.state === "revoked" ? invite.teamName : null;
    const { title, lead } = {
      unknown: { title: t("unknownTitle"), lead: t("unknownLead") },
      expired: {
        title: t("expiredTitle"),
        lead: team ? t("expiredTeamLead", { team, asker }) : t("expiredLinkLead", { asker }),
      },
      revoked: {
        title: t("revokedTitle"),
        lead: team ? t("revokedTeamLead", { team, asker }) : t("revokedLinkLead", { asker }),
      },
      used: { title: t("usedTitle"), lead: t("usedLead", { asker }) },
    }[invite.state];
    return (
      <Card className="mx-auto w-full max-w-xl">
        <PageTitle lead={lead}>{title}</PageTitle>
        <Link href={user ? "/teams" : "/"} className={buttonClass("secondary")}>
          {user ? t("goToTeams") : tc("backToStart")}
        </Link>
      </Card>
    );
  }

  const inviter = invite.inviterName;
  const signInHref = `/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`;
  if (invite.teamName === null) {
    const role = userRoleLabel(tc, invite.userRole);
    return (
      <AccountInvite
        token={token}
        lead={inviter ? t("accountLeadFrom", { inviter, role }) : t("accountLead", { role })}
        signedInAs={user ? { name: user.name, email: user.email } : null}
      />
    );
  }
  const team = invite.teamName;
  const role = invite.teamRole;
  return (
    <Card className="mx-auto w-full max-w-xl">
      <PageTitle
        lead={inviter ? t("teamLeadFrom", { inviter, team, role }) : t("teamLead", { team, role })}
      >
        {t("joinTeam", { team })}
      </PageTitle>
      {user ? (
        <div className="flex flex-col gap-4">
          <p>
            {t.rich("signedInAs", {
              name: user.name,
              email: user.email,
              strong: (chunks) => <span className="font-medium">{chunks}</span>,
              muted: (chunks) => <span className="break-all text-muted">{chunks}</span>,
            })}
          </p>
          {invite.teamRole === "facilitator" && user.role === "member" && (
            <Alert tone="info">{t("memberAccountNote", { team })}</Alert>
          )}
          <JoinTeamForm token={token} teamName={team} />
        </div>
      ) : (
        <div className="flex flex-col gap-6">
          <div className="flex flex-col gap-3 rounded-lg border border-line bg-raised p-4 sm:flex-row sm:items-center sm:justify-between">
            <p>{t("haveAccount")}</p>
            <Link href={signInHref} className={buttonClass("secondary")}>
              {t("signInToJoin")}
            </Link>
          </div>
          <section aria-labelledby="new-account-heading" className="flex flex-col gap-4">
            <h2 id="new-account-heading" className="text-lg font-semibold">
              {t("newToPractica")}
            </h2>
            <SignUpAndJoinForm token={token} signInHref={signInHref} />
          </section>
        </div>
      )}
    </Card>
  );
}

/** An admin's sign-up link: it creates one account and joins no team. */
async function AccountInvite({
  token,
  lead,
  signedInAs,
}: {
  token: string;
  lead: string;
  signedInAs: { name: string; email: string } | null;
}) {
  const t = await getTranslations("home.invite");
  return (
    <Card className="mx-auto w-full max-w-xl">
      <PageTitle lead={lead}>{t("createYourAccount")}</PageTitle>
      {signedInAs ? (
        <div className="flex flex-col gap-4">
          <Alert tone="info">{t("signedInForAccount", signedInAs)}</Alert>
          <Link href="/home" className={buttonClass("secondary")}>
            {t("goHome")}
          </Link>
        </div>
      ) : (
        <SignUpAndJoinForm token={token} signInHref="/sign-in" submitLabel="createAccount" />
      )}
    </Card>
  );
}
