import type { Metadata } from "next";
import Link from "next/link";

import { getCurrentUser } from "~/server/auth/current-user";

import { serverCaller } from "../../_trpc/server";
import { Alert, buttonClass, Card, PageTitle } from "../../_components/ui";
import { JoinTeamForm, SignUpAndJoinForm } from "./_components/invite-forms";
import { userRoleLabel } from "../../_components/role-labels";
import { decodeSegment } from "../../_components/path-segment";

export const metadata: Metadata = {
  title: "Team invite",
  // The address holds a secret: keep it out of Referer headers and search engines.
  referrer: "no-referrer",
  robots: { index: false, follow: false },
};

const roleText = { facilitator: "a facilitator", member: "a member" } as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const token = decodeSegment((await params).token, 200);
  const [invite, user] = await Promise.all([
    (await serverCaller()).team.inviteByToken({ token }),
    getCurrentUser(),
  ]);

  if (invite.state !== "open") {
    const asker =
      invite.state === "unknown" ? null : (invite.inviterName ?? "the team's facilitator");
    // A sign-up link from an admin has no team to name.
    const teamName =
      invite.state === "expired" || invite.state === "revoked" ? invite.teamName : null;
    const what = teamName ? `The invite to join ${teamName}` : "This sign-up link";
    const { title, lead } = {
      unknown: {
        title: "This invite link doesn't work",
        lead: "It may be incomplete or mistyped. Copy the whole link again, or ask the person who invited you for a new one.",
      },
      expired: {
        title: "This invite has expired",
        lead: `${what} has expired. Ask ${asker} for a new link.`,
      },
      revoked: {
        title: "This invite was withdrawn",
        lead: `${what} is no longer valid. Ask ${asker} for a new link.`,
      },
      used: {
        title: "This sign-up link was used",
        lead: `It makes one account, and someone has signed up with it. Sign in if that was you, or ask ${asker} for a new link.`,
      },
    }[invite.state];
    return (
      <Card className="mx-auto w-full max-w-xl">
        <PageTitle lead={lead}>{title}</PageTitle>
        <Link href={user ? "/teams" : "/"} className={buttonClass("secondary")}>
          {user ? "Go to your teams" : "Go to the start"}
        </Link>
      </Card>
    );
  }

  const invitedBy = invite.inviterName ? `${invite.inviterName} invited you` : "You are invited";
  const signInHref = `/sign-in?next=${encodeURIComponent(`/invite/${token}`)}`;
  if (invite.teamName === null) {
    return (
      <AccountInvite
        token={token}
        lead={`${invitedBy} to Practica with the role ${userRoleLabel[invite.userRole]}.`}
        signedInAs={user ? `${user.name} (${user.email})` : null}
      />
    );
  }
  return (
    <Card className="mx-auto w-full max-w-xl">
      <PageTitle
        lead={`${invitedBy} to join ${invite.teamName} on Practica as ${roleText[invite.teamRole]}.`}
      >
        Join {invite.teamName}
      </PageTitle>
      {user ? (
        <div className="flex flex-col gap-4">
          <p>
            You are signed in as <span className="font-medium">{user.name}</span>{" "}
            <span className="break-all text-muted">({user.email})</span>.
          </p>
          {invite.teamRole === "facilitator" && user.role === "member" && (
            <Alert tone="info">
              Your account is a member account, so you will see {invite.teamName} but can&apos;t run
              its sessions until an admin makes you a facilitator.
            </Alert>
          )}
          <JoinTeamForm token={token} teamName={invite.teamName} />
        </div>
      ) : (
        <div className="flex flex-col gap-6">
          <div className="flex flex-col gap-3 rounded-lg border border-line bg-raised p-4 sm:flex-row sm:items-center sm:justify-between">
            <p>Already have an account?</p>
            <Link href={signInHref} className={buttonClass("secondary")}>
              Sign in to join
            </Link>
          </div>
          <section aria-labelledby="new-account-heading" className="flex flex-col gap-4">
            <h2 id="new-account-heading" className="text-lg font-semibold">
              New to Practica? Create your account
            </h2>
            <SignUpAndJoinForm token={token} signInHref={signInHref} />
          </section>
        </div>
      )}
    </Card>
  );
}

/** An admin's sign-up link: it creates one account and joins no team. */
function AccountInvite({
  token,
  lead,
  signedInAs,
}: {
  token: string;
  lead: string;
  signedInAs: string | null;
}) {
  return (
    <Card className="mx-auto w-full max-w-xl">
      <PageTitle lead={lead}>Create your account</PageTitle>
      {signedInAs ? (
        <div className="flex flex-col gap-4">
          <Alert tone="info">
            You are signed in as {signedInAs}. This link is for creating a new account; sign out
            first if you are passing it on to someone else.
          </Alert>
          <Link href="/home" className={buttonClass("secondary")}>
            Go to your home page
          </Link>
        </div>
      ) : (
        <SignUpAndJoinForm token={token} signInHref="/sign-in" submitLabel="Create account" />
      )}
    </Card>
  );
}
