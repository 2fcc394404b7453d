import fs from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { ProblemDetail, ProblemList } from "../src/web/features/problems/problems-api.ts";
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

// Intl groups digits with no-break spaces in ru and uk; compare with plain ones.
const plain = (s: string | null) => (s ?? "").replace(/[\u00a0\u202f]/g, " ").trim();

async function heading(page: Page, text: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor({ timeout: 30_000 });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(resultsDir, `${name}.png`), fullPage: true });
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; raw: string }> {
  const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), raw: fs.readFileSync(file, "utf8") };
}

/** The API's answer as the signed-in page sees it. */
async function apiGet<T>(page: Page, url: string): Promise<T> {
  return page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;
}

/** Picks an option of a Mantine Select by its visible text. */
async function choose(page: Page, testId: string, option: string | RegExp): Promise<void> {
  await page.getByTestId(testId).click();
  await page.getByRole("option", { name: option }).first().click();
}

/** DOMAIN.md's score from its parts, computed here by hand: customers × (1 + growth) × severity. */
function scoreByHand(p: ProblemList["problems"][number]["parts"]): number {
  const raw = p.expectedRecent > 0 ? p.recentMentions / p.expectedRecent - 1 : 0;
  const growth = Math.min(2, Math.max(-0.5, raw));
  const severity = p.mentions > 0 ? 1 + p.severeMentions / p.mentions : 1;
  return p.customers * (1 + growth) * severity;
}

