import type { Metadata, Viewport } from "next";
import { cookies } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";

import { getCurrentUser } from "~/server/auth/current-user";

import { ClientMessages } from "./_components/client-messages";
import { LanguageSwitch } from "./_components/language-switch";
import { SiteHeader } from "./_components/site-header";
import { parseTheme, themeCookie } from "./_components/theme";
import { ThemeSwitch } from "./_components/theme-switch";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: "Practica", template: "%s · Practica" },
    description: t("siteDescription"),
    // app/icon.svg is the tab icon; iOS wants a PNG for the home screen (the manifest is app/manifest.ts).
    icons: { apple: { url: "/icons/apple-touch-icon.png", sizes: "180x180", type: "image/png" } },
  };
}

/** The canvas of each theme (globals.css), for the browser's and the phone's toolbar. */
const canvasColour = { light: "#f7f7f5", dark: "#0f1115" } as const;

export async function generateViewport(): Promise<Viewport> {
  // A theme picked on the site wins over the system's, as it does for the page itself.
  const theme = parseTheme((await cookies()).get(themeCookie)?.value);
  return {
    width: "device-width",
    initialScale: 1,
    themeColor:
      theme === "system"
        ? [
            { media: "(prefers-color-scheme: light)", color: canvasColour.light },
            { media: "(prefers-color-scheme: dark)", color: canvasColour.dark },
          ]
        : canvasColour[theme],
  };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const theme = parseTheme((await cookies()).get(themeCookie)?.value);
  const [user, locale, t] = await Promise.all([
    getCurrentUser(),
    getLocale(),
    getTranslations("common"),
  ]);
  return (
    <html lang={locale} className={theme === "system" ? undefined : theme}>
      <body className="min-h-dvh bg-canvas font-sans text-fg antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-surface focus:p-2"
        >
          {t("skipToContent")}
        </a>
        <SiteHeader user={user} />
        <main id="main" className="mx-auto w-full max-w-5xl px-4 py-6 sm:py-10">
          <ClientMessages namespaces={["common"]}>{children}</ClientMessages>
        </main>
        <footer className="mx-auto flex w-full max-w-5xl flex-wrap items-center justify-between gap-3 border-t border-line px-4 py-4 text-sm text-muted">
          <span className="text-balance">{t("footerTagline")}</span>
          <div className="flex flex-wrap items-center gap-2">
            <LanguageSwitch />
            <ThemeSwitch current={theme} />
          </div>
        </footer>
      </body>
    </html>
  );
}
