import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Effect, Initiative } from "../src/web/features/initiatives/initiatives-api.ts";
import type { SpeedometerReport } from "../src/web/features/speedometer/speedometer-api.ts";
import { en } from "../src/web/i18n/en.ts";
import { intlLocale } from "../src/web/i18n/format.ts";
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

// The figures as the page must print them, formatted here with Intl directly (not the page's helpers).
const oneDecimal = (v: number, lang: Lang) =>
  new Intl.NumberFormat(intlLocale[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);
/** As the app writes a signed change: the locale's digits, and a typographic minus (−) where Intl puts "-". */
const signed = (v: number, lang: Lang) =>
  new Intl.NumberFormat(intlLocale[lang], {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: "exceptZero",
  })
    .format(v)
    .replace("-", "\u2212");
const percent = (v: number, lang: Lang) =>
  new Intl.NumberFormat(intlLocale[lang], {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(v);
const plain = (s: string | null) => (s ?? "").replace(/[\u00a0\u202f]/g, " ").trim();

async function heading(page: Page, text: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor({ timeout: 30_000 });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(resultsDir, `${name}.png`), fullPage: true });
}

async function getJson<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (u) => {
    const r = await fetch(u, { credentials: "same-origin", headers: { accept: "application/json" } });
    if (!r.ok) throw new Error(`${u}: HTTP ${r.status}`);
    return r.json();
  }, url) as Promise<T>;
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; raw: string }> {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), raw: fs.readFileSync(file, "utf8") };
}

/** A chart has drawn when its canvas has a size and some non-blank pixels. */
async function chartDrawn(page: Page, testId: string): Promise<boolean> {
  await page.getByTestId(testId).locator("canvas").first().waitFor({ timeout: 30_000 });
  return page.getByTestId(testId).evaluate((el) => {
    const canvas = el.querySelector("canvas");
    if (!canvas || canvas.width === 0 || canvas.height === 0) return false;
    const ctx = canvas.getContext("2d");
    if (!ctx) return false;
    const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4) if ((data[i] ?? 0) > 0) return true;
    return false;
  });
}

/** What the CCI's headline shows for a report: the number, or "not enough data". */
const cciText = (r: SpeedometerReport, lang: Lang) =>
  r.cci.enough && r.cci.value !== null
    ? oneDecimal(r.cci.value, lang)
    : messages[lang].speedometerPage.notEnough;

