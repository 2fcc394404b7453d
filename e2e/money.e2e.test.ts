import fs from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  complaintGroups as serverComplaintGroups,
  npsGroups as serverNpsGroups,
  atRiskReasons as serverReasons,
  atRiskSorts as serverSorts,
} from "../src/modules/money/schemas.ts";
import {
  type AtRiskPage,
  atRiskReasons,
  atRiskSorts,
  complaintGroups,
  type MoneySummary,
  npsGroups,
} from "../src/web/features/money/money-api.ts";
import { formatDecimal } from "../src/web/features/money/money-format.ts";
import { en } from "../src/web/i18n/en.ts";
import { formatMoney, formatNumber, intlLocale } from "../src/web/i18n/format.ts";
import { flatten } from "../src/web/i18n/keys.ts";
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

// Intl groups digits with no-break spaces in ru and uk; compare with plain spaces.
const plain = (s: string | null) => (s ?? "").replace(/[\u00a0\u202f]/g, " ").trim();

/** Every reading key src/modules/money/reading.ts can send (its templates expanded by hand). */
const readingKeys = [
  "noFit",
  "stale",
  "thinData",
  "value",
  "concentration",
  "atRisk",
  "noRisk",
  ...["nps", "complaints"].flatMap((topic) =>
    ["notEnough", "pays", "reversed", "noDifference"].map((k) => `${topic}.${k}`),
  ),
  "holdout.good",
  "holdout.fair",
  "holdout.poor",
  "holdout.naiveBetter",
  "holdoutSkipped.too_short",
  "holdoutSkipped.cutoff_outside_data",
  "holdoutSkipped.fit_failed",
  "spendFallback.too_few_repeat_customers",
  "spendFallback.frequency_spend_correlated",
  "spendFallback.fit_failed",
  "aliveFallback.pareto_failed",
  "aliveFallback.pareto_too_slow",
  "aliveHomogeneous",
  "uncertainParams",
  "otherCurrencies",
];

