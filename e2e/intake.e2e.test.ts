import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ENTITIES } from "../src/modules/intake/parse/fields.ts";
import { describeIssue, type IssueCode } from "../src/modules/intake/parse/issues.ts";
import { entities, entityFields, requiredGroups } from "../src/web/features/intake/fields.ts";
import { issueCodes, readIssue } from "../src/web/features/intake/reasons.ts";
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

// The web app keeps its own copies of the server's field list and wording (it may not import server
// code); these checks say when the two drift apart.
describe("the intake page's copies of the server's contract", () => {
  it("lists the same fields and required groups per entity", () => {
    for (const entity of entities) {
      expect(entityFields[entity]).toEqual(ENTITIES[entity].fields.map((f) => f.name));
      expect(requiredGroups[entity]).toEqual(ENTITIES[entity].required);
    }
  });

  it("reads back the code of every reason the server words", () => {
    const params = {
      value: "abc",
      expected: "4",
      allowed: "a, b",
      min: "0",
      max: "10",
      other: "created_at",
      limit: "100",
      count: "5",
      from: "3",
      at: "3",
      detail: "Unexpected token",
      kind: "array",
      line: "7",
      found: "USD",
      currency: "UAH",
      field: "amount",
    };
    const serverCodes = issueCodes.filter((code) => code !== "unknown_order" && code !== "unknown_request");
    for (const code of serverCodes) {
      const message = describeIssue(code as IssueCode, params, "amount");
      expect(readIssue(message)?.code, message).toBe(code);
      expect(readIssue(message, code)?.code, message).toBe(code);
    }
  });
});

