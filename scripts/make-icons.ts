// Renders the home-screen icons in public/icons from app/icon.svg, with the system Chromium (no
// image tool is guaranteed on these machines). Run after changing the logo, then commit the PNGs:
//   npx tsx scripts/make-icons.ts
import { readFileSync } from "node:fs";
import path from "node:path";

import { chromium } from "@playwright/test";

import { chromiumLaunchOptions } from "../tests/helpers/chromium";

const root = path.resolve(import.meta.dirname, "..");
const logo = readFileSync(path.join(root, "app/icon.svg"), "utf8");
// The logo's own colour, for icons that must fill their whole square.
const brand = "#3446c9";

/**
 * "any": the logo as drawn (rounded, transparent corners). "full": a full-bleed square, for
 * platforms that cut their own shape; the logo's mark sits inside the maskable safe zone (the
 * middle 80 %), or nearly fills the square for iOS, which only rounds the corners.
 */
const icons = [
  { file: "icon-192.png", size: 192, look: "any" },
  { file: "icon-512.png", size: 512, look: "any" },
  { file: "icon-maskable-512.png", size: 512, look: "full", mark: 0.62 },
  { file: "apple-touch-icon.png", size: 180, look: "full", mark: 0.86 },
] as const;

function pageFor(icon: (typeof icons)[number]) {
  const body =
    icon.look === "any"
      ? `<img src="data:image/svg+xml;base64,${Buffer.from(logo).toString("base64")}" width="${icon.size}" height="${icon.size}">`
      : // The full-bleed square is the brand colour; the logo (its own square the same colour) is
        // scaled down inside it, so only the mark's size changes.
        `<div style="width:${icon.size}px;height:${icon.size}px;background:${brand};display:grid;place-items:center">
           <img src="data:image/svg+xml;base64,${Buffer.from(logo).toString("base64")}" width="${Math.round(icon.size * icon.mark)}" height="${Math.round(icon.size * icon.mark)}">
         </div>`;
  return `<!doctype html><html><body style="margin:0;background:transparent">${body}</body></html>`;
}

const browser = await chromium.launch(chromiumLaunchOptions);
try {
  for (const icon of icons) {
    const page = await browser.newPage({
      viewport: { width: icon.size, height: icon.size },
      deviceScaleFactor: 1,
    });
    await page.setContent(pageFor(icon));
    await page.locator("img").evaluate((img: HTMLImageElement) => img.decode());
    const file = path.join(root, "public/icons", icon.file);
    await page.screenshot({ path: file, omitBackground: true });
    await page.close();
    console.log(`wrote ${path.relative(root, file)} (${icon.size}×${icon.size})`);
  }
} finally {
  await browser.close();
}
