import type { MetadataRoute } from "next";
import { getLocale, getTranslations } from "next-intl/server";

/**
 * The web app manifest (served at /manifest.webmanifest): lets people add Practica to a phone's
 * home screen and open it like an app. Colours are the light theme's canvas, as in the layout's
 * theme-color; the icons are made from app/icon.svg by scripts/make-icons.ts. The description
 * is in the request's language: browsers fetch the manifest without cookies, so that is the
 * browser's language rather than a language picked on the site.
 */
export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("common")]);
  return {
    name: "Practica",
    short_name: "Practica",
    description: t("siteDescription"),
    lang: locale,
    start_url: "/",
    scope: "/",
    display: "standalone",
    background_color: "#f7f7f5",
    theme_color: "#f7f7f5",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      {
        src: "/icons/icon-maskable-512.png",
        sizes: "512x512",
        type: "image/png",
        purpose: "maskable",
      },
    ],
  };
}