describe.skipIf(!chromiumPath)("the problems pages in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let viewerBrowser: Browser | undefined;
  let viewer: BrowserContext | undefined;
  const pageErrors: string[] = [];
  const slug = demo?.workspaceSlug ?? "demo";
  const api = `/api/workspaces/${slug}`;
  const listUrl = () => `${baseUrl}/w/${slug}/problems`;
  const viewerEmail = `viewer-${Date.now()}@example.com`;
  const viewerName = "Ірина Переглядач";

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
    // A second person, who will only look: signed up in a browser of their own, added as a viewer.
    viewerBrowser = await launchBrowser(chromiumPath, "en-GB");
    viewer = viewerBrowser.context;
    const viewerPage = await viewer.newPage();
    await viewerPage.goto(`${baseUrl}/signin`);
    const signedUp = await viewerPage.evaluate(
      async ({ email, name }) =>
        (
          await fetch("/api/auth/signup", {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ email, name, password: "viewer-password-1", locale: "en" }),
          })
        ).status,
      { email: viewerEmail, name: viewerName },
    );
    expect(signedUp).toBe(201);
    const added = await page.evaluate(
      async ({ url, email }) => {
        const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
        const response = await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
          body: JSON.stringify({ email, role: "viewer" }),
        });
        return response.status;
      },
      { url: `${api}/members`, email: viewerEmail },
    );
    expect(added).toBe(201);
  });

  afterAll(async () => {
    await viewerBrowser?.close();
    await browser?.close();
  });

  it.each(langs)("ranks the demo's problems in %s with every part of the score", async (lang) => {
    const m = messages[lang];
    await page.goto(listUrl());
    await switchLanguage(page, lang);
    await heading(page, m.modules.problems.question);
    const table = page.getByTestId("top-table");
    await table.waitFor();
    const list = await apiGet<ProblemList>(page, `${api}/problems`);
    const top = list.problems.filter((p) => p.top).sort((a, b) => a.rank - b.rank);
    expect(top.length).toBeGreaterThan(0);
    expect(top.length).toBeLessThanOrEqual(10);
    // The rows are the API's top, in rank order.
    const rows = table.locator("tbody tr");
    expect(await rows.count()).toBe(top.length);
    const ids = await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-testid")));
    expect(ids).toEqual(top.map((p) => `problem-row-${p.id}`));
    // Each shown score is DOMAIN.md's formula over the shown parts, redone here; so are the parts.
    const n = (x: number, digits: number) =>
      new Intl.NumberFormat(intlLocale[lang]).format(Math.round(x * 10 ** digits) / 10 ** digits);
    for (const p of top) {
      expect(scoreByHand(p.parts)).toBeCloseTo(p.parts.score, 9);
      const row = page.getByTestId(`problem-row-${p.id}`);
      expect(plain(await row.getByTestId("part-score").textContent())).toBe(plain(n(p.parts.score, 1)));
      expect(plain(await row.getByTestId("part-customers").textContent())).toBe(
        plain(n(p.parts.customers, 2)),
      );
      expect(plain(await row.getByTestId("part-severity").textContent())).toBe(
        `×${plain(n(p.parts.severity, 2))}`,
      );
      expect(await row.getByTestId("problem-link").textContent()).toBe(p.displayLabel);
    }
    // Scores never rise down the list.
    for (let i = 1; i < top.length; i++)
      expect(top[i]!.parts.score).toBeLessThanOrEqual(top[i - 1]!.parts.score);
    // The unsorted texts are counted, and the rest is listed below the top.
    expect(plain(await page.getByTestId("unsorted").textContent())).toContain(String(list.unsorted));
    const rest = list.problems.filter((p) => !p.top).length;
    if (rest > 0) expect(await page.getByTestId("rest-table").locator("tbody tr").count()).toBe(rest);
    // Hovering (or focusing) the first score explains it with that problem's own numbers.
    const first = top[0]!;
    await page.getByTestId(`problem-row-${first.id}`).getByTestId("part-score").hover();
    const tip = page.getByRole("tooltip").filter({ hasText: "=" });
    await tip.waitFor();
    expect(plain(await tip.textContent())).toContain(plain(n(first.parts.score, 1)));
    await shot(page, `${lang}-problems-list`);
    if (lang === "en") expect(await page.evaluate(lowContrastTexts), "list").toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  it("opens a problem, renames it, gives it an owner and a due date, and takes a comment", async () => {
    await page.goto(listUrl());
    await switchLanguage(page, "en");
    await heading(page, en.modules.problems.question);
    const list = await apiGet<ProblemList>(page, `${api}/problems`);
    const first = list.problems.find((p) => p.rank === 1)!;
    await page.getByTestId(`problem-row-${first.id}`).getByTestId("problem-link").click();
    await heading(page, first.displayLabel);
    const detail = await apiGet<ProblemDetail>(page, `${api}/problems/${first.id}`);
    // Its name is its phrases, three quotes in customers' words, and its mentions listed.
    expect(first.displayLabel).toBe(first.phrases.join(", "));
    expect(await page.getByTestId("quotes").locator("blockquote").count()).toBe(
      Math.min(3, detail.quotes.length),
    );
    expect(detail.quotes.length).toBe(3);
    await page.getByTestId("mentions-table").waitFor();
    expect(await page.getByTestId("mentions-table").locator("tbody tr").count()).toBeGreaterThan(0);
    await shot(page, "en-problem-page");
    expect(await page.evaluate(lowContrastTexts), "problem page").toEqual([]);

    // Rename: the heading changes, and the list shows the new name.
    const name = "Queues at the tills";
    await page.getByTestId("rename-input").fill(name);
    await page.getByTestId("rename-input").press("Enter");
    await heading(page, name);
    // The owner: the viewer added above, picked by name.
    await choose(page, "owner-select", viewerName);
    await page.getByTestId("manage-status").getByText(en.problemsPage.manage.saved).waitFor();
    await choose(page, "status-select", en.problemsPage.status.in_progress);
    await page.getByTestId("due-input").fill("2030-01-31");
    await page.getByTestId("due-input").blur();
    await page.getByTestId("history").getByText("Due date: 31 Jan 2030").waitFor();
    // A comment, sent from the keyboard.
    await page.getByTestId("comment-input").fill("Two more tills in the evening from Monday.");
    await page.getByTestId("comment-input").press("Control+Enter");
    await page.getByTestId("comments").getByText("Two more tills in the evening from Monday.").waitFor();
    const history = page.getByTestId("history");
    await history.getByText(`Renamed to “${name}”`).waitFor();
    await history.getByText(`Owner: ${viewerName}`).waitFor();
    await history.getByText(`Status: ${en.problemsPage.status.in_progress}`).waitFor();
    await history.getByText(en.problemsPage.history.commented, { exact: true }).waitFor();
    const after = await apiGet<ProblemDetail>(page, `${api}/problems/${first.id}`);
    expect(after.problem.customLabel).toBe(name);
    expect(after.problem.owner?.name).toBe(viewerName);
    expect(after.problem.status).toBe("in_progress");
    expect(after.problem.dueDate).toBe("2030-01-31");
    await shot(page, "en-problem-managed");

    await page.getByTestId("back-to-list").click();
    await heading(page, en.modules.problems.question);
    const row = page.getByTestId(`problem-row-${first.id}`);
    await row.getByText(name).waitFor();
    await row.getByText(viewerName).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("merges two problems after asking", async () => {
    const list = await apiGet<ProblemList>(page, `${api}/problems`);
    const ranked = list.problems.filter((p) => p.rank > 0).sort((a, b) => a.rank - b.rank);
    expect(ranked.length).toBeGreaterThan(2);
    const target = ranked[1]!;
    const other = ranked[ranked.length - 1]!;
    await page.goto(`${listUrl()}/${target.id}`);
    await heading(page, target.displayLabel);
    await page.getByTestId("merge-open").click();
    await choose(page, "merge-select", new RegExp(other.displayLabel.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")));
    // A click beside the field closes its options.
    await page.getByRole("dialog").getByText(en.problemsPage.merge.text).click();
    await page.getByTestId("merge-submit").click();
    // The first press only asks; the second merges.
    await page.getByTestId("merge-confirm-text").getByText(other.displayLabel, { exact: false }).waitFor();
    await page.screenshot({ path: path.join(resultsDir, "en-problem-merge-confirm.png") });
    await page.getByTestId("merge-submit").click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.getByTestId("history").getByText(en.problemsPage.history.merged).waitFor();
    const after = await apiGet<ProblemList>(page, `${api}/problems`);
    expect(after.problems.some((p) => p.id === other.id)).toBe(false);
    const merged = after.problems.find((p) => p.id === target.id)!;
    expect(merged.parts.mentions).toBe(target.parts.mentions + other.parts.mentions);
    // The merged problem's own page says where it went.
    await page.goto(`${listUrl()}/${other.id}`);
    await page.getByTestId("problem-states").getByText(en.problemsPage.state.merged).waitFor();
    expect(pageErrors).toEqual([]);
  });

  it("downloads the ranking and a problem's mentions as CSV", async () => {
    await page.goto(listUrl());
    await heading(page, en.modules.problems.question);
    const list = await apiGet<ProblemList>(page, `${api}/problems`);
    const csv = await downloaded(page, () => page.getByTestId("export-problems").click());
    expect(csv.name).toMatch(new RegExp(`^problems-${slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
    expect(csv.raw.startsWith("\uFEFF")).toBe(true);
    const lines = csv.raw
      .replace(/^\uFEFF/, "")
      .trim()
      .split(/\r\n/);
    expect(lines[0]?.startsWith("rank,id,problem,")).toBe(true);
    expect(lines.length - 1).toBe(list.problems.length);
    expect(csv.raw).toContain("Queues at the tills");

    const first = list.problems.find((p) => p.rank === 1)!;
    await page.goto(`${listUrl()}/${first.id}`);
    await page.getByTestId("mentions-table").waitFor();
    const detail = await apiGet<ProblemDetail>(page, `${api}/problems/${first.id}?limit=1`);
    const mentions = await downloaded(page, () => page.getByTestId("export-mentions").click());
    expect(mentions.name).toMatch(new RegExp(`^problem-${first.id}-mentions-.*\\.csv$`));
    expect(mentions.raw.startsWith("\uFEFF")).toBe(true);
    // One line per mention of the period (the page asks from the period's start; the API without it
    // lists all, so the file has at most that many).
    const mentionLines =
      mentions.raw
        .replace(/^\uFEFF/, "")
        .trim()
        .split(/\r\n/).length - 1;
    expect(mentionLines).toBeGreaterThan(0);
    expect(mentionLines).toBeLessThanOrEqual(detail.mentions.total);
    expect(pageErrors).toEqual([]);
  });

  it("regroups on demand and keeps the renamed problem's identity", async () => {
    await page.goto(listUrl());
    await heading(page, en.modules.problems.question);
    const before = await apiGet<ProblemList>(page, `${api}/problems`);
    const renamed = before.problems.find((p) => p.customLabel === "Queues at the tills")!;
    await page.getByTestId("recluster").click();
    await page.getByTestId("recluster-done").waitFor({ timeout: 120_000 });
    await page.getByTestId(`problem-row-${renamed.id}`).getByText("Queues at the tills").waitFor();
    await shot(page, "en-problems-reclustered");
    expect(pageErrors).toEqual([]);
  });

  it("shows a viewer the figures but no edit controls", async () => {
    const viewerPage = viewer!.pages()[0] ?? (await viewer!.newPage());
    await viewerPage.goto(`${baseUrl}/w/${slug}/problems`);
    await heading(viewerPage, en.modules.problems.question);
    await viewerPage.getByTestId("top-table").waitFor();
    expect(await viewerPage.getByTestId("recluster").count()).toBe(0);
    expect(await viewerPage.getByTestId("export-problems").count()).toBe(0);
    await viewerPage.getByTestId("problem-link").first().click();
    await viewerPage.getByTestId("problem-facts").waitFor();
    for (const id of [
      "problem-manage",
      "rename-input",
      "owner-select",
      "merge-open",
      "dismiss-open",
      "comment-input",
      "move-open",
      "mention-check",
    ]) {
      expect(await viewerPage.getByTestId(id).count(), id).toBe(0);
    }
    await viewerPage.getByTestId("mentions-table").waitFor();
    await viewerPage.screenshot({ path: path.join(resultsDir, "en-problem-viewer.png"), fullPage: true });
    // The server refuses anyway.
    const status = await viewerPage.evaluate(
      async (url) => {
        const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
        const response = await fetch(url, {
          method: "PATCH",
          headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
          body: JSON.stringify({ customLabel: "nope" }),
        });
        return response.status;
      },
      `${api}/problems/${viewerPage.url().split("/").pop()?.split("?")[0]}`,
    );
    expect(status).toBe(403);
  });

  it("splits mentions off into a new problem, moves one out, and marks a problem as not a problem", async () => {
    const list = await apiGet<ProblemList>(page, `${api}/problems`);
    const source = list.problems.find((p) => p.customLabel === "Queues at the tills")!;
    await page.goto(`${listUrl()}/${source.id}`);
    await heading(page, "Queues at the tills");
    const checks = page.getByTestId("mentions-table").getByTestId("mention-check");
    expect(await checks.count()).toBeGreaterThan(2);
    await checks.nth(0).check();
    await checks.nth(1).check();
    await page.getByTestId("split-open").click();
    await page.getByTestId("split-name").fill("Returns take too long");
    await page.getByTestId("split-submit").click();
    // The new problem's page opens with the two texts.
    await heading(page, "Returns take too long");
    await page.getByTestId("mentions-table").waitFor();
    expect(await page.getByTestId("mentions-table").locator("tbody tr").count()).toBe(2);
    const newId = Number(new URL(page.url()).pathname.split("/").pop());
    expect(newId).not.toBe(source.id);
    const split = await apiGet<ProblemDetail>(page, `${api}/problems/${newId}`);
    expect(split.problem.splitFrom).toBe(source.id);

    // One of them is about nothing: moved out, after choosing where.
    await page.getByTestId("move-open").first().click();
    await choose(page, "move-select", en.problemsPage.move.none);
    await page.getByTestId("move-submit").click();
    await page.getByRole("dialog").waitFor({ state: "detached" });
    await page.getByTestId("history").getByText(en.problemsPage.history.mention_moved_out).waitFor();
    await page.waitForFunction(
      () => document.querySelectorAll("[data-testid=mentions-table] tbody tr").length === 1,
    );

    // Not a problem: asked first, then said at the top, and undone.
    await page.getByTestId("dismiss-open").click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: en.problemsPage.dismiss.confirm, exact: true })
      .click();
    await page.getByTestId("problem-states").getByText(en.problemsPage.state.dismissed).waitFor();
    await shot(page, "en-problem-dismissed");
    await page.getByTestId("restore").click();
    await page.getByTestId("dismiss-open").waitFor();
    const after = await apiGet<ProblemDetail>(page, `${api}/problems/${newId}`);
    expect(after.problem.dismissed).toBe(false);
    expect(after.history.map((e) => e.kind)).toEqual(
      expect.arrayContaining(["split_from", "mention_moved_out", "dismissed", "restored"]),
    );
    expect(pageErrors).toEqual([]);
  });

  it("tells the owner when a solved problem comes back", async () => {
    await page.goto(listUrl());
    await heading(page, en.modules.problems.question);
    const list = await apiGet<ProblemList>(page, `${api}/problems`);
    // An untouched problem with mentions, owned by the demo user and marked solved.
    const problem = list.problems.filter((p) => p.rank > 0 && p.customLabel === null && p.owner === null)[0]!;
    const detail = await apiGet<ProblemDetail>(page, `${api}/problems/${problem.id}?limit=3`);
    const texts = detail.mentions.items.map((m) => m.text);
    expect(texts.length).toBeGreaterThanOrEqual(2);
    const pushed = await page.evaluate(
      async ({ base, id, texts }) => {
        const me = (await (await fetch("/api/auth/me")).json()) as {
          csrfToken: string;
          user: { id: number };
        };
        const headers = { "content-type": "application/json", "x-csrf-token": me.csrfToken };
        const patched = await fetch(`${base}/problems/${id}`, {
          method: "PATCH",
          headers,
          body: JSON.stringify({ ownerId: me.user.id, status: "solved" }),
        });
        await new Promise((r) => setTimeout(r, 1500));
        // The same complaints again, written after it was solved.
        const at = new Date().toISOString();
        const records = texts.map((text, i) => ({
          external_id: `e2e-back-${id}-${i}`,
          kind: "complaint",
          channel: "email",
          text,
          created_at: at,
        }));
        const response = await fetch(`/api/v1${base.slice(4)}/requests`, {
          method: "POST",
          headers,
          body: JSON.stringify({ records }),
        });
        return { patched: patched.status, pushed: response.status, body: await response.json() };
      },
      { base: api, id: problem.id, texts },
    );
    expect(pushed.patched).toBe(200);
    expect(pushed.pushed, JSON.stringify(pushed.body)).toBe(207);
    // The new texts are placed in the background after the batch; the owner is then notified.
    type Notes = { notifications: { kind: string; payload: { problemId?: number } }[] };
    const reopenedNote = async () =>
      (await apiGet<Notes>(page, `${api}/notifications`)).notifications.some(
        (n) => n.kind === "problem_reopened" && n.payload.problemId === problem.id,
      );
    for (let tries = 0; tries < 120 && !(await reopenedNote()); tries++) await page.waitForTimeout(500);
    expect(await reopenedNote()).toBe(true);
    // Its automatic name may have moved with the new texts: the notice says the current one.
    const now = await apiGet<ProblemList>(page, `${api}/problems`);
    const label = now.problems.find((p) => p.id === problem.id)!.displayLabel;
    await page.reload();
    await page.getByTestId("top-table").waitFor();
    await shot(page, "en-problems-reopened-notice");
    const notices = page.getByTestId("reopened-notices");
    const seen = await notices.textContent({ timeout: 30_000 }).catch(() => null);
    expect(seen, JSON.stringify(await apiGet(page, `${api}/notifications`))).toContain(label);
    await notices.getByRole("link", { name: en.problemsPage.notices.open }).first().click();
    await heading(page, label);
    await page.getByTestId("problem-states").getByText("Reopened on", { exact: false }).waitFor();
    const reopened = await apiGet<ProblemDetail>(page, `${api}/problems/${problem.id}`);
    expect(reopened.problem.status).toBe("acknowledged");
    expect(reopened.history.some((e) => e.kind === "reopened")).toBe(true);
    await page
      .getByTestId("reopened-notices")
      .getByRole("button", { name: en.problemsPage.notices.read })
      .click();
    await page.getByTestId("reopened-notices").waitFor({ state: "detached" });
    expect(pageErrors).toEqual([]);
  });
});
