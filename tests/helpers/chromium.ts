/**
 * Debian's Chromium, as every browser test and measurement here launches it: browsers can't be
 * downloaded on these machines, and the flags keep it from reaching out or needing a sandbox.
 */
export const chromiumLaunchOptions = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
