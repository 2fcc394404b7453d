import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { builtModules, type ModuleKey, moduleKeys } from "../src/web/app/modules.ts";
import { en } from "../src/web/i18n/en.ts";
import { ru } from "../src/web/i18n/ru.ts";
import { uk } from "../src/web/i18n/uk.ts";
import { type Browser, launchBrowser, resultsDir, switchLanguage } from "./browser.ts";
import { lowContrastTexts } from "./contrast.ts";

const chromiumPath = inject("chromiumPath");
const baseUrl = inject("baseUrl");
const demo = inject("demo");
const messages = { ru, uk, en } as const;
type Lang = keyof typeof messages;
const langs: Lang[] = ["ru", "uk", "en"];

/** Every page of a workspace: the cockpit, each module of DOMAIN.md, settings; with its h1 per language. */
const pages = [
  { id: "cockpit", path: "", heading: (l: Lang) => messages[l].cockpit.question },
  ...moduleKeys.map((key) => ({
    id: key,
    path: key,
    heading: (l: Lang) => messages[l].modules[key].question,
  })),
  { id: "settings", path: "settings", heading: (l: Lang) => messages[l].settings.question },
];

async function heading(page: Page, text: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor({ timeout: 15_000 });
}

/** A full-page screenshot from the top (fixed header and navbar would otherwise land mid-page). */
async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(resultsDir, `${name}.png`), fullPage });
}

/** The language the server keeps for the signed-in user (PATCH /api/auth/me runs after a switch). */
async function serverLocale(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const response = await fetch("/api/auth/me");
    const me = (await response.json()) as { user: { locale: string } };
    return me.user.locale;
  });
}

/** Text below WCAG AA contrast on the page as it stands, tagged with where it was seen. */
async function contrastProblems(page: Page, where: string): Promise<string[]> {
  return (await page.evaluate(lowContrastTexts)).map((line) => `${where}: ${line}`);
}

