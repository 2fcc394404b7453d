import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { migrate, openDatabase, startEmbedded } from "../src/platform/db/index.ts";

/**
 * `npm run bench -- segments`: 1,000,000 customers with about 2.5 orders each, complaints and NPS answers,
 * generated in SQL (seeded), then a full segmentation: features loaded, RFM, k-means with k chosen by
 * silhouette in 2–10, memberships written. A second run on the same data shows the re-run cost (nothing
 * to write). Target: the first run ≤ 30 s. The speedometer's recount is its own benchmark and left out.
 */

const CUSTOMERS = Number(process.env.SEGMENTS_BENCH_CUSTOMERS ?? 1_000_000);

export async function generate(c: pg.ClientBase, ws: number): Promise<{ orders: number }> {
  await c.query("SET synchronous_commit = off");
  try {
    await c.query("SET session_replication_role = replica"); // skip FK triggers: rows are consistent by construction
  } catch {
    // not a superuser: slower, same result
  }
  await c.query("SELECT setseed(0.0808)");
  await c.query(
    "INSERT INTO location (workspace_id, external_id, name) SELECT $1, 'loc-' || g, 'Shop ' || g FROM generate_series(1, 5) g",
    [ws],
  );
  await c.query(
    "INSERT INTO customer (workspace_id, external_id) SELECT $1, 'c' || g FROM generate_series(1, $2::int) g",
    [ws, CUSTOMERS],
  );
  const ids = (
    await c.query<{ c0: number; l0: number }>(
      `SELECT (SELECT min(id) FROM customer WHERE workspace_id = $1) AS c0,
              (SELECT min(id) FROM location WHERE workspace_id = $1) AS l0`,
      [ws],
    )
  ).rows[0]!;
  // Four kinds of buyer, so there is structure to find: loyal full-price regulars, bargain hunters, one-off
  // buyers long gone, and recent newcomers. Orders per customer 1 + a geometric number by kind.
  const o = await c.query(
    `WITH cust AS (
       SELECT g, $3 + g - 1 AS id, floor(random() * 4)::int AS kind FROM generate_series(1, $2::int) g
     ), n AS (
       SELECT id, kind, 1 + floor(ln(1 - random()) / ln(CASE kind WHEN 0 THEN 0.8 WHEN 1 THEN 0.6 ELSE 0.15 END))::int AS k
       FROM cust
     )
     INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, amount, list_amount, currency, channel,
       location_id, status, wait_days)
     SELECT $1, n.id || '-' || j, n.id,
       timestamptz '2026-10-31' - make_interval(days => CASE n.kind WHEN 2 THEN 300 + floor(random() * 400)::int
         WHEN 3 THEN floor(random() * 60)::int ELSE floor(random() * 700)::int END),
       a, CASE WHEN n.kind = 1 AND random() < 0.8 THEN a + a / 4 ELSE a END, 'UAH',
       (ARRAY['store','online','phone'])[1 + CASE WHEN random() < 0.7 THEN n.kind % 3 ELSE floor(random() * 3)::int END],
       $4 + floor(random() * 5)::int,
       CASE WHEN random() < 0.03 THEN 'cancelled' ELSE 'completed' END,
       CASE WHEN random() < 0.8 THEN 0 ELSE floor(random() * 10)::int END
     FROM n CROSS JOIN LATERAL generate_series(1, n.k) j
       CROSS JOIN LATERAL (SELECT (2000 + floor(random() * CASE n.kind WHEN 0 THEN 20000 ELSE 6000 END))::bigint AS a) x`,
    [ws, CUSTOMERS, ids.c0, ids.l0],
  );
  await c.query(
    `INSERT INTO request (workspace_id, external_id, customer_id, channel, kind, created_at)
     SELECT $1, 'r' || g, $3 + floor(random() * $2)::bigint, 'email', 'complaint',
       timestamptz '2026-10-31' - make_interval(days => floor(random() * 700)::int)
     FROM generate_series(1, ($2 / 7)::int) g`,
    [ws, CUSTOMERS, ids.c0],
  );
  await c.query(
    `INSERT INTO feedback (workspace_id, external_id, customer_id, kind, score, created_at)
     SELECT $1, 'f' || g, $3 + floor(random() * $2)::bigint, 'nps', floor(random() * 11)::int,
       timestamptz '2026-10-31' - make_interval(days => floor(random() * 700)::int)
     FROM generate_series(1, ($2 / 5)::int) g`,
    [ws, CUSTOMERS, ids.c0],
  );
  for (const t of ["customer", "orders", "request", "feedback"]) await c.query(`ANALYZE ${t}`);
  return { orders: o.rowCount ?? 0 };
}

export async function runSegmentsBench(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "storona-bench-segments-"));
  fs.chmodSync(tmp, 0o755);
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbedded({ home: path.join(tmp, "home") });
  const admin = process.env.DATABASE_URL ?? embedded!.url;
  const dbName = `storona_bench_segments_${process.pid}`;
  const a = new pg.Client({ connectionString: admin });
  await a.connect();
  await a.query(`CREATE DATABASE "${dbName}"`);
  await a.end();
  const u = new URL(admin);
  u.pathname = `/${dbName}`;
  const db = openDatabase(u.toString(), { max: 4 });
  try {
    await migrate(db.pool);
    const ws = (
      await db.pool.query<{ id: number }>(
        "INSERT INTO workspace (slug, name) VALUES ('bench', 'Bench') RETURNING id",
      )
    ).rows[0]!.id;
    const t0 = performance.now();
    const c = await db.pool.connect();
    let orders = 0;
    try {
      ({ orders } = await generate(c, ws));
    } finally {
      c.release();
    }
    console.log(
      `  generated ${CUSTOMERS.toLocaleString("en")} customers, ${orders.toLocaleString("en")} orders in ${((performance.now() - t0) / 1000).toFixed(0)} s`,
    );
    const { rebuildSegments } = await import("../src/modules/segments/index.ts");
    const cpu = process.cpuUsage();
    const steps: string[] = [];
    const trace = (step: string, ms: number) => steps.push(`${step} ${(ms / 1000).toFixed(1)} s`);
    const first = await rebuildSegments(db.pool, ws, { speedometer: false, trace });
    console.log(`  write steps: ${steps.join(", ")}`);
    const d = process.cpuUsage(cpu);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `  first run: ${s(first.ms.total)} (load ${s(first.ms.load)}, RFM + k-means ${s(first.ms.compute)}, write ${s(first.ms.write)}; ` +
        `Node CPU ${((d.user + d.system) / 1e6).toFixed(1)} s) for ${first.customers.toLocaleString("en")} buyers, k = ${first.k}, ` +
        `${first.inserted.toLocaleString("en")} memberships — target ≤ 30 s: ${first.ms.total <= 30_000 ? "met" : "MISSED"}`,
    );
    const again = await rebuildSegments(db.pool, ws, { speedometer: false });
    console.log(
      `  re-run on the same data: ${s(again.ms.total)} (${again.inserted} inserted, ${again.deleted} deleted memberships)`,
    );
    console.log(`  ${os.cpus().length} cores, load average ${(os.loadavg()[0] ?? 0).toFixed(1)}`);
  } finally {
    await db.close();
    const d = new pg.Client({ connectionString: admin });
    await d.connect();
    await d.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await d.end();
    await embedded?.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]))
  await runSegmentsBench();