async function selectOption(page: Page, testId: string, option: string): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe.skipIf(!chromiumPath)("the speedometer and initiatives pages in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const slug = demo?.workspaceSlug ?? "demo";
  const api = (rest: string) => `/api/workspaces/${slug}${rest}`;

  beforeAll(async () => {
    fs.mkdirSync(resultsDir, { recursive: true });
    browser = await launchBrowser(chromiumPath, "uk-UA");
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

  it.each(langs)("shows the demo's needle, gauges, trends and say–do gap in %s", async (lang) => {
    const m = messages[lang];
    await page.goto(`${baseUrl}/w/${slug}/speedometer`);
    await switchLanguage(page, lang);
    await heading(page, m.modules.speedometer.question);
    const r = await getJson<SpeedometerReport>(page, api("/speedometer"));
    expect(r.freshness.lastMonth, "the demo has speedometer figures").not.toBeNull();

    expect(plain(await page.getByTestId("cci-value").textContent())).toContain(plain(cciText(r, lang)));
    if (r.cci.enough && r.cci.lower !== null && r.cci.upper !== null) {
      expect(plain(await page.getByTestId("cci-interval").textContent())).toContain(
        plain(`${oneDecimal(r.cci.lower, lang)}–${oneDecimal(r.cci.upper, lang)}`),
      );
    }
    for (const c of r.components) {
      const card = page.getByTestId(`component-${c.key}`);
      expect(await card.getAttribute("data-enough")).toBe(String(c.enough));
      const shown = plain(await page.getByTestId(`component-${c.key}-value`).textContent());
      expect(shown).toContain(
        plain(c.enough && c.value !== null ? percent(c.value, lang) : m.speedometerPage.notEnough),
      );
    }
    const nps = r.stated.nps;
    expect(plain(await page.getByTestId("stated-nps-value").textContent())).toContain(
      plain(nps.enough && nps.value !== null ? signed(nps.value, lang) : m.speedometerPage.notEnough),
    );

    // The gauge and both trends are drawn.
    expect(await chartDrawn(page, "cci-gauge")).toBe(true);
    expect(await chartDrawn(page, "trend-cci")).toBe(true);
    expect(await chartDrawn(page, "trend-components")).toBe(true);
    expect(r.trend).toHaveLength(24);

    // The say–do gap: one row per location with figures, disagreeing rows marked.
    const rows = page.getByTestId("gap-table").locator("tbody tr");
    expect(await rows.count()).toBe(r.gap.rows.length);
    for (const g of r.gap.rows) {
      expect(await page.getByTestId(`gap-row-${g.value}`).getAttribute("data-disagree")).toBe(
        String(g.disagree),
      );
    }

    // Hovering (here: focusing, as a keyboard reader does) the needle's number explains it.
    // The tooltip opens on keyboard focus (focus-visible), so arrive there by Tab as a keyboard reader would.
    await page.getByTestId("cci-hint").focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    const tip = page.getByRole("tooltip").filter({ hasText: m.speedometerPage.formula.cci });
    await tip.waitFor();
    expect(await tip.textContent()).toContain(m.speedometerPage.hint.numerator);
    expect(await tip.textContent()).toContain(m.speedometerPage.hint.denominator);
    await page.keyboard.press("Escape");
    await page.getByTestId("cci-hint").blur();

    await shot(page, `${lang}-speedometer`);
    if (lang === "en") expect(await page.evaluate(lowContrastTexts)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("changes the figures with the filters and downloads the tables as CSV", async () => {
    const m = messages.en;
    await page.goto(`${baseUrl}/w/${slug}/speedometer`);
    await switchLanguage(page, "en");
    await heading(page, m.modules.speedometer.question);
    const whole = await getJson<SpeedometerReport>(page, api("/speedometer"));
    const location = whole.dimensions.location[0];
    expect(location, "the demo has locations").toBeDefined();
    if (!location) return;

    // One location: the page asks for it and prints that slice's figures.
    await selectOption(page, "filter-slice", location.label);
    await page.waitForURL(new RegExp(`location=${location.value}`));
    const sliced = await getJson<SpeedometerReport>(page, api(`/speedometer?location=${location.value}`));
    await page.getByTestId("speedo-scope").getByText(location.label).waitFor();
    await page
      .getByTestId("figure-row-repeat")
      .getByText(
        new Intl.NumberFormat("en-GB").format(sliced.components.find((c) => c.key === "repeat")?.n ?? -1),
        { exact: true },
      )
      .waitFor();
    expect(plain(await page.getByTestId("cci-value").textContent())).toContain(plain(cciText(sliced, "en")));
    // The slice is smaller than the whole business: its samples differ, so the figures did change.
    expect(sliced.components.map((c) => c.n)).not.toEqual(whole.components.map((c) => c.n));

    // A longer period: three months ending where the default one ends.
    const to = whole.period.to;
    const [y, mo] = to.split("-").map(Number) as [number, number];
    const fromDate = new Date(Date.UTC(y, mo - 3, 1));
    const from = `${fromDate.getUTCFullYear()}-${String(fromDate.getUTCMonth() + 1).padStart(2, "0")}`;
    const fromLabel = new Intl.DateTimeFormat("en-GB", {
      month: "short",
      year: "2-digit",
      timeZone: "UTC",
    }).format(fromDate);
    await selectOption(page, "filter-from", fromLabel);
    await page.waitForURL(new RegExp(`from=${from}`));
    const longer = await getJson<SpeedometerReport>(
      page,
      api(`/speedometer?from=${from}&to=${to}&location=${location.value}`),
    );
    expect(longer.period.months).toBe(3);
    const fullPrice = longer.components.find((c) => c.key === "fullPrice");
    await page
      .getByTestId("figure-row-fullPrice")
      .getByText(new Intl.NumberFormat("en-GB").format(fullPrice?.n ?? -1), { exact: true })
      .waitFor();
    expect(plain(await page.getByTestId("cci-value").textContent())).toContain(plain(cciText(longer, "en")));
    await shot(page, "en-speedometer-filtered");

    // The figures table as CSV: a BOM, the header, the CCI and every component as the API gives them.
    const figures = await downloaded(page, () => page.getByTestId("export-figures").click());
    expect(figures.name).toBe(`speedometer-figures-${slug}-${from}-${to}-location-${location.value}.csv`);
    expect(figures.raw.startsWith("\uFEFF")).toBe(true);
    const lines = figures.raw.replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe(
      "measure,value,lower_95,upper_95,numerator,denominator,n,enough_data,weight,previous_value,change,p_value",
    );
    for (const c of longer.components) {
      const line = lines.find((l) => l.startsWith(`${c.key},`));
      const value = c.value === null ? "" : String(Math.round(c.value * 1000) / 10);
      expect(line, c.key).toBeDefined();
      expect(line?.split(",").slice(0, 2)).toEqual([c.key, value]);
      expect(line?.split(",")[4]).toBe(String(c.numerator));
      expect(line?.split(",")[5]).toBe(String(c.denominator));
      expect(line?.split(",")[6]).toBe(String(c.n));
    }

    // The say–do gap as CSV: one line per row of the table.
    await page.getByTestId("filter-reset").click();
    await page.waitForURL((url) => !url.search.includes("location="));
    const gap = await downloaded(page, () => page.getByTestId("export-gap").click());
    const gapLines = gap.raw
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(gapLines[0]?.startsWith("dimension,value,name,cci,")).toBe(true);
    expect(gapLines.length - 1).toBe(whole.gap.rows.length);
    const trend = await downloaded(page, () => page.getByTestId("export-trend").click());
    expect(
      trend.raw
        .replace(/^\uFEFF/, "")
        .trimEnd()
        .split("\r\n"),
    ).toHaveLength(25);
    expect(pageErrors).toEqual([]);
  });

  it.each(langs)("shows what the demo's logged initiative did to the needle in %s", async (lang) => {
    const m = messages[lang];
    await page.goto(`${baseUrl}/w/${slug}/initiatives`);
    await switchLanguage(page, lang);
    await heading(page, m.modules.initiatives.question);
    const { initiatives } = await getJson<{ initiatives: Initiative[] }>(page, api("/initiatives"));
    expect(await page.getByTestId("initiatives-table").locator("tbody tr").count()).toBe(initiatives.length);
    const cashier = initiatives.find((i) => i.externalId === "init-extra-cashier");
    expect(cashier, "the demo logs the extra cashier").toBeDefined();
    if (!cashier) return;
    await page.getByTestId(`initiative-link-${cashier.id}`).click();
    await heading(page, cashier.title);
    const { effect } = await getJson<{ effect: Effect }>(page, api(`/initiatives/${cashier.id}`));
    const verdict = page.getByTestId("effect-verdict");
    await verdict.waitFor();
    expect(await verdict.getAttribute("data-verdict")).toBe(effect.verdict);
    expect(await verdict.textContent()).toContain(m.initiativesPage.verdicts[effect.verdict]);
    if (effect.estimate) {
      const cci = effect.estimate.cci;
      const row = page.getByTestId("effect-row-cci");
      expect(await row.getAttribute("data-verdict")).toBe(cci.verdict);
      if (cci.effect !== null)
        expect(plain(await row.textContent())).toContain(plain(signed(cci.effect, lang)));
      expect(await chartDrawn(page, "effect-chart")).toBe(true);
    } else {
      // No estimate: the page says why, in words.
      expect(effect.reason).not.toBeNull();
    }
    await shot(page, `${lang}-initiative`);
    if (lang === "en") expect(await page.evaluate(lowContrastTexts)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("logs a new initiative through the form, keyboard first, with messages per field", async () => {
    const m = messages.en.initiativesPage;
    await page.goto(`${baseUrl}/w/${slug}/initiatives`);
    await switchLanguage(page, "en");
    await page.getByTestId("new-initiative").click();
    await heading(page, m.form.newTitle);
    // Sent empty: each missing field says so, and the first takes the focus.
    await page.getByTestId("initiative-save").click();
    await page.getByText(m.errors.required).first().waitFor();
    expect(await page.getByText(m.errors.required).count()).toBe(2);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
      "field-title",
    );
    await page.keyboard.type("Evening courier slot");
    await page.getByTestId("field-cost").fill("12x");
    await page.getByTestId("initiative-save").click();
    await page.getByText(m.errors.badCost).waitFor();
    await shot(page, "en-initiative-form-errors");

    await page.getByTestId("field-kind").focus();
    await page.keyboard.press("ArrowDown");
    await page.getByRole("option", { name: m.kinds.process, exact: true }).waitFor();
    await page.getByRole("option", { name: m.kinds.process, exact: true }).click();
    await page.getByTestId("field-startedAt").fill("2026-01-15");
    await page.getByTestId("field-cost").fill("1 234,50");
    await selectOption(page, "field-targetKind", m.targets.channel);
    await page.getByTestId("initiative-save").click();
    await page.getByText(m.errors.chooseTarget).waitFor();
    const { dimensions } = await getJson<SpeedometerReport>(page, api("/speedometer"));
    const channel = dimensions.channel.find((c) => c.value === "online") ?? dimensions.channel[0];
    expect(channel).toBeDefined();
    if (!channel) return;
    const channelName =
      channel.value in messages.en.speedometerPage.channels
        ? messages.en.speedometerPage.channels[
            channel.value as keyof typeof messages.en.speedometerPage.channels
          ]
        : channel.label;
    await selectOption(page, "field-targetValue", channelName);
    await page.getByTestId("field-lever").fill("delivery slots");
    await page.getByTestId("field-owner").fill('=HYPERLINK("x") Maksym');
    await page.getByTestId("initiative-save").click();
    await heading(page, "Evening courier slot");
    await page.getByTestId("effect-verdict").waitFor();

    const { initiatives } = await getJson<{ initiatives: Initiative[] }>(page, api("/initiatives"));
    const created = initiatives.find((i) => i.title === "Evening courier slot");
    expect(created).toMatchObject({
      kind: "process",
      lever: "delivery slots",
      cost: 123450,
      target: { channel: channel.value },
      status: "active",
    });
    await shot(page, "en-initiative-created");

    // The list's CSV neutralises the owner that looks like a formula.
    await page.getByRole("link", { name: m.detail.back }).click();
    await page.getByTestId("initiatives-table").waitFor();
    const list = await downloaded(page, () => page.getByTestId("export-initiatives").click());
    expect(list.raw.startsWith("\uFEFF")).toBe(true);
    expect(list.raw).toContain(`"'=HYPERLINK(""x"") Maksym"`);
    expect(pageErrors).toEqual([]);
  });
});
