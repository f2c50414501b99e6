import Link from "next/link";

import type { CurrentUser } from "~/server/auth/current-user";

import { signOutAction } from "../_actions/account";
import type { ThemeChoice } from "./theme";
import { ThemeSwitch } from "./theme-switch";
import { buttonClass } from "./ui";

export function SiteHeader({ user, theme }: { user: CurrentUser | null; theme: ThemeChoice }) {
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-2 px-4 py-2">
        <Link href="/" className="flex min-h-11 items-center text-xl font-bold tracking-tight">
          Practica
        </Link>
        <nav aria-label="Main" className="flex flex-1 flex-wrap items-center gap-1">
          <Link href="/library" className={buttonClass("ghost")}>
            Library
          </Link>
          {user && (
            <Link href="/home" className={buttonClass("ghost")}>
              Home
            </Link>
          )}
        </nav>
        <div className="flex items-center gap-2">
          <ThemeSwitch current={theme} />
          {user ? (
            <form action={signOutAction}>
              <button type="submit" className={buttonClass("secondary")}>
                Sign out
              </button>
            </form>
          ) : (
            <Link href="/sign-in" className={buttonClass("secondary")}>
              Sign in
            </Link>
          )}
        </div>
      </div>
    </header>
  );
}
