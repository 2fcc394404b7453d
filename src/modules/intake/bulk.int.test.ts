import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { customerPartitionName, partitionName } from "./bulk.ts";
import { importFile } from "./pipeline.ts";
import { listIssues } from "./store.ts";

// The block path of a workspace's first large orders import (bulk.ts), forced on small files by lowering
// the threshold, and checked against the row-by-row path on the same file.

const root = path.resolve(import.meta.dirname, "../../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "storona-bulk-"));
const write = (name: string, text: string): string => {
  const p = path.join(tmp, name);
  fs.writeFileSync(p, text);
  return p;
};

// 12 data lines: o3 twice (the later row wins), one bad amount (line 6), one bad date (line 9), a customer
// the workspace already has (k-old), locations by external id, by another case of a name, and new ones.
const FILE = [
  "order_id,customer_id,customer_name,order_date,amount,store,referrer,status",
  "o1,k1,Ann,2024-03-05 10:00,10.50,Lviv,,completed",
  "o2,k2,,2024-03-01 09:00,7,kyiv centre,k1,completed",
  "o3,k1,,2024-03-07 12:00,5.25,Lviv,,completed",
  "o4,k-old,,2024-02-01 08:00,100,,,cancelled",
  "o5,k3,,2024-03-02 11:00,12;3,Odesa,,completed",
  "o3,k2,Bea,2024-03-08 12:00,6.75,Odesa,,returned",
  "o6,k3,,2024-01-20 11:00,1,Odesa,,completed",
  "o7,k4,,not a date,1,,,completed",
  "o8,k2,,2024-01-02 00:30,2.00,,k5,completed",
  "o9,k1,Anna,2024-01-15 15:00,3,lviv,,completed",
  'o10,k6,,2024-04-01 10:00,"1 000,00",,,completed',
  "o11,k-old,,2024-04-02 10:00,4,Kyiv Centre,,completed",
].join("\n");

describe("a workspace's first large orders file, loaded as a block", () => {
  let t: TestDatabase;
  const saved = process.env.STORONA_BULK_MIN_ROWS;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.STORONA_BULK_MIN_ROWS;
    else process.env.STORONA_BULK_MIN_ROWS = saved;
    delete process.env.STORONA_COPY_CHUNK_BYTES;
  });
  afterAll(async () => {
    await t.drop();
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function workspace(slug: string, seeded = true): Promise<number> {
    const id = (
      await t.pool.query(
        "INSERT INTO workspace (slug, name, currency, time_zone) VALUES ($1, $1, 'UAH', 'Europe/Kyiv') RETURNING id",
        [slug],
      )
    ).rows[0].id as number;
    if (!seeded) return id;
    // What both workspaces have before the file: a customer and a location.
    await t.pool.query(
      "INSERT INTO customer (workspace_id, external_id, name, first_seen_at) VALUES ($1, 'k-old', 'Old', '2020-01-01Z')",
      [id],
    );
    await t.pool.query(
      "INSERT INTO location (workspace_id, external_id, name) VALUES ($1, 'kc', 'Kyiv Centre')",
      [id],
    );
    return id;
  }

  // What a user can see of the orders and customers, without ids.
  async function contents(ws: number) {
    const orders = await t.pool.query(
      `SELECT o.external_id, c.external_id AS customer, o.ordered_at, o.amount, o.list_amount, o.currency,
              l.external_id AS location, o.status, o.wait_days, r.external_id AS referrer
       FROM orders o JOIN customer c ON c.workspace_id = o.workspace_id AND c.id = o.customer_id
       LEFT JOIN location l ON l.workspace_id = o.workspace_id AND l.id = o.location_id
       LEFT JOIN customer r ON r.workspace_id = o.workspace_id AND r.id = o.referred_by_id
       WHERE o.workspace_id = $1 ORDER BY o.external_id`,
      [ws],
    );
    const customers = await t.pool.query(
      `SELECT external_id, name, first_seen_at FROM customer WHERE workspace_id = $1 ORDER BY external_id`,
      [ws],
    );
    const locations = await t.pool.query(
      "SELECT external_id, name FROM location WHERE workspace_id = $1 ORDER BY external_id",
      [ws],
    );
    return { orders: orders.rows, customers: customers.rows, locations: locations.rows };
  }

  it("lands the same orders, customers and locations as the row-by-row import, in a partition of its own", async () => {
    const file = write("orders.csv", FILE);
    const rowWise = await workspace("rows");
    process.env.STORONA_BULK_MIN_ROWS = "1000000";
    const a = await importFile(t.pool, { workspaceId: rowWise, entity: "orders", file });
    const block = await workspace("block");
    process.env.STORONA_BULK_MIN_ROWS = "5";
    const b = await importFile(t.pool, { workspaceId: block, entity: "orders", file });

    // The block went into its own partition; the row-by-row one into the shared one.
    const where = await t.pool.query<{ ws: number; part: string }>(
      "SELECT DISTINCT workspace_id AS ws, tableoid::regclass::text AS part FROM orders WHERE workspace_id = ANY($1)",
      [[rowWise, block]],
    );
    expect(Object.fromEntries(where.rows.map((r) => [r.ws, r.part]))).toEqual({
      [rowWise]: "orders_shared",
      [block]: partitionName(block),
    });

    const ra = await contents(rowWise);
    const rb = await contents(block);
    expect(rb).toEqual(ra);
    // By hand: 12 lines, 2 rejected, o3 twice → 9 orders; o3 is the later row (k2, 6.75, returned).
    expect(rb.orders.map((o) => o.external_id)).toEqual([
      "o1",
      "o10",
      "o11",
      "o2",
      "o3",
      "o4",
      "o6",
      "o8",
      "o9",
    ]);
    expect(rb.orders.find((o) => o.external_id === "o3")).toMatchObject({
      customer: "k2",
      amount: 675,
      status: "returned",
      location: "Odesa",
    });
    expect(rb.orders.find((o) => o.external_id === "o10")?.amount).toBe(100000);
    // kc found by name in another case; Lviv and Odesa created once each.
    expect(rb.locations).toEqual([
      { external_id: "Lviv", name: "Lviv" },
      { external_id: "Odesa", name: "Odesa" },
      { external_id: "kc", name: "Kyiv Centre" },
    ]);
    expect(rb.orders.find((o) => o.external_id === "o2")).toMatchObject({ location: "kc", referrer: "k1" });
    // k1's first order is o9 (15 January, Kyiv time = 13:00 UTC); k5 is only a referrer; k-old keeps its date.
    const seen = Object.fromEntries(
      rb.customers.map((c) => [c.external_id, c.first_seen_at?.toISOString() ?? null]),
    );
    expect(seen).toEqual({
      k1: "2024-01-15T13:00:00.000Z",
      k2: "2024-01-01T22:30:00.000Z",
      k3: "2024-01-20T09:00:00.000Z",
      k5: null,
      k6: "2024-04-01T07:00:00.000Z",
      "k-old": "2020-01-01T00:00:00.000Z",
    });
    // The greatest name a customer's rows give, as the row-by-row merge keeps it.
    expect(rb.customers.find((c) => c.external_id === "k1")?.name).toBe("Anna");

    expect(b).toMatchObject({
      read: 12,
      rejected: 2,
      inserted: 9,
      updated: 0,
      unchanged: 1,
      createdCustomers: 5,
    });
    expect(b).toMatchObject({ createdLocations: 2 });
    expect(a).toMatchObject({ read: 12, rejected: 2, inserted: 9, createdCustomers: 5, createdLocations: 2 });
    const errs = (await listIssues(t.pool, block, b.runId)).filter((i) => i.severity === "error");
    expect(errs.map((e) => [e.line, e.column])).toEqual([
      [6, "amount"],
      [9, "order_date"],
    ]);

    // The same file again (now row by row, the workspace has orders): nothing changes.
    const again = await importFile(t.pool, { workspaceId: block, entity: "orders", file });
    // 10 valid rows (o3 twice), none changing anything.
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 10, rejected: 2 });
    expect(await contents(block)).toEqual(rb);

    // Later rows for the workspace land in its partition, through the ordinary merge.
    const more = write(
      "more.csv",
      "order_id,customer_id,order_date,amount\no1,k1,2024-03-05 10:00,11\no99,k9,2024-05-01,1\n",
    );
    const m = await importFile(t.pool, { workspaceId: block, entity: "orders", file: more });
    expect(m).toMatchObject({ inserted: 1, updated: 1 });
    const parts = await t.pool.query(
      "SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM orders WHERE workspace_id = $1 GROUP BY 1",
      [block],
    );
    expect(parts.rows).toEqual([{ part: partitionName(block), n: 10 }]);

    // Deleting the workspace deletes its orders (through its customers).
    await t.pool.query("DELETE FROM workspace WHERE id = $1", [block]);
    const left = await t.pool.query("SELECT count(*)::int AS n FROM orders WHERE workspace_id = $1", [block]);
    expect(left.rows[0].n).toBe(0);
  });

  it("gives a workspace without customers a customer partition of its own, keyed and attached with its orders", async () => {
    const file = write("fresh.csv", FILE);
    const rowWise = await workspace("fresh-rows", false);
    process.env.STORONA_BULK_MIN_ROWS = "1000000";
    await importFile(t.pool, { workspaceId: rowWise, entity: "orders", file });
    const block = await workspace("fresh-block", false);
    process.env.STORONA_BULK_MIN_ROWS = "5";
    const b = await importFile(t.pool, { workspaceId: block, entity: "orders", file });
    // By hand: k1, k2, k3, k6, k-old buy; k5 is only a referrer (k4's only row is rejected) → 6 customers.
    expect(b).toMatchObject({ inserted: 9, createdCustomers: 6 });
    const rb = await contents(block);
    expect(rb).toEqual(await contents(rowWise));
    expect(rb.customers.map((c) => c.external_id)).toEqual(["k-old", "k1", "k2", "k3", "k5", "k6"]);

    const where = await t.pool.query<{ ws: number; part: string }>(
      "SELECT DISTINCT workspace_id AS ws, tableoid::regclass::text AS part FROM customer WHERE workspace_id = ANY($1)",
      [[rowWise, block]],
    );
    expect(Object.fromEntries(where.rows.map((r) => [r.ws, r.part]))).toEqual({
      [rowWise]: "customer_shared",
      [block]: customerPartitionName(block),
    });
    // The partition has the customer table's keys, as constraints where the parent's are.
    const keys = await t.pool.query<{ name: string; def: string }>(
      `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def, c.contype AS constraint
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
       LEFT JOIN pg_constraint c ON c.conindid = i.oid AND c.conrelid = x.indrelid
       WHERE x.indrelid = to_regclass($1) ORDER BY 1`,
      [customerPartitionName(block)],
    );
    expect(
      keys.rows.map((r) => [r.def.replace(/^.* USING /, ""), (r as { constraint?: string }).constraint]),
    ).toEqual([
      ["btree (external_id, workspace_id)", "u"],
      ["btree (workspace_id, id)", "p"],
      ["btree (workspace_id, updated_at)", null],
    ]);
    // Its statistics are there for the planner.
    const stats = await t.pool.query("SELECT reltuples::int AS n FROM pg_class WHERE oid = to_regclass($1)", [
      customerPartitionName(block),
    ]);
    expect(stats.rows[0].n).toBe(6);

    // The unique key holds: a customers file naming k1 again updates it, a new one lands in the partition.
    const people = write("people.csv", "customer_id,name\nk1,Anya\nk7,Vera\n");
    const p = await importFile(t.pool, { workspaceId: block, entity: "customers", file: people });
    expect(p).toMatchObject({ inserted: 1, updated: 1 });
    const dup = t.pool.query("INSERT INTO customer (workspace_id, external_id) VALUES ($1, 'k2')", [block]);
    await expect(dup).rejects.toThrow(/duplicate key/);
    const parts = await t.pool.query(
      "SELECT tableoid::regclass::text AS part, count(*)::int AS n FROM customer WHERE workspace_id = $1 GROUP BY 1",
      [block],
    );
    expect(parts.rows).toEqual([{ part: customerPartitionName(block), n: 7 }]);

    // Deleting a customer deletes their orders (o4 and o11 are k-old's); deleting the workspace, the rest.
    await t.pool.query("DELETE FROM customer WHERE workspace_id = $1 AND external_id = 'k-old'", [block]);
    const left = await t.pool.query(
      "SELECT count(*)::int AS n FROM orders WHERE workspace_id = $1 AND external_id IN ('o4', 'o11')",
      [block],
    );
    expect(left.rows[0].n).toBe(0);
    await t.pool.query("DELETE FROM workspace WHERE id = $1", [block]);
    const gone = await t.pool.query(
      "SELECT (SELECT count(*) FROM customer WHERE workspace_id = $1)::int AS c, (SELECT count(*) FROM orders WHERE workspace_id = $1)::int AS o",
      [block],
    );
    expect(gone.rows[0]).toEqual({ c: 0, o: 0 });
  });

  it("makes other imports into the workspace wait while a block load holds it", async () => {
    const ws = await workspace("held", false);
    const holder = await t.pool.connect();
    try {
      // What OrdersBulkLoad.begin takes for the whole load.
      await holder.query("SELECT pg_advisory_lock($1, $2)", [0x4f52, ws]);
      const people = write("held.csv", "customer_id,name\nh1,Ira\n");
      let done = false;
      const run = importFile(t.pool, { workspaceId: ws, entity: "customers", file: people }).then((s) => {
        done = true;
        return s;
      });
      await new Promise((r) => setTimeout(r, 500));
      expect(done).toBe(false);
      await holder.query("SELECT pg_advisory_unlock($1, $2)", [0x4f52, ws]);
      expect(await run).toMatchObject({ inserted: 1 });
    } finally {
      holder.release();
    }
  });

  it("reads a plain file's lines after the first batch straight from its bytes and lands what the general reader lands", async () => {
    // Batches of 3 rows: the first batch goes through the general reader, then the fast lane takes over;
    // (each customer's earliest order is in the first batch naming it: a new customer's first_seen_at comes
    // from that batch, and the row-by-row import reads this small file as one batch);
    // it hands back lines it cannot read with certainty (Cyrillic, "$12", a bad amount, a dd.mm.yyyy date)
    // and stops at line 21 (an escaped quote), from where the general reader reads the rest.
    const lines = [
      "order_id,customer_id,order_date,amount,list_price,channel,store,status,wait_days",
      "p1,k1,2024-03-05T10:00:00Z,10.50,12.00,online,Lviv,completed,0",
      "p2,k2,2024-03-01 09:00,7,,store,kyiv centre,,",
      "p3,k1,2024-03-07T12:00:00.250Z,5.25,5.25,online,Lviv,completed,2",
      "p4,k-old,2024-02-01T08:00:00+02:00,100,100,phone,,cancelled,0",
      "p5,k3,2024-03-02T11:00:00Z,12;3,12,store,Odesa,completed,0",
      "p3,k2,2024-03-08T12:00:00Z,6.75,7,store,Odesa,returned,1",
      "p6,k3,2024-01-20T11:00:00Z,1,1,store,Одеса,completed,0",
      "p7,k4,2024-01-21T11:00:00Z,$12,12,store,Odesa,completed,0",
      "",
      "p8,k2,02.04.2024 00:30,2.00,2.00,online,,completed,0",
      "p9,k1,2024-03-15T15:00:00Z,3,3,online,lviv,completed,0",
      'p10,k6,2024-04-01T10:00:00Z,"1000.00",1000,"online",,completed,0',
      "p11,k-old,2024-04-02T10:00:00Z,4,4,store,Kyiv Centre,completed,0",
      "p12,k7,not a date,4,4,store,,completed,0",
      "p13,k7,2024-04-03T10:00:00Z,4,4,store,,Завершён,0",
      "p14,k8,2024-04-04T10:00:00Z,-4,4,store,,completed,0",
      "p15,k8,2024-04-05T10:00:00Z,4,4,store,,completed,0,extra",
      "p16,k9,2024-04-05T10:00:00Z,4.5,4.5,store,,completed,0,",
      "p17,k9,2024-04-06T10:00:00Z,4,4,store,,completed,0",
      'p18,k10,2024-04-06T10:00:00Z,4,4,store,"The ""Big"" one",completed,0',
      "p19,k1,2024-04-07T10:00:00Z,8,8,store,Lviv,completed,0",
      "p1,k10,2024-04-08T10:00:00Z,9,9,online,Lviv,completed,0",
    ];
    const file = write("plain.csv", `${lines.join("\n")}\n`);
    const rowWise = await workspace("plain-rows");
    process.env.STORONA_BULK_MIN_ROWS = "1000000";
    const a = await importFile(t.pool, { workspaceId: rowWise, entity: "orders", file, batchSize: 3 });
    const block = await workspace("plain-block");
    process.env.STORONA_BULK_MIN_ROWS = "5";
    // COPY chunks of a row or two: the block reuses its buffers many times over while others are in flight.
    process.env.STORONA_COPY_CHUNK_BYTES = "64";
    const b = await importFile(t.pool, { workspaceId: block, entity: "orders", file, batchSize: 3 });
    // By hand: lines 2–4 are the general reader's first batch; of lines 5–20 the fast lane takes the plain
    // ones — 5, 7, 12, 13 (quoted, but plainly), 14 and 20 — hands back 6, 8, 9, 11, 15–19, skips the blank
    // line 10, and stops at 21.
    expect(b.laneRows).toBe(6);
    expect(await contents(block)).toEqual(await contents(rowWise));
    const pick = (s: typeof a) => [s.read, s.rejected, s.inserted, s.unchanged, s.createdCustomers];
    expect(pick(b)).toEqual(pick(a));
    const report = async (ws: number, run: number) =>
      (await listIssues(t.pool, ws, run)).map((i) => [i.line, i.column, i.code, i.severity]);
    expect(await report(block, b.runId)).toEqual(await report(rowWise, a.runId));
    expect(b.read).toBe(21); // 22 lines after the header, one of them blank
  });

  it("ends with exactly the file's rows after a block load is killed with kill -9 half-way and run again", async () => {
    const n = 150_000;
    const lines = ["order_id,customer_id,order_date,amount"];
    for (let i = 1; i <= n; i++)
      lines.push(`b${i},c${i % 7000},2024-0${1 + (i % 9)}-1${i % 10}T12:00:00Z,${(i % 89) + 1}.25`);
    const file = write("big.csv", `${lines.join("\n")}\n`);
    const k = (await t.pool.query("INSERT INTO workspace (slug, name) VALUES ('bk9', 'K') RETURNING id"))
      .rows[0].id as number;
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        path.join(root, "src/modules/intake/testing/import-child.ts"),
        t.url,
        String(k),
        file,
      ],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "inherit"],
        env: { ...process.env, STORONA_BULK_MIN_ROWS: "1000" },
      },
    );
    // A block commits nothing before its end: kill it once its progress says a third of the file is read.
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(async () => {
        const r = await t.pool.query(
          "SELECT coalesce(max(rows_read), 0)::int AS n FROM import_run WHERE workspace_id = $1",
          [k],
        );
        if (r.rows[0].n >= n / 3) {
          clearInterval(timer);
          child.kill("SIGKILL");
          resolve();
        }
      }, 10);
      child.on("exit", (code) => {
        clearInterval(timer);
        if (code === 0)
          reject(new Error("the import finished before it could be killed; make the file bigger"));
      });
    });
    await new Promise((r) => child.on("close", r));
    // The server rolls the block back once it notices the client is gone.
    let orphan = true;
    for (let i = 0; i < 100 && orphan; i++) {
      const r = await t.pool.query(
        "SELECT to_regclass($1) IS NOT NULL OR to_regclass($2) IS NOT NULL AS there",
        [partitionName(k), customerPartitionName(k)],
      );
      orphan = r.rows[0].there;
      if (orphan) await new Promise((r) => setTimeout(r, 50));
    }
    expect(orphan).toBe(false);
    const half = await t.pool.query(
      "SELECT (SELECT count(*) FROM orders WHERE workspace_id = $1)::int AS o, (SELECT count(*) FROM customer WHERE workspace_id = $1)::int AS c",
      [k],
    );
    expect(half.rows[0]).toEqual({ o: 0, c: 0 });

    // What a kill between the load's commit and the attach would leave: a detached table with rows.
    await t.pool.query(`CREATE TABLE ${partitionName(k)} (LIKE orders)`);
    await t.pool.query(
      `INSERT INTO ${partitionName(k)} (workspace_id, id, external_id, customer_id, ordered_at, amount, list_amount, currency, status, wait_days, updated_at)
       VALUES ($1, 1, 'junk', 1, now(), 1, 1, 'UAH', 'completed', 0, now())`,
      [k],
    );
    await t.pool.query(`CREATE TABLE ${customerPartitionName(k)} (LIKE customer)`);
    await t.pool.query(
      `INSERT INTO ${customerPartitionName(k)} (workspace_id, id, external_id, attributes, created_at, updated_at) VALUES ($1, 1, 'junk', '{}', now(), now())`,
      [k],
    );
    process.env.STORONA_BULK_MIN_ROWS = "1000";
    const s = await importFile(t.pool, { workspaceId: k, entity: "orders", file });
    expect(s).toMatchObject({ inserted: n, rejected: 0 });
    const after = await t.pool.query(
      "SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS d, sum(amount)::bigint AS cents FROM orders WHERE workspace_id = $1",
      [k],
    );
    let cents = 0;
    for (let i = 1; i <= n; i++) cents += ((i % 89) + 1) * 100 + 25;
    expect(after.rows[0]).toEqual({ n, d: n, cents });
    const customers = await t.pool.query(
      "SELECT tableoid::regclass::text AS part, count(*)::int AS n, count(*) FILTER (WHERE external_id = 'junk')::int AS junk FROM customer WHERE workspace_id = $1 GROUP BY 1",
      [k],
    );
    expect(customers.rows).toEqual([{ part: customerPartitionName(k), n: 7000, junk: 0 }]);
  });
});
