import type { MetadataRoute } from "next";

/**
 * The web app manifest (served at /manifest.webmanifest): lets people add Practica to a phone's
 * home screen and open it like an app. Colours are the light theme's canvas, as in the layout's
 * theme-color; the icons are made from app/icon.svg by scripts/make-icons.ts.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Practica",
    short_name: "Practica",
    description:
      "Run team workshops on engineering practices, and follow through on what you decide.",
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