/** An orders file with one bad amount, headed in the reader's language, and what importing it must give. */
function ordersFile(lang: Lang, dir: string, name: string) {
  const header = {
    ru: ["Номер заказа", "Код клиента", "Дата заказа", "Сумма", "Менеджер"],
    uk: ["Номер замовлення", "Код клієнта", "Дата замовлення", "Сума", "Менеджер"],
    en: ["Order ID", "Customer ID", "Order date", "Amount", "Manager"],
  }[lang];
  const money = (whole: number) => (lang === "en" ? `${whole}.50` : `"${whole},50"`);
  const date = (day: number) => (lang === "en" ? `2024-03-0${day}` : `0${day}.03.2024`);
  const p = `e2e-${lang}`;
  const rows = [
    { order: `${p}-1`, customer: `${p}-c1`, amount: money(1250), bad: false },
    { order: `${p}-2`, customer: `${p}-c2`, amount: money(90), bad: false },
    { order: `${p}-3`, customer: `${p}-c1`, amount: money(310), bad: false },
    { order: `${p}-4`, customer: `${p}-c4`, amount: "abc", bad: true },
    { order: `${p}-5`, customer: `${p}-c3`, amount: money(75), bad: false },
    { order: `${p}-6`, customer: `${p}-c2`, amount: money(1999), bad: false },
  ];
  const lines = [
    header.join(","),
    ...rows.map((r, i) => [r.order, r.customer, date(i + 1), r.amount, "Ірина"].join(",")),
  ];
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${lines.join("\n")}\n`);
  const good = rows.filter((r) => !r.bad);
  return {
    file,
    header,
    // The header is line 1; the bad row is the fourth data row.
    badLine: rows.findIndex((r) => r.bad) + 2,
    expected: {
      read: rows.length,
      inserted: good.length,
      updated: 0,
      unchanged: 0,
      rejected: rows.length - good.length,
      createdCustomers: new Set(good.map((r) => r.customer)).size,
      createdLocations: 0,
    },
  };
}

async function heading(page: Page, text: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor({ timeout: 30_000 });
}

async function shot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(resultsDir, `${name}.png`), fullPage });
}

/** The number a summary card shows (digits only: ru and uk group with no-break spaces). */
async function stat(page: Page, name: string): Promise<number> {
  const text = await page.getByTestId(`summary-${name}`).locator("[data-value]").textContent();
  return Number((text ?? "").replace(/\D/g, ""));
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), click()]);
  const file = await download.path();
  // Both CSV files start with a byte-order mark, so spreadsheets read them as UTF-8.
  return { name: download.suggestedFilename(), text: fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "") };
}

/** Chooses orders and the file (a screenshot of that when named), uploads it, and waits for the preview. */
async function uploadOrders(page: Page, file: string, screenshot?: string): Promise<void> {
  await page.getByTestId("entity-orders").click();
  await page.getByTestId("file-input").setInputFiles(file);
  await page.getByTestId("chosen-file").getByText(path.basename(file)).waitFor();
  if (screenshot) await shot(page, screenshot);
  await page.getByTestId("upload-next").click();
  await page.getByTestId("rows-table").waitFor({ timeout: 60_000 });
}

describe.skipIf(!chromiumPath)("the intake page in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const pageErrors: string[] = [];
  const slug = demo?.workspaceSlug ?? "demo";
  const intakeUrl = () => `${baseUrl}/w/${slug}/intake`;

  beforeAll(async () => {
    fs.mkdirSync(resultsDir, { recursive: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "storona-intake-e2e-"));
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
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it.each(langs)(
    "imports orders with one bad row in %s: preview, run, summary, error report",
    async (lang) => {
      const m = messages[lang];
      // In English the file's name starts like a formula: the history's CSV export must neutralise it.
      const name = lang === "en" ? "=1+1 orders-en.csv" : `orders-${lang}.csv`;
      const { file, header, badLine, expected } = ordersFile(lang, dir, name);
      await page.goto(intakeUrl());
      await switchLanguage(page, lang);
      await heading(page, m.modules.intake.question);
      await page.getByTestId("intake-stepper").waitFor();
      await shot(page, `${lang}-intake-start`);
      // Colours do not depend on the language: one pass over each state is enough.
      if (lang === "en") expect(await page.evaluate(lowContrastTexts), "start").toEqual([]);

      await uploadOrders(page, file, `${lang}-intake-choose`);
      await page.getByTestId("entity-orders").waitFor({ state: "detached" });
      // The guessed mapping: each column of the file feeds its field; the extra column is not used.
      const fields = ["external_id", "customer_external_id", "ordered_at", "amount", "ignore"];
      for (const [i, column] of header.entries()) {
        expect(await page.getByTestId(`field-${column}`).inputValue()).toBe(fields[i]);
      }
      await page.getByTestId("mapping-errors").waitFor({ state: "detached" });
      // Taking the amount's column away is checked again at once: the required field is flagged, the
      // run is held back, and undoing brings the guess back.
      const amountColumn = header[3] ?? "";
      await page.getByTestId(`field-${amountColumn}`).selectOption("ignore");
      const missing = m.intake.preview.mappingError.missing_field.replace(
        "{{fields}}",
        m.intake.fields.orders.amount,
      );
      await page.getByTestId("mapping-errors").getByText(missing).waitFor({ timeout: 60_000 });
      expect(await page.getByTestId("start-import").isDisabled()).toBe(true);
      await shot(page, `${lang}-intake-preview-missing`);
      if (lang === "en") expect(await page.evaluate(lowContrastTexts), "missing").toEqual([]);
      await page.getByRole("button", { name: m.intake.preview.reset }).click();
      await page.getByTestId("mapping-errors").waitFor({ state: "detached", timeout: 60_000 });
      expect(await page.getByTestId(`field-${amountColumn}`).inputValue()).toBe("amount");
      // The bad row is marked, its bad cell too, and the reason is one keyboard step away.
      const badRow = page.getByTestId(`preview-row-${badLine}`);
      expect(await badRow.getAttribute("data-ok")).toBe("false");
      const badCell = badRow.locator("[aria-invalid=true]");
      expect(await badCell.count()).toBe(1);
      expect(await badCell.textContent()).toContain("abc");
      expect(await page.locator("tr[data-ok=false]").count()).toBe(expected.rejected);
      expect(await page.getByTestId("row-problems").textContent()).toContain("abc");
      // The tooltip opens on keyboard focus (focus-visible), so arrive there by Tab as a keyboard reader would.
      await badCell.getByRole("button").focus();
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Tab");
      // One tooltip may still be fading out; the one that matters names the field and the value.
      await page
        .getByRole("tooltip")
        .filter({ hasText: m.intake.fields.orders.amount })
        .filter({ hasText: "abc" })
        .waitFor();
      // The reason as a keyboard reader sees it, where the focus is (a full-page shot would scroll away).
      await page.screenshot({ path: path.join(resultsDir, `${lang}-intake-preview-reason.png`) });
      await shot(page, `${lang}-intake-preview`);
      if (lang === "en") expect(await page.evaluate(lowContrastTexts), "preview").toEqual([]);

      await page.getByTestId("start-import").click();
      await page.getByTestId("summary-heading").waitFor({ timeout: 120_000 });
      expect(await page.getByTestId("summary-heading").textContent()).toBe(m.intake.summary.title);
      for (const [key, value] of Object.entries(expected)) expect(await stat(page, key), key).toBe(value);
      const rejected = page.getByTestId("rejected-rows");
      expect(await rejected.locator("tbody tr").count()).toBe(expected.rejected);
      expect(await rejected.locator("tbody tr").first().textContent()).toContain("abc");
      await shot(page, `${lang}-intake-summary`);
      if (lang === "en") expect(await page.evaluate(lowContrastTexts), "summary").toEqual([]);

      const report = await downloaded(page, () => page.getByTestId("download-errors").click());
      expect(report.name).toMatch(/^import-\d+-errors\.csv$/);
      const reportLines = report.text.split(/\r?\n/);
      expect(reportLines[0]).toBe("line,column,value,severity,code,message");
      const badReportLine = reportLines.find((line) => line.startsWith(`${badLine},`));
      expect(badReportLine).toContain("abc");
      expect(badReportLine).toContain("not_a_number");

      // The history lists the run; its own CSV export neutralises the formula-like file name.
      const history = page.getByTestId("history-table");
      await history.getByText(name, { exact: true }).first().waitFor();
      const exported = await downloaded(page, () => page.getByTestId("export-history").click());
      expect(exported.name).toMatch(/^imports-.*\.csv$/);
      if (lang === "en") {
        expect(exported.text).toContain(`'${name}`);
        expect(exported.text).not.toMatch(/(^|,)=1\+1/m);
      } else {
        expect(exported.text).toContain(name);
      }
      await shot(page, `${lang}-intake-history`);
      if (lang === "en") expect(await page.evaluate(lowContrastTexts), "history").toEqual([]);

      await page.getByTestId("import-another").click();
      await page.getByTestId("entity-orders").waitFor();
      expect(pageErrors).toEqual([]);
    },
  );

  it("shows one import's details from the history", async () => {
    await page.goto(intakeUrl());
    await heading(page, en.modules.intake.question);
    await page
      .getByTestId("history-table")
      .getByRole("button", { name: /^=1\+1 orders-en\.csv: details of import \d+$/ })
      .first()
      .click();
    const dialog = page.getByRole("dialog");
    await dialog.getByTestId("run-summary").waitFor();
    // The dialog fades in; the screenshot waits until it has.
    await page.waitForFunction(() => {
      const content = document.querySelector(".mantine-Modal-content");
      return content !== null && getComputedStyle(content).opacity === "1";
    });
    expect(await dialog.getByTestId("rejected-rows").locator("tbody tr").count()).toBe(1);
    await shot(page, "en-intake-details", false);
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    expect(pageErrors).toEqual([]);
  });

  it("follows a larger file live and sums it up", async () => {
    // 60,000 customers: the server commits 20,000 rows at a time, so the run is seen while it runs
    // unless this machine is very fast; the progress screenshot is taken when it is.
    const rows = 60_000;
    const file = path.join(dir, "customers-big.csv");
    const lines = ["external_id,name,email"];
    for (let i = 1; i <= rows; i++) lines.push(`e2e-big-${i},Клієнт ${i},big${i}@example.com`);
    fs.writeFileSync(file, `${lines.join("\n")}\n`);
    await page.goto(intakeUrl());
    await heading(page, en.modules.intake.question);
    await page.getByTestId("entity-customers").click();
    await page.getByTestId("file-input").setInputFiles(file);
    await page.getByTestId("upload-next").click();
    await page.getByTestId("rows-table").waitFor({ timeout: 60_000 });
    expect(await page.locator("tr[data-ok=false]").count()).toBe(0);
    await page.getByTestId("start-import").click();
    const progress = page.getByTestId("run-progress");
    const summary = page.getByTestId("summary-heading");
    await progress.or(summary).first().waitFor({ timeout: 120_000 });
    if (await progress.isVisible()) {
      await page.getByTestId("run-pace").waitFor();
      await shot(page, "en-intake-progress", false);
    }
    await summary.waitFor({ timeout: 170_000 });
    expect(await stat(page, "read")).toBe(rows);
    expect(await stat(page, "inserted")).toBe(rows);
    expect(await stat(page, "rejected")).toBe(0);
    await page.getByText(en.intake.summary.allGood).waitFor();
    await page.getByTestId("import-another").click();
    expect(pageErrors).toEqual([]);
  });

  it.each(langs)("says in %s when every row is read and the import builds its indexes", async (lang) => {
    const m = messages[lang];
    // A block load reads every row, then builds its indexes for a while with the run still running. The
    // server's answer about the run is held in that state (read = total, running) while the page is looked at.
    const { file } = ordersFile(lang, dir, `orders-${lang}-finishing.csv`);
    await page.goto(intakeUrl());
    await switchLanguage(page, lang);
    await uploadOrders(page, file);
    await page.getByTestId("dry-run").check();
    const runUrl = /\/imports\/\d+$/;
    await page.route(runUrl, async (route) => {
      const response = await route.fetch();
      const run = await response.json();
      const total = run.totalRows ?? run.read;
      await route.fulfill({ response, json: { ...run, status: "running", read: total, totalRows: total } });
    });
    try {
      await page.getByTestId("start-import").click();
      await page.getByTestId("run-pace").getByText(m.intake.run.finishing).waitFor({ timeout: 60_000 });
      // Only for the picture: the bar's width and the steps animate for a moment.
      await page.waitForTimeout(800);
      await shot(page, `${lang}-intake-finishing`, false);
    } finally {
      // A poll still held in the handler when the route goes would otherwise fail with "already handled".
      await page.unrouteAll({ behavior: "ignoreErrors" });
    }
    await page.getByTestId("summary-heading").waitFor({ timeout: 120_000 });
    await page.getByTestId("import-another").click();
    expect(pageErrors).toEqual([]);
  });

  it.each(langs)("works at phone width in %s: a dry run of the same file changes nothing", async (lang) => {
    const m = messages[lang];
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      // The same rows again: all accepted rows are unchanged now, the bad one is still rejected.
      const { file, expected } = ordersFile(lang, dir, `orders-${lang}-again.csv`);
      await page.goto(intakeUrl());
      await switchLanguage(page, lang);
      await heading(page, m.modules.intake.question);
      await shot(page, `${lang}-intake-phone-start`);
      await uploadOrders(page, file);
      await page.getByTestId("dry-run").check();
      await shot(page, `${lang}-intake-phone-preview`);
      await page.getByTestId("start-import").click();
      await page.getByTestId("summary-heading").waitFor({ timeout: 120_000 });
      expect(await page.getByTestId("summary-heading").textContent()).toBe(m.intake.summary.dryTitle);
      expect(await stat(page, "read")).toBe(expected.read);
      expect(await stat(page, "unchanged")).toBe(expected.inserted);
      expect(await stat(page, "inserted")).toBe(0);
      expect(await stat(page, "rejected")).toBe(expected.rejected);
      await page.getByTestId("dry-no-list").waitFor();
      await page.getByTestId("import-for-real").waitFor();
      await shot(page, `${lang}-intake-phone-summary`);
      await page.getByTestId("import-another").click();
      await page.getByTestId("entity-orders").waitFor();
    } finally {
      await page.setViewportSize({ width: 1366, height: 800 });
    }
    expect(pageErrors).toEqual([]);
  });

  it("takes a dropped file, refuses a file of another type, and shows the empty state of a new workspace", async () => {
    await page.goto(intakeUrl());
    await switchLanguage(page, "ru");
    await heading(page, ru.modules.intake.question);
    const drop = async (name: string, text: string) => {
      const data = await page.evaluateHandle(
        ([fileName, content]) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([content ?? ""], fileName ?? "", { type: "text/plain" }));
          return transfer;
        },
        [name, text],
      );
      await page.getByTestId("file-drop").dispatchEvent("drop", { dataTransfer: data });
    };
    await drop("отчёт.pdf", "%PDF-1.4");
    await page
      .getByTestId("choose-problem")
      .getByText(ru.intake.choose.wrongType.replace("{{name}}", "отчёт.pdf"))
      .waitFor();
    await drop("заказы.tsv", "Номер заказа\tСумма\n1\t10\n");
    await page.getByTestId("chosen-file").getByText("заказы.tsv").waitFor();
    await page.getByTestId("choose-problem").waitFor({ state: "detached" });

    // A workspace with nothing in it: the history says where to start.
    const created = await page.evaluate(async () => {
      const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
      const response = await fetch("/api/workspaces", {
        method: "POST",
        headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
        body: JSON.stringify({ name: "Пустая кофейня" }),
      });
      return (await response.json()) as { slug: string };
    });
    await page.goto(`${baseUrl}/w/${created.slug}/intake`);
    await heading(page, ru.modules.intake.question);
    await page.getByText(ru.intake.history.emptyTitle, { exact: true }).waitFor();
    await page.getByText(ru.intake.history.emptyText, { exact: true }).waitFor();
    await shot(page, "ru-intake-empty");
    expect(pageErrors).toEqual([]);
  });
});
