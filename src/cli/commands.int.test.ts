import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadDemo } from "../modules/demo/index.ts";
import { serviceReport } from "../modules/service/index.ts";
import { speedometerReport } from "../modules/speedometer/index.ts";
import { createTestDatabase, type TestDatabase } from "../platform/testing/db.ts";
import { rebuildDerived } from "./derived.ts";
import { runProblemsCommand } from "./problems-command.ts";
import { runServiceCommand } from "./service-command.ts";
import { runSpeedometerCommand } from "./speedometer-command.ts";

/** The scripts' commands print exactly the figures the pages read (the same report objects, as JSON). */
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "storona-cli-"));
const now = new Date("2026-07-01T09:00:00Z");
const asJson = (x: unknown) => JSON.parse(JSON.stringify(x));

async function stdoutOf(run: () => Promise<void>): Promise<string> {
  const lines: string[] = [];
  const spy = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => {
    lines.push(a.map(String).join(" "));
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return lines.join("\n");
}

describe("storona speedometer / service / problems cluster", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    const ws = (
      await t.pool.query(
        "INSERT INTO workspace (slug, name, currency, time_zone) VALUES ('cli', 'CLI', 'UAH', 'Europe/Kyiv') RETURNING id",
      )
    ).rows[0].id;
    await loadDemo(t.pool, ws, { seed: 7, customers: 300, endDate: new Date("2026-06-30T00:00:00Z") });
    const steps = await rebuildDerived(t.pool, ws);
    expect(steps.filter((s) => s.error)).toEqual([]);
  });
  afterAll(async () => {
    await t.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("service --json prints the page's report for the period", async () => {
    const printed = await stdoutOf(() =>
      runServiceCommand(
        ["--workspace", "cli", "--json", "--from", "2026-01", "--to", "2026-05"],
        t.pool,
        now,
      ),
    );
    const page = await serviceReport(t.pool, "cli", { from: "2026-01", to: "2026-05" }, now);
    expect(page.period).toMatchObject({ from: "2026-01", to: "2026-05" });
    expect(JSON.parse(printed)).toEqual(asJson(page));
  });

  it("speedometer --json --by channel prints the page's report", async () => {
    let printed = "";
    await runSpeedometerCommand(
      ["--workspace", "cli", "--json", "--from", "2026-03", "--to", "2026-05", "--by", "channel"],
      t.pool,
      { out: (s) => (printed += s), err: () => {}, now: () => now },
    );
    const page = await speedometerReport(
      t.pool,
      "cli",
      { from: "2026-03", to: "2026-05", by: "channel" },
      now,
    );
    expect(JSON.parse(printed)).toEqual(asJson(page));
  });

  it("problems cluster writes row,problem_id,problem_label for every input row", async () => {
    const late = ["курьер опоздал на два часа", "доставка опоздала снова", "кур'єр запізнився на годину"];
    const rude = ["продавец нагрубил на кассе", "грубый кассир в магазине", "касир був грубий"];
    const lines = ["id,text"];
    for (let i = 0; i < 40; i++) lines.push(`${i},"${(i % 2 ? late : rude)[i % 3]} ${i}"`);
    const input = path.join(tmp, "texts.csv");
    const out = path.join(tmp, "problems.csv");
    fs.writeFileSync(input, `${lines.join("\n")}\n`);
    const err = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      await runProblemsCommand(["cluster", "--in", input, "--text-column", "text", "--out", out]);
    } finally {
      err.mockRestore();
    }
    const rows = fs.readFileSync(out, "utf8").trimEnd().split(/\r?\n/);
    expect(rows[0]).toBe("row,problem_id,problem_label");
    expect(rows).toHaveLength(41);
    const ids = rows.slice(1).map((r) => r.split(",")[1]);
    // Every text is placed, and no problem mixes the two themes (a theme may split by wording: «доставка
    // опоздала» shares no word with «курьер опоздал»).
    expect(ids.every((id) => id !== "")).toBe(true);
    const lateIds = new Set(ids.filter((_, i) => i % 2 === 1));
    const rudeIds = new Set(ids.filter((_, i) => i % 2 === 0));
    expect([...lateIds].filter((id) => rudeIds.has(id))).toEqual([]);
    expect(rows.slice(1).map((r) => Number(r.split(",")[0]))).toEqual(lines.slice(1).map((_, i) => i + 1));
  });
});
