import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ServiceReport, ServiceSettings } from "../src/web/features/service/service-api.ts";
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

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; raw: string }> {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), click()]);
  return { name: download.suggestedFilename(), raw: fs.readFileSync(await download.path(), "utf8") };
}

/** The figures as the API gives them to the signed-in browser. */
async function apiReport(page: Page, slug: string, query = ""): Promise<ServiceReport> {
  const response = await page.request.get(`${baseUrl}/api/workspaces/${slug}/service${query}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ServiceReport;
}

/** The heatmap's cells as the page draws them: count, and whether the hour is inside the working hours. */
async function heatCells(page: Page) {
  return page.getByTestId("heatmap").evaluate((table) =>
    [...table.querySelectorAll("button[data-testid^='heat-']")].map((b) => ({
      id: b.getAttribute("data-testid") ?? "",
      count: Number(b.getAttribute("data-count")),
      open: b.hasAttribute("data-open"),
    })),
  );
}

describe.skipIf(!chromiumPath)("the service page in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const slug = demo?.workspaceSlug ?? "demo";
  const serviceUrl = (rest = "") => `${baseUrl}/w/${slug}/service${rest}`;

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
  });

  afterAll(async () => {
    await browser?.close();
  });

  it.each(langs)(
    "shows the figures, the heatmap with the working hours and the evening gap in %s",
    async (lang) => {
      const m = messages[lang];
      await page.goto(serviceUrl());
      await switchLanguage(page, lang);
      await page
        .getByRole("heading", { level: 1, name: m.modules.service.question, exact: true })
        .waitFor({ timeout: 30_000 });
      await page.getByTestId("heatmap").waitFor();
      await page.getByTestId("times-trend").getByRole("img").waitFor();
      await page.getByTestId("location-table").waitFor();
      const report = await apiReport(page, slug);

      // The page shows the API's figures: the total, and a heatmap whose cells add up to it.
      expect(digits(await page.getByTestId("summary-requests").locator("[data-value]").textContent())).toBe(
        report.total.requests,
      );
      const cells = await heatCells(page);
      expect(cells).toHaveLength(168);
      expect(cells.reduce((s, c) => s + c.count, 0)).toBe(report.total.requests);
      expect(cells.map((c) => c.count)).toEqual(report.heatmap.requests.counts);
      expect(cells.map((c) => c.open)).toEqual(report.hours.openShare.map((x) => x > 0));

      // The planted evening gap: weekday evenings (18:00–22:00) are closed and busy, and the verdict says it.
      const evening = cells.filter((c) => {
        const [, d, h] = c.id.split("-").map(Number) as [number, number, number];
        return d < 5 && h >= 18 && h < 22;
      });
      expect(evening.every((c) => !c.open)).toBe(true);
      const eveningShare = evening.reduce((s, c) => s + c.count, 0) / report.total.requests;
      expect(eveningShare).toBeGreaterThan(20 / 168); // more than an even spread would put there
      const gap = report.verdicts.find((v) => v.key === "outside_hours_wait_longer");
      expect(gap, JSON.stringify(report.verdicts)).toBeDefined();
      const sentence = page.getByTestId("verdict-outside_hours_wait_longer");
      await sentence.waitFor();
      expect(await sentence.textContent()).toContain(String(gap?.values.sharePercent));
      // The share outside the hours, as the page rounds it: outside ÷ all requests.
      const outside = report.outsideHours.requests;
      expect(digits(await page.getByTestId("outside-share").locator("[data-share]").textContent())).toBe(
        Math.round((outside.numerator / outside.denominator) * 100),
      );
      await shot(page, `${lang}-service`);
      if (lang === "en") expect(await page.evaluate(lowContrastTexts)).toEqual([]);

      await page.goto(serviceUrl("/settings"));
      await page.getByTestId("settings-form").waitFor();
      await shot(page, `${lang}-service-settings`);
      if (lang === "en") expect(await page.evaluate(lowContrastTexts)).toEqual([]);
      expect(pageErrors).toEqual([]);
    },
    120_000,
  );

  it("changes the figures with a filter", async () => {
    await page.goto(serviceUrl());
    await page.getByTestId("heatmap").waitFor();
    const all = await apiReport(page, slug);
    const busiest = [...all.channels].sort((a, b) => b.requests - a.requests)[0];
    expect(busiest?.channel).toBeTruthy();
    await page.getByTestId("filter-channel").selectOption(busiest?.channel ?? "");
    await page.waitForURL(/channel=/);
    const value = page.getByTestId("summary-requests").locator("[data-value]");
    await expect
      .poll(async () => digits(await value.textContent()), { timeout: 30_000 })
      .toBe(busiest?.requests);
    expect(busiest?.requests).toBeLessThan(all.total.requests);
    const filtered = await apiReport(page, slug, `?channel=${busiest?.channel}`);
    const cells = await heatCells(page);
    expect(cells.map((c) => c.count)).toEqual(filtered.heatmap.requests.counts);
    await shot(page, "en-service-filtered");
    await page.getByTestId("filter-reset").click();
    await expect
      .poll(async () => digits(await value.textContent()), { timeout: 30_000 })
      .toBe(all.total.requests);
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it("lists the requests behind a heatmap cell, from the keyboard too, and downloads them", async () => {
    await page.goto(serviceUrl());
    await page.getByTestId("heatmap").waitFor();
    const cells = await heatCells(page);
    // The busiest weekday-evening cell: the gap's requests.
    const cell = cells
      .filter((c) => {
        const [, d, h] = c.id.split("-").map(Number) as [number, number, number];
        return d < 5 && h >= 18 && h < 22;
      })
      .sort((a, b) => b.count - a.count)[0];
    expect(cell?.count).toBeGreaterThan(0);
    const [, weekday, hour] = (cell?.id ?? "").split("-").map(Number) as [number, number, number];
    // The grid is one tab stop; the arrow keys walk to the cell, Enter opens it.
    expect(await page.getByTestId("heat-0-0").getAttribute("tabindex")).toBe("0");
    expect(await page.getByTestId("heat-0-1").getAttribute("tabindex")).toBe("-1");
    await page.getByTestId("heat-0-0").focus();
    for (let i = 0; i < weekday; i++) await page.keyboard.press("ArrowDown");
    for (let i = 0; i < hour; i++) await page.keyboard.press("ArrowRight");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(cell?.id);
    await page.keyboard.press("Enter");
    const drawer = page.getByRole("dialog");
    await drawer.getByTestId("drill-table").waitFor();
    expect(digits(await drawer.getByTestId("drill-total").textContent())).toBe(cell?.count);
    const written = await drawer
      .getByTestId("drill-row")
      .evaluateAll((rows) => rows.map((r) => r.querySelector("td p")?.textContent ?? ""));
    expect(written.length).toBe(Math.min(25, cell?.count ?? 0));
    for (const local of written) {
      // "2026-09-21 20:58": that hour, on that weekday (0 = Monday)
      const [date, time] = local.split(" ") as [string, string];
      expect(Number(time.slice(0, 2))).toBe(hour);
      expect((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7).toBe(weekday);
    }
    await page.screenshot({ path: path.join(resultsDir, "en-service-drill.png") });
    const csv = await downloaded(page, () => drawer.getByTestId("drill-csv").click());
    expect(csv.name).toMatch(/\.csv$/);
    expect(csv.raw.startsWith("\uFEFF")).toBe(true);
    expect(csv.raw.trimEnd().split(/\r?\n/)).toHaveLength((cell?.count ?? 0) + 1);
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "detached" });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it("shows orders on the heatmap and lists the orders behind a wait bucket", async () => {
    await page.goto(serviceUrl());
    await page.getByTestId("heatmap").waitFor();
    const report = await apiReport(page, slug);
    // The second choice of the switch is orders (whatever the language of this run).
    await page.getByTestId("heatmap-layer").locator("label").nth(1).click();
    await expect
      .poll(async () => (await heatCells(page)).map((c) => c.count), { timeout: 30_000 })
      .toEqual(report.heatmap.orders.counts);
    // The first bucket with waiting orders: its count opens exactly those orders.
    const bucket = report.orderWaits.buckets.find((b) => b.from > 0 && b.orders > 0);
    expect(bucket).toBeDefined();
    await page.getByTestId(`drill-bucket-${bucket?.from}`).click();
    const drawer = page.getByRole("dialog");
    await drawer.getByTestId("drill-table").waitFor();
    expect(digits(await drawer.getByTestId("drill-total").textContent())).toBe(bucket?.orders);
    const waits = await drawer
      .getByTestId("drill-row")
      .evaluateAll((rows) => rows.map((r) => Number(r.querySelectorAll("td")[4]?.textContent)));
    expect(waits.length).toBeGreaterThan(0);
    for (const w of waits) {
      expect(w).toBeGreaterThanOrEqual(bucket?.from ?? 0);
      if (bucket?.to !== null) expect(w).toBeLessThanOrEqual(bucket?.to ?? 0);
    }
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "detached" });
    expect(pageErrors).toEqual([]);
  }, 120_000);

  it("downloads a table as CSV with the reader's header and one row per channel", async () => {
    await page.goto(serviceUrl());
    await switchLanguage(page, "uk");
    await page.getByTestId("times-table").waitFor();
    const report = await apiReport(page, slug);
    const csv = await downloaded(page, () => page.getByTestId("csv-times-by-channel").click());
    expect(csv.name).toBe(`service-${slug}-${report.period.from}-${report.period.to}-times-by-channel.csv`);
    expect(csv.raw.startsWith("\uFEFF")).toBe(true);
    const lines = csv.raw.slice(1).trimEnd().split("\r\n");
    expect(lines[0]?.startsWith(`${uk.servicePage.col.channel},${uk.servicePage.col.requests},`)).toBe(true);
    expect(lines).toHaveLength(report.channels.length + 2);
    // The total's row: its name, requests, answered, and in the sixth column the median first answer in hours.
    const total = lines[1]?.split(",") ?? [];
    expect(total.slice(0, 3)).toEqual([
      uk.servicePage.times.total,
      String(report.total.requests),
      String(report.total.answered.numerator),
    ]);
    expect(Number(total[5])).toBe(Math.round((report.total.firstResponse.calendar.median ?? 0) * 100) / 100);
    expect(pageErrors).toEqual([]);
  }, 120_000);
  it("offers every table of the page as a CSV file", async () => {
    await page.goto(serviceUrl());
    await page.getByTestId("times-trend").getByRole("img").waitFor();
    await page.getByTestId("csv-times-by-location").waitFor();
    const ids = await page
      .locator("[data-testid^='csv-']")
      .evaluateAll((buttons) => buttons.map((b) => b.getAttribute("data-testid") ?? ""));
    // Every table the page draws, those that only show with data only when the API has it.
    const report = await apiReport(page, slug);
    const expected = [
      "csv-times-by-channel",
      "csv-times-by-location",
      "csv-times-by-month",
      "csv-heatmap",
      "csv-outside",
      "csv-by-hour",
      "csv-sla-by-channel",
      ...(report.sla.byLocation.length > 0 ? ["csv-sla-by-location"] : []),
      ...(report.sla.byWeek.length > 0 ? ["csv-sla-by-week"] : []),
      "csv-channels",
      "csv-channel-shift",
      ...(report.twoChannel.pairs.length > 0 ? ["csv-two-channel"] : []),
      "csv-wait-days",
      "csv-wait-buckets",
    ];
    expect([...ids].sort()).toEqual([...expected].sort());
    for (const id of ids) {
      // A tooltip left open by the last hover may cover the next button on a slow machine: close it first.
      await page.mouse.move(0, 0);
      await page.keyboard.press("Escape");
      await page.getByTestId(id).scrollIntoViewIfNeeded();
      const csv = await downloaded(page, () => page.getByTestId(id).click({ timeout: 30_000 }));
      expect(csv.name, id).toMatch(/\.csv$/);
      expect(csv.raw.startsWith("\uFEFF"), id).toBe(true);
      expect(csv.raw.trimEnd().split("\r\n").length, id).toBeGreaterThan(1);
    }
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it("saves edited working hours, says the figures are recomputed, and the overlay follows", async () => {
    await page.goto(serviceUrl("/settings"));
    await switchLanguage(page, "en");
    await page.getByTestId("settings-form").waitFor();
    const before = (await (
      await page.request.get(`${baseUrl}/api/workspaces/${slug}/service/settings`)
    ).json()) as ServiceSettings;
    expect(before.hours).toEqual([]);
    await page.getByTestId("add-rule").click();
    // The new rule starts from the hours in force: Monday to Friday 09:00–18:00.
    expect(await page.getByTestId("rule-0-mon").inputValue()).toBe("09:00–18:00");
    await page.getByTestId("rule-0-mon").fill("9:00 - 21:00");
    await page.getByTestId("rule-0-sat").fill("nonsense");
    await page.getByTestId("settings-save").click();
    await page.getByTestId("settings-problems").waitFor();
    await page.getByTestId("rule-0-sat").fill("");
    await page.getByTestId("settings-save").click();
    await page.getByTestId("settings-saved").waitFor({ timeout: 30_000 });
    await shot(page, "en-service-settings-saved");
    const after = (await (
      await page.request.get(`${baseUrl}/api/workspaces/${slug}/service/settings`)
    ).json()) as ServiceSettings;
    expect(after.hours).toHaveLength(1);
    expect(after.hours[0]?.week.mon).toEqual([{ from: "09:00", to: "21:00" }]);
    expect(after.hours[0]?.week.tue).toEqual([{ from: "09:00", to: "18:00" }]);
    expect(after.hours[0]?.week.sat).toEqual([]);

    await page.reload();
    await page.getByTestId("settings-form").waitFor();
    expect(await page.getByTestId("rule-0-mon").inputValue()).toBe("09:00–21:00");

    // The report: stale until the rebuild ends, then Monday 18:00–21:00 is inside the hours.
    await page.getByTestId("back-to-report").click();
    await page.getByTestId("heatmap").waitFor();
    await page.getByTestId("freshness").waitFor({ timeout: 60_000 });
    await expect
      .poll(async () => (await heatCells(page)).find((c) => c.id === "heat-0-20")?.open, { timeout: 60_000 })
      .toBe(true);
    const cells = await heatCells(page);
    expect(cells.find((c) => c.id === "heat-1-20")?.open).toBe(false);
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
