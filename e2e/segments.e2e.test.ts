import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { SegmentDetail, SegmentsReport } from "../src/web/features/segments/segments-api.ts";
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

describe.skipIf(!chromiumPath)("the segments page in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const slug = demo?.workspaceSlug ?? "demo";
  const url = (rest = "") => `${baseUrl}/w/${slug}/segments${rest}`;
  const apiGet = async <T>(rest: string): Promise<T> => {
    const r = await page.request.get(`${baseUrl}/api/workspaces/${slug}/segments${rest}`);
    expect(r.status()).toBe(200);
    return (await r.json()) as T;
  };

  beforeAll(async () => {
    fs.mkdirSync(resultsDir, { recursive: true });
    browser = await launchBrowser(chromiumPath, "ru-RU");
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on("pageerror", (error) => {
      console.log("PAGEERROR", error.message, error.stack?.slice(0, 800));
      pageErrors.push(error.message);
    });
    expect(demo, "the server started without a demo").not.toBeNull();
    await page.goto(`${baseUrl}/signin`);
    await page.getByTestId("use-demo").click();
    await page.getByTestId("signin-submit").click();
    await page.waitForURL(/\/w\//);
    // Segments are computed when the demo is built; if this server did not, the page's button does it.
    const report = await apiGet<SegmentsReport>("");
    if (!report.run) {
      await page.goto(url());
      await page.getByTestId("rebuild").click();
      await page.getByTestId("rebuilt").waitFor({ timeout: 120_000 });
    }
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
  });

  it.each(langs)("lists RFM and behavioural segments with the API's sizes in %s", async (lang) => {
    const m = messages[lang];
    await page.goto(url());
    await switchLanguage(page, lang);
    await page.getByRole("heading", { level: 1, name: m.modules.segments.question, exact: true }).waitFor();
    await page.getByTestId("rfm-table").waitFor();
    await page.getByTestId("rfm-chart").getByRole("img").waitFor();
    const report = await apiGet<SegmentsReport>("");
    const rfm = report.segments.filter((s) => s.kind === "rfm");
    expect(rfm).toHaveLength(11);
    // every buyer is in exactly one RFM segment
    expect(rfm.reduce((s, x) => s + x.size, 0)).toBe(report.run!.customers);
    for (const s of rfm) {
      const row = page.getByTestId(`segment-row-${s.code}`);
      const key = s.code!.slice(4) as keyof typeof m.segmentsPage.rfm;
      expect(await row.locator("td").nth(0).textContent()).toContain(s.customName ?? m.segmentsPage.rfm[key]);
      expect(digits(await row.locator("td").nth(1).textContent())).toBe(s.size);
    }
    const clusters = report.segments.filter((s) => s.kind === "cluster");
    expect(clusters.length).toBe(report.run!.k);
    await page.getByTestId("clusters-table").waitFor();
    expect(clusters.reduce((s, x) => s + x.size, 0)).toBe(report.run!.customers);
    await shot(page, `${lang}-segments`);
    if (lang === "en") expect(await page.evaluate(lowContrastTexts)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("exports the list as CSV with a byte-order mark", async () => {
    await page.goto(url());
    await page.getByTestId("rfm-table").waitFor();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByTestId("export-segments").click(),
    ]);
    const raw = fs.readFileSync(await download.path(), "utf8");
    expect(raw.startsWith("\uFEFFid,kind,code,name,size,share,target,owner")).toBe(true);
    expect(raw).toContain(",rfm,rfm:champions,");
  });

  it.each(langs)("shows a segment, its persona and sets its manager and target (%s)", async (lang) => {
    const m = messages[lang];
    const report = await apiGet<SegmentsReport>("");
    const champions = report.segments.find((s) => s.code === "rfm:champions")!;
    await page.goto(url(`/${champions.id}`));
    await switchLanguage(page, lang);
    await page.getByTestId("segment-detail").waitFor();
    expect(digits(await page.getByTestId("size").textContent())).toBe(champions.size);
    expect(await page.getByTestId("to-speedometer").getAttribute("href")).toBe(
      `/w/${slug}/speedometer?segment=${champions.id}`,
    );
    // the facts table and the persona's first fact show the API's figures
    const frequency = page.getByTestId("fact-frequency").locator("td");
    await frequency.first().waitFor();
    const mean = champions.profile!.means.frequency!;
    expect(Number((await frequency.nth(1).textContent())!.replace(",", "."))).toBeCloseTo(mean, 1);
    const firstFact = await page.getByTestId("persona-facts").locator("li").first().textContent();
    expect(String(digits(firstFact)).startsWith(String(champions.size))).toBe(true);
    // the persona's text and the target mark, saved and read back
    const needs = `${lang}: delivery on the same day`;
    await page.getByTestId("persona-needs").fill(needs);
    await page.getByTestId("save-persona").click();
    await page.getByTestId("is-target").check();
    await page.getByTestId("save-manage").click();
    await page.getByTestId("saved").waitFor();
    const detail = await apiGet<SegmentDetail>(`/${champions.id}`);
    expect(detail.segment.persona.needs).toBe(needs);
    expect(detail.segment.isTarget).toBe(true);
    await page.reload();
    await page.getByTestId("segment-detail").waitFor();
    expect(await page.getByTestId("persona-needs").inputValue()).toBe(needs);
    expect(await page.getByText(m.segmentsPage.target, { exact: true }).count()).toBeGreaterThan(0);
    await shot(page, `${lang}-segment-detail`);
    if (lang === "en") expect(await page.evaluate(lowContrastTexts)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("builds a rule segment with the keyboard-friendly builder and shows its live count", async () => {
    await page.goto(url("/new"));
    await switchLanguage(page, "en");
    await page.getByTestId("rule-builder").waitFor();
    await page.getByTestId("rule-name").fill("Three orders or more");
    // the first condition is "Number of orders at least 3"
    const definition = { match: "all", conditions: [{ field: "orders", op: "gte", value: 3 }] };
    const expected = await page.request.post(`${baseUrl}/api/workspaces/${slug}/segments/preview`, {
      data: { definition },
      headers: { "x-csrf-token": await csrf(page) },
    });
    const count = ((await expected.json()) as { customers: number }).customers;
    await page.getByTestId("rule-preview").filter({ hasText: /match/ }).waitFor();
    expect(digits(await page.getByTestId("rule-preview").textContent())).toBe(count);
    await shot(page, "en-segment-rule-builder");
    await page.getByTestId("create-rule").click();
    await page.getByTestId("segment-detail").waitFor();
    expect(digits(await page.getByTestId("size").textContent())).toBe(count);
    await page.getByTestId("delete-segment").click();
    await page.getByRole("dialog").getByRole("button", { name: en.segmentsPage.detail.delete }).click();
    await page.getByTestId("rfm-table").waitFor();
    expect(pageErrors).toEqual([]);
  });
});

/** The CSRF token the signed-in page sends with every change. */
async function csrf(page: Page): Promise<string> {
  const r = await page.request.get(`${baseUrl}/api/auth/me`);
  const body = (await r.json()) as { csrfToken?: string };
  return body.csrfToken ?? "";
}
