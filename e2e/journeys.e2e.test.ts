import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { JourneyMap, JourneyOptions } from "../src/web/features/segments/journey-api.ts";
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

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(resultsDir, `${name}.png`), fullPage: true });
}

/** Digits only: ru and uk group thousands with no-break spaces. */
const digits = (text: string | null) => Number((text ?? "").replace(/\D/g, ""));

describe.skipIf(!chromiumPath)("customer journey maps in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let mapId = 0;
  const pageErrors: string[] = [];
  const slug = demo?.workspaceSlug ?? "demo";
  const api = async <T>(rest: string): Promise<T> => {
    const r = await page.request.get(`${baseUrl}/api/workspaces/${slug}${rest}`);
    expect(r.status()).toBe(200);
    return (await r.json()) as T;
  };
  const m = ru.segmentsPage.journeys;

  beforeAll(async () => {
    fs.mkdirSync(resultsDir, { recursive: true });
    browser = await launchBrowser(chromiumPath, "ru-RU");
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on("pageerror", (error) => pageErrors.push(error.message));
    expect(demo, "the server started without a demo").not.toBeNull();
    await page.goto(`${baseUrl}/signin`);
    await page.getByTestId("use-demo").click();
    await page.getByTestId("signin-submit").click();
    await page.waitForURL(/\/w\//);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  it("creates a map with two stages and touchpoints, marks a pain point and links a problem", async () => {
    const options = await api<JourneyOptions>("/journey-options");
    expect(options.problems.length).toBeGreaterThan(0);
    expect(options.locations.length).toBeGreaterThan(0);
    const problem = options.problems[0]!;
    const location = options.locations[0]!;

    await page.goto(`${baseUrl}/w/${slug}/segments`);
    await switchLanguage(page, "ru");
    await page.getByTestId("open-journeys").waitFor();
    await shot(page, "ru-segments-with-journeys-link");
    await page.getByTestId("open-journeys").click();
    await page.getByRole("heading", { level: 1, name: m.title, exact: true }).waitFor();
    await page.getByTestId("journey-name").fill("Покупка в магазине");
    await page.getByTestId("journey-name").press("Enter");
    await page.waitForURL(/\/segments\/journeys\/\d+$/);
    mapId = Number(page.url().split("/").pop());

    // two stages, added from the keyboard
    for (const name of ["Обращение", "Визит"]) {
      await page.getByTestId("stage-name").fill(name);
      await page.getByTestId("stage-name").press("Enter");
      await page.getByRole("heading", { level: 3, name: new RegExp(name) }).waitFor();
    }
    expect(await page.getByTestId("stage-title").allTextContents()).toEqual(["1. Обращение", "2. Визит"]);

    // a phone touchpoint at the first location, with a linked problem, marked as a pain point
    await page.getByTestId("stage-0").getByTestId("add-touchpoint").click();
    await page.getByTestId("tp-name").fill("Звонок на горячую линию");
    await page.getByTestId("tp-channel").click();
    await page.getByRole("option", { name: m.channels.phone, exact: true }).click();
    await page.getByTestId("tp-location").click();
    await page.getByRole("option", { name: location.name, exact: true }).click();
    await page.getByTestId("tp-problems").click();
    await page.getByRole("option", { name: problem.label, exact: true }).click();
    await page.keyboard.press("Escape");
    await page.getByTestId("tp-pain").check();
    await page.getByTestId("tp-save").click();
    await page.getByTestId("touchpoint-form").waitFor({ state: "detached" });

    // a web touchpoint in the second stage, no pain mark
    await page.getByTestId("stage-1").getByTestId("add-touchpoint").click();
    await page.getByTestId("tp-name").fill("Сайт магазина");
    await page.getByTestId("tp-channel").click();
    await page.getByRole("option", { name: m.channels.web, exact: true }).click();
    await page.getByTestId("tp-name").press("Enter");
    await page.getByTestId("touchpoint-form").waitFor({ state: "detached" });

    const map = await api<JourneyMap>(`/journeys/${mapId}`);
    expect(map.stages.map((s) => s.touchpoints.length)).toEqual([1, 1]);
    const phone = map.stages[0]!.touchpoints[0]!;
    const web = map.stages[1]!.touchpoints[0]!;
    expect(phone).toMatchObject({ channel: "phone", locationId: location.id, pain: true });
    expect(phone.problems.map((p) => p.id)).toEqual([problem.id]);
    expect(web).toMatchObject({ channel: "web", pain: false });

    // the pain point is marked by an icon and a text, not by colour alone
    const phoneCard = page.getByTestId(`touchpoint-${phone.id}`);
    expect(await phoneCard.getAttribute("data-pain")).toBe("true");
    expect(await phoneCard.getByTestId("pain-mark").textContent()).toContain(m.painPoint);
    expect(await page.getByTestId(`touchpoint-${web.id}`).getByTestId("pain-mark").count()).toBe(0);
    // the linked problem is a chip with its mentions through this touchpoint
    const chip = phoneCard.getByTestId(`chip-${problem.id}`);
    expect(await chip.textContent()).toContain(problem.label);
    expect(digits((await chip.textContent())!.split("·").pop()!)).toBe(phone.problems[0]!.mentions);
    // the cards show the API's figures (computed by hand in journeys.int.test.ts)
    for (const tp of [phone, web]) {
      const card = page.getByTestId(`touchpoint-${tp.id}`);
      expect(digits(await card.getByTestId("fig-requests").textContent())).toBe(tp.figures!.requests);
    }
    expect(pageErrors).toEqual([]);
  });

  it("exports the map as a PNG image", async () => {
    await page.goto(`${baseUrl}/w/${slug}/segments/journeys/${mapId}`);
    await page.getByTestId("journey-board").waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-png").click(),
    ]);
    expect(download.suggestedFilename()).toBe(`journey-${mapId}.png`);
    const png = fs.readFileSync(await download.path());
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // IHDR: width and height of a two-column map drawn at 2×, well above a blank image's size
    expect(png.readUInt32BE(16)).toBeGreaterThan(1000);
    expect(png.length).toBeGreaterThan(10_000);
    fs.writeFileSync(path.join(resultsDir, "journey-export.png"), png);
  });

  it("prints the map alone (the print stylesheet behind “save as PDF”)", async () => {
    await page.goto(`${baseUrl}/w/${slug}/segments/journeys/${mapId}`);
    await page.getByTestId("journey-board").waitFor();
    await page.emulateMedia({ media: "print" });
    try {
      expect(await page.getByTestId("export-png").isVisible()).toBe(false);
      expect(await page.getByTestId("add-stage-form").isVisible()).toBe(false);
      expect(await page.getByTestId("journey-board").isVisible()).toBe(true);
      await page.screenshot({ path: path.join(resultsDir, "journey-print.png"), fullPage: true });
      const pdf = await page.pdf({ landscape: true, printBackground: true });
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(10_000);
      fs.writeFileSync(path.join(resultsDir, "journey-print.pdf"), pdf);
    } finally {
      await page.emulateMedia({ media: "screen" });
    }
  });

  it("exports the touchpoints as CSV with a byte-order mark", async () => {
    await page.goto(`${baseUrl}/w/${slug}/segments/journeys/${mapId}`);
    await switchLanguage(page, "en");
    await page.getByTestId("journey-board").waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-csv").click(),
    ]);
    const raw = fs.readFileSync(await download.path(), "utf8");
    expect(raw.startsWith("\uFEFFStage,Touchpoint,Channel,Location,Requests")).toBe(true);
    expect(raw).toContain("Обращение,Звонок на горячую линию,Phone,");
  });

  it.each(langs)("shows the map and the list in %s", async (lang) => {
    const t = messages[lang].segmentsPage.journeys;
    await page.goto(`${baseUrl}/w/${slug}/segments/journeys/${mapId}`);
    await switchLanguage(page, lang);
    await page.getByTestId("journey-board").waitFor();
    await page.getByText(t.painPoint, { exact: true }).first().waitFor();
    await shot(page, `${lang}-journey-map`);
    if (lang === "en") expect(await page.evaluate(lowContrastTexts)).toEqual([]);
    await page.goto(`${baseUrl}/w/${slug}/segments/journeys`);
    await page.getByTestId("journeys-table").waitFor();
    expect(await page.getByTestId("journeys-table").textContent()).toContain("Покупка в магазине");
    await shot(page, `${lang}-journeys`);
    expect(pageErrors).toEqual([]);
  });
});