// The web app keeps its own copies of the money API's enumerations and words the server's reading keys;
// these checks say when the two drift apart.
describe("the money page's copies of the server's contract", () => {
  it("lists the same reasons, groups and sort orders", () => {
    expect([...atRiskReasons]).toEqual([...serverReasons]);
    expect([...npsGroups]).toEqual([...serverNpsGroups]);
    expect([...complaintGroups]).toEqual([...serverComplaintGroups]);
    expect([...atRiskSorts]).toEqual([...serverSorts]);
  });

  it("words every reading line the server can send, in every language", () => {
    const source = fs.readFileSync(
      path.resolve(import.meta.dirname, "../src/modules/money/reading.ts"),
      "utf8",
    );
    const literal = [...source.matchAll(/line\(\s*"([^"]+)"/g)].map((m) => m[1] ?? "");
    const templates = [...source.matchAll(/line\(\s*`([^`]+)`/g)].map((m) => m[1] ?? "");
    expect(literal.length).toBeGreaterThan(5);
    for (const key of literal) expect(readingKeys, key).toContain(key);
    // A template's fixed part must lead to a key listed above: `holdout.${quality}` → holdout.*.
    for (const template of templates) {
      const fixed = template.split("${")[0] ?? "";
      const rest = template.split("}").slice(1).join("}");
      expect(
        readingKeys.some((k) => k.startsWith(fixed) && k.endsWith(rest)),
        template,
      ).toBe(true);
    }
    for (const lang of langs) {
      const keys = flatten(messages[lang].moneyPage.reading);
      for (const key of readingKeys) expect(keys.has(key), `${lang}: ${key}`).toBe(true);
    }
  });
});

async function heading(page: Page, text: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor({ timeout: 30_000 });
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(resultsDir, `${name}.png`), fullPage });
}

/** A JSON answer of the API with the page's session (and its CSRF token for changes). */
async function call<T>(page: Page, url: string, method = "GET", body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ url, method, body }) => {
      const headers: Record<string, string> = { accept: "application/json" };
      if (method !== "GET") {
        const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
        headers["x-csrf-token"] = me.csrfToken;
        headers["content-type"] = "application/json";
      }
      const response = await fetch(url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return response.json();
    },
    { url, method, body },
  ) as Promise<T>;
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; raw: string }> {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), raw: fs.readFileSync(file, "utf8") };
}

/** A CSV without quoted commas (the server's money exports quote names, which hold no commas here). */
function csvRows(text: string): Record<string, string>[] {
  const [head = "", ...lines] = text
    .replace(/^\uFEFF/, "")
    .trim()
    .split(/\r?\n/);
  const names = head.split(",");
  return lines.map((line) => {
    const cells = line.split(",");
    return Object.fromEntries(names.map((n, i) => [n, (cells[i] ?? "").replace(/^"|"$/g, "")]));
  });
}

const cardValue = async (page: Page, id: string) =>
  plain(await page.getByTestId(id).locator("[data-value]").textContent());

describe.skipIf(!chromiumPath)("the money page in Chromium", () => {
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];
  const slug = demo?.workspaceSlug ?? "demo";
  const moneyUrl = () => `${baseUrl}/w/${slug}/money`;
  const api = (rest = "") => `/api/workspaces/${slug}/money${rest}`;

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

  it.each(langs)("shows the demo's value, risk, satisfaction and diagnostics in %s", async (lang) => {
    const m = messages[lang];
    await page.goto(moneyUrl());
    await switchLanguage(page, lang);
    await heading(page, m.modules.money.question);
    await page.getByTestId("money-cards").waitFor();
    const summary = await call<MoneySummary>(page, api());
    const { fit, figures, workspace } = summary;
    expect(fit, "the demo is fitted when it is built").not.toBeNull();
    if (!fit || !figures) return;
    // Node's and Chromium's ICU may name the hryvnia differently (₴, грн, грн.): compare the amounts.
    const amount = (s: string | null) =>
      plain(s)
        .replace(/[^\d,.\s−-]/g, "")
        .replace(/^[\s.,]+|[\s.,]+$/g, "");
    const money = (minor: number) => amount(formatMoney(minor, workspace.currency, lang));

    // The headline figures are the fit's, in the workspace currency and the reader's language.
    expect(amount(await cardValue(page, "card-clv"))).toBe(money(figures.totals.clv));
    expect(amount(await cardValue(page, "card-at-risk"))).toBe(money(figures.atRisk.amount));
    expect(await cardValue(page, "card-customers")).toBe(plain(formatNumber(figures.totals.customers, lang)));
    expect(await cardValue(page, "card-active")).toBe(plain(formatNumber(figures.totals.likelyActive, lang)));

    // The reading: one line per server line, every placeholder filled in.
    const reading = page.getByTestId("money-reading-list").locator("li");
    expect(await reading.count()).toBe(summary.reading.length);
    const readingText = plain(await page.getByTestId("money-reading-list").textContent());
    expect(readingText).not.toMatch(/\{\{|moneyPage\.|money\.reading/);
    expect(amount(readingText)).toContain(money(figures.totals.clv));

    // The histogram's bands and the percentiles.
    const q = figures.distribution.quantiles;
    if (q) {
      expect(amount(await page.getByTestId("percentile-p50").locator("td").textContent())).toBe(
        money(Math.round(q.p50)),
      );
    }

    // The at-risk table holds the first page of the customers at risk, the most valuable first.
    const rows = page.getByTestId("at-risk-row");
    await rows.first().waitFor();
    expect(await rows.count()).toBe(Math.min(20, figures.atRisk.customers));
    const first = await call<AtRiskPage>(page, api("/at-risk?limit=1"));
    expect(await rows.first().getAttribute("data-customer")).toBe(first.items[0]?.externalId);
    expect(amount(await rows.first().locator("[data-col=clv]").textContent())).toBe(
      money(first.items[0]?.clv ?? 0),
    );
    // Expected purchases with two decimals in every row, so the column's decimal points line up.
    const twoDecimals = new Intl.NumberFormat(intlLocale[lang], {
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    });
    const shown = await call<AtRiskPage>(page, api("/at-risk?limit=20"));
    expect(
      await rows
        .locator("[data-col=expectedPurchases]")
        .evaluateAll((cells) => cells.map((c) => c.textContent)),
    ).toEqual(shown.items.map((i) => twoDecimals.format(i.expectedPurchases)));

    // Diagnostics: BG/NBD's parameters with standard errors, the holdout's figures.
    for (const p of fit.purchase.params) {
      const row = page.getByTestId(`param-purchase-${p.name}`);
      expect(plain(await row.locator("[data-col=estimate]").textContent())).toBe(
        plain(formatDecimal(p.estimate, lang)),
      );
      expect(plain(await row.locator("[data-col=se]").textContent())).toBe(
        p.standardError === null ? "—" : plain(formatDecimal(p.standardError, lang)),
      );
    }
    expect(fit.purchase.params.map((p) => p.name)).toEqual(["r", "alpha", "a", "b"]);
    if (fit.holdout) {
      const h = fit.holdout;
      expect(await cardValue(page, "holdout-actual")).toBe(plain(formatNumber(h.totalActual, lang)));
      // Total error by hand: (predicted − actual) ÷ actual.
      const error = (h.totalPredicted - h.totalActual) / h.totalActual;
      const digits = Math.abs(error) < 0.1 ? 1 : 0;
      expect(await cardValue(page, "holdout-error")).toBe(
        plain(
          formatNumber(error, lang, {
            style: "percent",
            signDisplay: "exceptZero",
            minimumFractionDigits: digits,
            maximumFractionDigits: digits,
          }),
        ),
      );
      expect(await cardValue(page, "holdout-mae")).toBe(plain(formatDecimal(h.meanAbsoluteError, lang)));
    }
    // The charts draw on canvases; their label for screen readers sits on the wrapping image element.
    await page.getByTestId("distribution-chart").locator("canvas").first().waitFor();
    await page.getByTestId("tracking-chart").locator("canvas").first().waitFor();
    await shot(page, `${lang}-money`);
    if (lang === "en") expect(await page.evaluate(lowContrastTexts)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("explains a figure's formula on hover and on keyboard focus", async () => {
    await page.goto(moneyUrl());
    await switchLanguage(page, "en");
    await heading(page, en.modules.money.question);
    await page.getByTestId("card-clv-formula").hover();
    await page.getByRole("tooltip").filter({ hasText: "CLV = Σ over months" }).waitFor();
    await page.mouse.move(0, 0);
    // The tooltip opens on keyboard focus (focus-visible): arrive there by Tab as a keyboard reader would.
    await page.getByTestId("card-at-risk-formula").focus();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await page.getByRole("tooltip").filter({ hasText: "detractor answer (NPS 0–6)" }).waitFor();
    await shot(page, "en-money-formula", false);
    expect(pageErrors).toEqual([]);
  });

  it("sorts the at-risk table, filters it by reason, pages it and exports it as CSV", async () => {
    await page.goto(moneyUrl());
    await switchLanguage(page, "en");
    await heading(page, en.modules.money.question);
    const summary = await call<MoneySummary>(page, api());
    const risk = summary.figures?.atRisk;
    expect(risk && risk.customers > 1, "the demo has customers at risk").toBe(true);
    if (!risk) return;
    const table = page.getByTestId("at-risk-table");
    const ids = () =>
      table
        .getByTestId("at-risk-row")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-customer")));
    const values = (col: string) =>
      table
        .locator(`td[data-col=${col}]`)
        .evaluateAll((cells) => cells.map((c) => Number(c.getAttribute("data-value"))));
    await table.getByTestId("at-risk-row").first().waitFor();

    // P(alive): the first click sorts from the highest, the second from the lowest; the order is the server's.
    const byAlive = async (dir: "asc" | "desc") => {
      const expected = await call<AtRiskPage>(page, api(`/at-risk?sort=pAlive&dir=${dir}&limit=20`));
      await page.waitForFunction(
        (first) =>
          document.querySelector("[data-testid=at-risk-row]")?.getAttribute("data-customer") === first,
        expected.items[0]?.externalId,
      );
      expect(await ids()).toEqual(expected.items.map((c) => c.externalId));
      const shown = await values("pAlive");
      for (let i = 1; i < shown.length; i++) {
        if (dir === "asc") expect(shown[i]).toBeGreaterThanOrEqual(shown[i - 1] ?? 0);
        else expect(shown[i]).toBeLessThanOrEqual(shown[i - 1] ?? 1);
      }
    };
    await page.getByTestId("sort-pAlive").click();
    await byAlive("desc");
    expect(await page.locator("th[aria-sort=descending]").textContent()).toContain("P(alive)");
    await page.getByTestId("sort-pAlive").press("Enter"); // the headers are buttons: the keyboard sorts too
    await byAlive("asc");
    await shot(page, "en-money-at-risk-sorted", false);

    // The second page continues where the first ended.
    if (risk.customers > 20) {
      const second = await call<AtRiskPage>(page, api("/at-risk?sort=pAlive&dir=asc&limit=20&offset=20"));
      await page.getByTestId("at-risk-pages").getByRole("button", { name: "Page 2" }).click();
      await page.waitForFunction(
        (first) =>
          document.querySelector("[data-testid=at-risk-row]")?.getAttribute("data-customer") === first,
        second.items[0]?.externalId,
      );
      expect(plain(await page.getByTestId("at-risk-rows").textContent())).toBe(
        `Rows 21–${Math.min(40, risk.customers)} of ${formatNumber(risk.customers, "en")}`,
      );
    }

    // One reason: only customers with it, as many as the figures say.
    const detractors = risk.byReason.find((r) => r.reason === "detractor");
    if (detractors && detractors.customers > 0) {
      await page.getByTestId("reason-detractor").click();
      await page.waitForFunction(
        (total) => document.querySelector("[data-testid=at-risk-rows]")?.textContent?.endsWith(`of ${total}`),
        formatNumber(detractors.customers, "en"),
      );
      const tags = await table
        .getByTestId("at-risk-row")
        .evaluateAll((rows) => rows.map((r) => r.textContent ?? ""));
      for (const text of tags) expect(text).toMatch(/Detractor: NPS [0-6]/);
      await page.getByTestId("reason-all").click();
    }

    // The export: every customer at risk, with a BOM, and their values add up to the card's amount.
    const file = await downloaded(page, () => page.getByTestId("export-at-risk").click());
    expect(file.name).toBe(`revenue-at-risk-${slug}.csv`);
    expect(file.raw.startsWith("\uFEFF")).toBe(true);
    const rows = csvRows(file.raw);
    expect(rows).toHaveLength(risk.customers);
    expect(Object.keys(rows[0] ?? {})).toEqual(
      expect.arrayContaining([
        "customer",
        "clv",
        "p_alive",
        "expected_purchases",
        "expected_spend",
        "risk_reasons",
      ]),
    );
    const digits = 2; // the demo's currency (UAH) has two minor digits
    const sum = rows.reduce((s, r) => s + Math.round(Number(r.clv) * 10 ** digits), 0);
    expect(sum).toBe(risk.amount);
    for (const r of rows)
      expect(r.risk_reasons).toMatch(/^(unresolved_complaint|detractor|alive_dropped)(;|$)/);

    // Every customer's value: the rows add up to the total value on the first card.
    const all = csvRows((await downloaded(page, () => page.getByTestId("export-customers").click())).raw);
    expect(all).toHaveLength(summary.figures?.totals.customers ?? -1);
    expect(all.reduce((s, r) => s + Math.round(Number(r.clv) * 10 ** digits), 0)).toBe(
      summary.figures?.totals.clv,
    );

    // The page's own tables export too, formula-safe through the shared CSV writer.
    const params = await downloaded(page, () => page.getByTestId("export-params").click());
    expect(params.raw.startsWith("\uFEFF")).toBe(true);
    expect(params.raw).toContain("bgnbd,alpha,");
    expect(pageErrors).toEqual([]);
  });

  it("says where to start on a workspace without orders", async () => {
    const created = await call<{ slug: string }>(page, "/api/workspaces", "POST", {
      name: "Порожня крамниця",
    });
    await page.goto(`${baseUrl}/w/${created.slug}/money`);
    await switchLanguage(page, "uk");
    await heading(page, uk.modules.money.question);
    await page.getByText(uk.moneyPage.empty.title, { exact: true }).waitFor();
    await page.getByText(uk.moneyPage.empty.text, { exact: true }).waitFor();
    expect(await page.getByTestId("money-cards").count()).toBe(0);
    await shot(page, "uk-money-empty");
    expect(pageErrors).toEqual([]);
  });

  it("applies a changed setting after a refit: a doubled margin doubles every value", async () => {
    await page.goto(moneyUrl());
    await switchLanguage(page, "en");
    await heading(page, en.modules.money.question);
    const before = await call<MoneySummary>(page, api());
    const oldFit = before.fit;
    expect(oldFit?.settings.margin).toBe(0.3);
    if (!oldFit || !before.figures) return;
    try {
      await page.getByTestId("setting-margin").fill("60");
      await page.getByTestId("save-settings").click();
      // Saved but not applied: the fit is stale and the figures are still the old ones.
      await page.getByTestId("fit-stale").waitFor();
      await page.getByTestId("settings-saved").waitFor();
      expect(await cardValue(page, "card-clv")).toBe(
        plain(formatMoney(before.figures.totals.clv, "UAH", "en")),
      );
      await shot(page, "en-money-stale", false);

      await page.getByTestId("refit").click();
      await page.waitForFunction(
        (id) => {
          const status = document.querySelector("[data-testid=fit-status]");
          return (
            status &&
            status.getAttribute("data-fit-id") !== id &&
            status.getAttribute("data-stale") === "false"
          );
        },
        String(oldFit.id),
        { timeout: 120_000 },
      );
      await page.getByTestId("refit-done").waitFor();
      const after = await call<MoneySummary>(page, api());
      expect(after.fit?.settings.margin).toBe(0.6);
      const clv = after.figures?.totals.clv ?? 0;
      // CLV is linear in the margin; each customer's value is rounded to a kopeck, so the total may
      // differ from twice the old one by at most one kopeck per customer.
      expect(Math.abs(clv - 2 * before.figures.totals.clv)).toBeLessThanOrEqual(
        before.figures.totals.customers,
      );
      expect(await cardValue(page, "card-clv")).toBe(plain(formatMoney(clv, "UAH", "en")));
      expect(plain(await page.getByTestId("card-clv").textContent())).toContain("margin 60%");
      expect(plain(await page.getByTestId("money-reading-list").textContent())).toContain(
        "(margin 60%, discounted)",
      );
      await shot(page, "en-money-refitted", false);
    } finally {
      // Leave the demo as other browser tests expect it: margin 30%, fitted with it.
      await call(page, api("/settings"), "PATCH", { margin: 0.3 });
      await call(page, api("/fit"), "POST", {});
    }
    expect(pageErrors).toEqual([]);
  });
});