describe.skipIf(!chromiumPath)("the web app in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const slug = demo?.workspaceSlug ?? "demo";
  const at = (p: string) => `/w/${slug}${p ? `/${p}` : ""}`;

  beforeAll(async () => {
    fs.mkdirSync(resultsDir, { recursive: true });
    // A Russian-speaking browser: the app must start in Russian without being told.
    browser = await launchBrowser(chromiumPath, "ru-RU");
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on("pageerror", (error) => pageErrors.push(error.message));
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("sends a signed-out reader to sign in, in the browser's language, and switches ru → uk → en there", async () => {
    await page.goto(`${baseUrl}${at("money")}`);
    await page.waitForURL(/\/signin\?next=/);
    await heading(page, ru.auth.signin.title);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ru");
    await shot(page, "ru-signin");
    expect(await contrastProblems(page, "signin")).toEqual([]);
    await switchLanguage(page, "uk");
    await heading(page, uk.auth.signin.title);
    await page.getByText(uk.auth.demo.use).waitFor();
    await shot(page, "uk-signin");
    await switchLanguage(page, "en");
    await heading(page, en.auth.signin.title);
    await shot(page, "en-signin");
    expect(pageErrors).toEqual([]);
  });

  it("signs in with the demo account and returns to the page asked for", async () => {
    expect(demo, "the server started without a demo").not.toBeNull();
    await page.getByTestId("use-demo").click();
    expect(await page.getByLabel(en.auth.signin.email).inputValue()).toBe(demo?.email);
    await page.getByTestId("signin-submit").click();
    await page.waitForURL(`**${at("money")}`);
    await heading(page, en.modules.money.question);
    expect(pageErrors).toEqual([]);
  });

  it("switches language ru → uk → en in the app, and the visible texts follow", async () => {
    await page
      .getByRole("navigation")
      .locator(`a[href="${at("")}"]`)
      .click();
    for (const lang of langs) {
      await switchLanguage(page, lang);
      await heading(page, messages[lang].cockpit.question);
      await page
        .getByRole("navigation")
        .getByText(messages[lang].modules.speedometer.name, { exact: true })
        .waitFor();
      await page.getByRole("heading", { name: messages[lang].cockpit.loadedTitle }).waitFor();
      await expect.poll(() => serverLocale(page)).toBe(lang);
    }
    expect(pageErrors).toEqual([]);
  });

  it.each(langs)("opens every page in %s at laptop width, one screenshot each", async (lang) => {
    const lowContrast: string[] = [];
    await switchLanguage(page, lang);
    for (const p of pages) {
      await page
        .getByRole("navigation")
        .locator(`a[href="${at(p.path)}"]`)
        .click();
      await page.waitForURL(`**${at(p.path)}`);
      await heading(page, p.heading(lang));
      if (p.id === "cockpit") {
        const customers = await page.getByTestId("count-customers").locator("p").first().textContent();
        expect(Number(customers?.replace(/\D/g, ""))).toBeGreaterThan(0);
      } else if (p.id === "settings") {
        await page.getByTestId("members-table").waitFor();
      } else if (!builtModules[p.id as ModuleKey]) {
        await page.getByTestId("not-built").waitFor();
        await page.getByText(messages[lang].notBuilt.title).waitFor();
      }
      await shot(page, `${lang}-${p.id}`);
      // Colours do not depend on the language; checking one pass keeps the run short.
      if (lang === "en") lowContrast.push(...(await contrastProblems(page, p.id)));
    }
    expect(lowContrast).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("creates an API token, shows it once, and revokes it", async () => {
    await page.goto(`${baseUrl}${at("settings")}`);
    await heading(page, en.settings.question);
    await page.getByTestId("token-name").fill("e2e shop");
    await page.getByTestId("token-create").click();
    const token = await page.getByTestId("new-token-value").textContent();
    expect(token).toMatch(/^stn_/);
    await page.getByText(en.settings.tokens.createdTitle).waitFor();
    await shot(page, "en-settings-new-token");
    expect(await contrastProblems(page, "new token")).toEqual([]);
    await page.getByRole("button", { name: en.settings.tokens.done }).click();
    await page.getByTestId("new-token").waitFor({ state: "detached" });
    await page
      .getByRole("button", { name: en.settings.tokens.revoke.replace("{{name}}", "e2e shop") })
      .click();
    await page.getByRole("dialog").getByRole("button", { name: en.settings.tokens.revokeConfirm }).click();
    await page
      .getByTestId("tokens-table")
      .getByText(/^revoked /)
      .waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("creates a workspace, shows its honest empty cockpit, and switches back with the switcher", async () => {
    await page.goto(`${baseUrl}${at("settings")}`);
    await page.getByRole("link", { name: en.workspace.create }).click();
    await heading(page, en.workspaces.newTitle);
    await page.getByLabel(en.workspaces.name, { exact: false }).first().fill("Кав’ярня «Ранок»");
    await page.getByRole("button", { name: en.workspaces.submit }).click();
    await page.waitForURL((url) => /^\/w\/[^/]+$/.test(url.pathname) && url.pathname !== at(""));
    await heading(page, en.cockpit.question);
    await page.getByText(en.cockpit.emptyTitle).waitFor();
    await shot(page, "en-cockpit-empty");
    await page.getByRole("navigation").locator('a[href$="/settings"]').click();
    await heading(page, en.settings.question);
    await page.getByTestId("workspace-switcher").click();
    await page.getByRole("option", { name: new RegExp(`\\(${en.workspace.demo}\\)$`) }).click();
    await page.waitForURL(`**${at("settings")}`);
    await heading(page, en.settings.question);
    expect(pageErrors).toEqual([]);
  });

  it("works at phone width: the navigation hides behind a burger", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const lang of langs) {
      await switchLanguage(page, lang);
      await page.goto(`${baseUrl}${at("")}`);
      await heading(page, messages[lang].cockpit.question);
      const navbar = page.getByTestId("navbar");
      const burger = page.getByTestId("burger");
      const offScreen = async () => {
        const box = await navbar.boundingBox();
        return !box || box.x + box.width <= 0;
      };
      expect(await offScreen()).toBe(true);
      await shot(page, `phone-${lang}-cockpit`);
      await burger.click();
      await page.waitForFunction(() => {
        const box = document.querySelector("[data-testid=navbar]")?.getBoundingClientRect();
        return box !== undefined && box.x >= 0;
      });
      await shot(page, `phone-${lang}-menu`, false);
      expect(await contrastProblems(page, "phone menu")).toEqual([]);
      await navbar.locator(`a[href="${at("speedometer")}"]`).click();
      await heading(page, messages[lang].modules.speedometer.question);
      expect(await burger.getAttribute("aria-expanded")).toBe("false");
      await page.waitForFunction(() => {
        const box = document.querySelector("[data-testid=navbar]")?.getBoundingClientRect();
        return box !== undefined && box.x + box.width <= 0;
      });
      await shot(page, `phone-${lang}-speedometer`);
    }
    await page.setViewportSize({ width: 1366, height: 800 });
    expect(pageErrors).toEqual([]);
  });

  it("signs out, and the workspace is closed to a signed-out reader", async () => {
    await page.getByTestId("user-menu").click();
    await page.getByTestId("sign-out").click();
    await page.waitForURL(/\/signin$/);
    await page.goto(`${baseUrl}${at("")}`);
    await page.waitForURL(/\/signin/);
    await heading(page, en.auth.signin.title);
    expect(pageErrors).toEqual([]);
  });
});
