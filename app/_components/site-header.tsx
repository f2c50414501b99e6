import { getTranslations } from "next-intl/server";

import type { CurrentUser } from "~/server/auth/current-user";
import { isAdmin } from "~/server/auth/policy";

import { signOutAction } from "../_actions/account";
import { NavLink } from "./nav-link";
import { buttonClass } from "./ui";

/** A ghost button with less padding on phones, so the three links share one row at 320 px. */
const navLinkClass =
  "inline-flex min-h-11 items-center rounded-lg px-2 font-semibold text-fg transition-colors hover:bg-raised sm:px-4";

export async function SiteHeader({ user }: { user: CurrentUser | null }) {
  const t = await getTranslations("common");
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <NavLink href="/" className="flex min-h-11 items-center text-xl font-bold tracking-tight">
          Practica
        </NavLink>
        {/* Signed in, there are more links than fit beside the name on a phone: they get a row of
            their own. A guest's phone keeps everything on one row, leaving room for the session. */}
        <nav
          aria-label={t("mainNav")}
          className={
            user
              ? "order-last -ml-2 flex w-full flex-wrap items-center gap-1 sm:order-none sm:ml-0 sm:w-auto sm:flex-1"
              : "flex flex-1 flex-wrap items-center gap-1"
          }
        >
          <NavLink href="/library" className={navLinkClass}>
            {t("navLibrary")}
          </NavLink>
          {user && (
            <>
              <NavLink href="/home" className={navLinkClass}>
                {t("navHome")}
              </NavLink>
              <NavLink href="/teams" className={navLinkClass}>
                {t("navTeams")}
              </NavLink>
              {isAdmin(user) && (
                <NavLink href="/admin" className={navLinkClass}>
                  {t("navAdmin")}
                </NavLink>
              )}
            </>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          {user ? (
            <form action={signOutAction}>
              <button type="submit" className={buttonClass("secondary")}>
                {t("signOut")}
              </button>
            </form>
          ) : (
            // Not on the sign-in and setup pages themselves, which carry data-auth-page. A CSS
            // rule, not the request path: the root layout isn't rendered again when the visitor
            // moves between pages in the browser, and this works before any script has loaded.
            <NavLink
              href="/sign-in"
              className={`${buttonClass("secondary")} [body:has([data-auth-page])_&]:hidden`}
            >
              {t("signIn")}
            </NavLink>
          )}
        </div>
      </div>
    </header>
  );
}
