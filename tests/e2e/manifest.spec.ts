import { expect, test } from "@playwright/test";

/** A PNG's size, from its header (IHDR: width and height as big-endian 32-bit integers). */
function pngSize(bytes: Buffer) {
  expect(bytes.subarray(1, 4).toString("latin1"), "a PNG signature").toBe("PNG");
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

interface Manifest {
  name: string;
  short_name: string;
  start_url: string;
  display: string;
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: string; purpose?: string }[];
}

test("the web app manifest lets phones add Practica to the home screen, with icons of the stated sizes", async ({
  request,
}) => {
  const response = await request.get("/manifest.webmanifest");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/manifest+json");
  const manifest = (await response.json()) as Manifest;
  expect(manifest).toMatchObject({
    name: "Practica",
    short_name: "Practica",
    start_url: "/",
    display: "standalone",
    // The light theme's canvas (app/globals.css), as in the theme-color meta.
    background_color: "#f7f7f5",
    theme_color: "#f7f7f5",
  });
  expect(manifest.icons.map((icon) => `${icon.sizes} ${icon.purpose ?? "any"}`).sort()).toEqual([
    "192x192 any",
    "512x512 any",
    "512x512 maskable",
  ]);
  for (const icon of manifest.icons) {
    const image = await request.get(icon.src);
    expect(image.status(), icon.src).toBe(200);
    expect(image.headers()["content-type"], icon.src).toBe("image/png");
    expect(icon.type).toBe("image/png");
    expect(pngSize(await image.body()), icon.src).toBe(icon.sizes);
  }
});

test("every page links the manifest, a home-screen icon for iOS and a theme colour per theme", async ({
  page,
  request,
}) => {
  await page.goto("/");
  const head = page.locator("head");
  await expect(head.locator('link[rel="manifest"]')).toHaveAttribute(
    "href",
    "/manifest.webmanifest",
  );
  const appleIcon = head.locator('link[rel="apple-touch-icon"]');
  await expect(appleIcon).toHaveAttribute("sizes", "180x180");
  const appleIconResponse = await request.get((await appleIcon.getAttribute("href"))!);
  expect(appleIconResponse.headers()["content-type"]).toBe("image/png");
  expect(pngSize(await appleIconResponse.body())).toBe("180x180");
  await expect(head.locator('meta[name="theme-color"][media*="light"]')).toHaveAttribute(
    "content",
    "#f7f7f5",
  );
  await expect(head.locator('meta[name="theme-color"][media*="dark"]')).toHaveAttribute(
    "content",
    "#0f1115",
  );

  // A theme picked on the site wins over the system's for the toolbar too.
  const dark = page.getByRole("button", { name: "Dark theme" });
  await dark.click();
  // The choice is saved by a server action: reload once it has answered.
  await expect(dark).toHaveAttribute("aria-pressed", "true");
  await page.reload();
  await expect(head.locator('meta[name="theme-color"]')).toHaveCount(1);
  await expect(head.locator('meta[name="theme-color"]')).toHaveAttribute("content", "#0f1115");
});
