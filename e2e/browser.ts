import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

// Without these, Chromium here tries background connections that the closed network refuses, and as
// root it will not start sandboxed. Playwright never downloads a browser: we use the system's.
const args = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type Browser = { context: BrowserContext; close: () => Promise<void> };

/** Chromium with a fresh profile, a laptop-sized window and the given browser language. */
export async function launchBrowser(executablePath: string, locale: string): Promise<Browser> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "storona-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args,
    locale,
    viewport: { width: 1366, height: 800 },
    timeout: 60_000,
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

export const resultsDir = path.resolve(import.meta.dirname, "../test-results");

/** Picks a language in the app's switcher and waits until the page speaks it. */
export async function switchLanguage(page: Page, lang: "ru" | "uk" | "en"): Promise<void> {
  await page.getByTestId("language-switcher").click();
  await page.getByTestId(`language-${lang}`).click();
  await page.waitForFunction((l) => document.documentElement.lang === l, lang);
}
