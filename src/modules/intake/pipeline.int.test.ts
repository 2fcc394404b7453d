import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { sharedDataFile } from "../../platform/testing/shared-data.ts";
import { importFile } from "./pipeline.ts";
import { listIssues } from "./store.ts";

const root = path.resolve(import.meta.dirname, "../../..");
const cdnowFile = sharedDataFile("cdnow/CDNOW_sample.txt");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "storona-intake-"));

function write(name: string, text: string | Buffer): string {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, text);
  return p;
}

describe("importing files", () => {
  let t: TestDatabase;
  let ws: number;
  beforeAll(async () => {
    t = await createTestDatabase();
    ws = (
      await t.pool.query(
        "INSERT INTO workspace (slug, name, currency, time_zone) VALUES ('ii', 'I', 'UAH', 'Europe/Kyiv') RETURNING id",
      )
    ).rows[0].id;
  });
  afterAll(async () => {
    await t.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it("records the file's SHA-256, size and row count on the run, with or without a last newline", async () => {
    // 1.5 MB over two read chunks, the last line without its newline; and a small file with one.
    const many = ["customer_id,name"];
    for (let i = 0; i < 90_000; i++) many.push(`fp${i},Name ${i % 97}`);
    const cases = [
      { file: write("fp-long.csv", many.join("\n")), rows: 90_000 },
      { file: write("fp-short.csv", "customer_id,name\nq1,Ann\nq2,Bo\n"), rows: 2 },
    ];
    for (const c of cases) {
      const s = await importFile(t.pool, { workspaceId: ws, entity: "customers", file: c.file });
      const r = await t.pool.query(
        "SELECT file_sha256, file_bytes::int AS bytes, total_rows AS rows FROM import_run WHERE workspace_id = $1 AND id = $2",
        [ws, s.runId],
      );
      const bytes = fs.readFileSync(c.file);
      expect(r.rows[0]).toEqual({
        file_sha256: createHash("sha256").update(bytes).digest("hex"),
        bytes: bytes.length,
        rows: c.rows,
      });
    }
  });

  it("deletes a workspace's orders with it, through its customers (orders carry no key of their own to it)", async () => {
    const gone = (
      await t.pool.query(
        "INSERT INTO workspace (slug, name, currency, time_zone) VALUES ('gone', 'G', 'UAH', 'UTC') RETURNING id",
      )
    ).rows[0].id;
    const file = write(
      "gone.csv",
      "order_id,customer_id,date,amount\nA1,C1,2026-01-02,10\nA2,C2,2026-01-03,20\n",
    );
    expect(await importFile(t.pool, { workspaceId: gone, entity: "orders", file })).toMatchObject({
      inserted: 2,
      createdCustomers: 2,
    });
    await t.pool.query("DELETE FROM workspace WHERE id = $1", [gone]);
    const left = await t.pool.query(
      `SELECT (SELECT count(*)::int FROM orders WHERE workspace_id = $1) AS orders,
              (SELECT count(*)::int FROM customer WHERE workspace_id = $1) AS customers`,
      [gone],
    );
    expect(left.rows[0]).toEqual({ orders: 0, customers: 0 });
  });

  it.skipIf(!fs.existsSync(cdnowFile))(
    "loads the CDNOW purchases as 2,357 customers and 6,919 orders totalling $244,091.94, twice without change",
    async () => {
      const cd = (
        await t.pool.query(
          "INSERT INTO workspace (slug, name, currency, time_zone) VALUES ('cd', 'CD', 'USD', 'UTC') RETURNING id",
        )
      ).rows[0].id;
      const first = await importFile(t.pool, {
        workspaceId: cd,
        entity: "orders",
        file: cdnowFile,
        format: "cdnow",
      });
      expect(first).toMatchObject({
        read: 6919,
        inserted: 6919,
        updated: 0,
        rejected: 0,
        createdCustomers: 2357,
      });
      const r = await t.pool.query(
        `SELECT (SELECT count(*)::int FROM customer WHERE workspace_id = $1) AS customers,
                count(*)::int AS orders, sum(amount)::bigint AS cents, min(currency) AS currency
         FROM orders WHERE workspace_id = $1`,
        [cd],
      );
      expect(r.rows[0]).toEqual({ customers: 2357, orders: 6919, cents: 24409194, currency: "USD" });
      const again = await importFile(t.pool, {
        workspaceId: cd,
        entity: "orders",
        file: cdnowFile,
        format: "cdnow",
      });
      expect(again).toMatchObject({
        read: 6919,
        inserted: 0,
        updated: 0,
        unchanged: 6919,
        createdCustomers: 0,
      });
    },
  );

  it("maps Russian headers, lands the good rows, and reports each bad one with line, column, value and reason", async () => {
    const csv = [
      "Номер заказа;Дата;Клиент ID;Сумма;Полная цена;Магазин;Статус",
      "A-1;01.03.2024 10:15;c1;1 234,50;1 300,00;Центр;выполнен",
      "A-2;02.03.2024;c2;12,3,4;;Центр;выполнен",
      "A-3;31.02.2024;c1;100;;Онлайн;отменён",
      "A-4;03.03.2024 19:00;c3;250 ₴;;Онлайн;возврат",
    ].join("\r\n");
    const file = write("orders-ru.csv", csv);
    const s = await importFile(t.pool, { workspaceId: ws, entity: "orders", file });
    expect(s).toMatchObject({ read: 4, inserted: 2, rejected: 2, createdCustomers: 2, createdLocations: 2 });
    const issues = await listIssues(t.pool, ws, s.runId);
    const errors = issues.filter((i) => i.severity === "error");
    expect(errors.map((e) => [e.line, e.column, e.value])).toEqual([
      [3, "Сумма", "12,3,4"],
      [4, "Дата", "31.02.2024"],
    ]);
    expect(errors[0]!.message).toMatch(/not a number: '12,3,4'/);
    const a1 = await t.pool.query(
      "SELECT amount, list_amount, status, ordered_at FROM orders WHERE workspace_id = $1 AND external_id = 'A-1'",
      [ws],
    );
    // 10:15 in Kyiv on 1 March (winter time, UTC+2) is 08:15 UTC.
    expect(a1.rows[0]).toEqual({
      amount: 123450,
      list_amount: 130000,
      status: "completed",
      ordered_at: new Date("2024-03-01T08:15:00Z"),
    });
    // The same file again changes nothing.
    const again = await importFile(t.pool, { workspaceId: ws, entity: "orders", file });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 2, rejected: 2 });
  });

  it("updates a changed row and leaves the rest alone", async () => {
    const a = write("c1.csv", "id,name,email\nk1,Олена,o@x.ua\nk2,Іван,i@x.ua\n");
    expect(await importFile(t.pool, { workspaceId: ws, entity: "customers", file: a })).toMatchObject({
      inserted: 2,
    });
    const b = write("c2.csv", "id,name,email\nk1,Олена,o@x.ua\nk2,Іван Петренко,i@x.ua\n");
    expect(await importFile(t.pool, { workspaceId: ws, entity: "customers", file: b })).toMatchObject({
      inserted: 0,
      updated: 1,
      unchanged: 1,
    });
  });

  it("reads Windows-1251 with a BOM-less header and JSONL with a broken line", async () => {
    const text = "Код клиента;ФИО;Телефон\r\nz1;Петров Пётр;+7 900 123-45-67\r\n";
    const bytes = Buffer.from([...text].map((ch) => win1251(ch)));
    const f = write("cust-1251.csv", bytes);
    const s = await importFile(t.pool, { workspaceId: ws, entity: "customers", file: f });
    expect(s).toMatchObject({ inserted: 1, rejected: 0 });
    const row = await t.pool.query(
      "SELECT name FROM customer WHERE workspace_id = $1 AND external_id = 'z1'",
      [ws],
    );
    expect(row.rows[0].name).toBe("Петров Пётр");

    const jl = write("fb.jsonl", '{"id":"f1","customer_id":"k1","nps":9,"date":"2024-03-05"}\n{"id":"f2",\n');
    const j = await importFile(t.pool, {
      workspaceId: ws,
      entity: "feedback",
      file: jl,
      overrides: { nps: "score", date: "created_at", id: "external_id", customer_id: "customer_external_id" },
      defaults: { kind: "nps" },
    });
    expect(j).toMatchObject({ inserted: 1, rejected: 1 });
    const bad = (await listIssues(t.pool, ws, j.runId)).find((i) => i.severity === "error");
    expect(bad?.line).toBe(2);
  });

  it("ends with exactly the file's rows after the import is killed with kill -9 half-way and run again", async () => {
    const n = 60_000;
    const lines = ["order_id,customer_id,order_date,amount"];
    for (let i = 1; i <= n; i++) {
      lines.push(`o${i},c${i % 5000},2024-0${1 + (i % 9)}-1${i % 10}T12:00:00Z,${(i % 97) + 1}.50`);
    }
    const file = write("big.csv", `${lines.join("\n")}\n`);
    const k = (await t.pool.query("INSERT INTO workspace (slug, name) VALUES ('k9', 'K') RETURNING id"))
      .rows[0].id;
    const script = path.join(root, "src/modules/intake/testing/import-child.ts");
    const child = spawn(process.execPath, ["--import", "tsx", script, t.url, String(k), file], {
      cwd: root,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    let ended: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    const exited = new Promise<void>((resolve) =>
      child.once("exit", (code, signal) => {
        ended = { code, signal };
        resolve();
      }),
    );
    // Kill it as soon as some batches are committed but before the end. One count at a time: polls that
    // overlap on a slow machine would queue up on the pool and slow the import they wait for.
    for (;;) {
      if (ended) {
        throw new Error(
          ended.code === 0
            ? "the import finished before it could be killed; make the file bigger"
            : `the import ended on its own (exit ${ended.code}, signal ${ended.signal}):\n${stderr}`,
        );
      }
      const r = await t.pool.query("SELECT count(*)::int AS n FROM orders WHERE workspace_id = $1", [k]);
      if (r.rows[0].n >= 10_000) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill("SIGKILL");
    await exited;
    expect(ended, "the import had finished by the time the kill landed").toEqual({
      code: null,
      signal: "SIGKILL",
    });
    const half = (await t.pool.query("SELECT count(*)::int AS n FROM orders WHERE workspace_id = $1", [k]))
      .rows[0].n;
    expect(half).toBeGreaterThan(0);
    expect(half).toBeLessThan(n);
    const s = await importFile(t.pool, { workspaceId: k, entity: "orders", file, batchSize: 5000 });
    expect(s.resumedFrom).not.toBeNull();
    const after = await t.pool.query(
      "SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS d, sum(amount)::bigint AS cents FROM orders WHERE workspace_id = $1",
      [k],
    );
    let cents = 0;
    for (let i = 1; i <= n; i++) cents += ((i % 97) + 1) * 100 + 50;
    expect(after.rows[0]).toEqual({ n, d: n, cents });
  });
});

// The Windows-1251 byte of a character (Cyrillic block and ASCII), for writing a test file.
function win1251(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c < 0x80) return c;
  if (c >= 0x410 && c <= 0x44f) return c - 0x410 + 0xc0;
  if (c === 0x401) return 0xa8;
  if (c === 0x451) return 0xb8;
  throw new Error(`no Windows-1251 byte for ${ch}`);
}
