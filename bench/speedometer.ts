import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createUser, upsertMember } from "../src/modules/accounts/index.ts";
import { rebuild, refresh, registerSpeedometerRoutes } from "../src/modules/speedometer/index.ts";
import { loadConfig } from "../src/platform/config.ts";
import { migrate, openDatabase, startEmbedded } from "../src/platform/db/index.ts";
import { buildApp, createSession, SESSION_COOKIE } from "../src/platform/http/index.ts";

/**
 * `npm run bench -- speedometer`: a generated 1,000,000-customer / 5,000,000-order workspace in a fresh
 * database (DATABASE_URL's server, else an embedded one in a temporary folder), then
 *  - the full rebuild,
 *  - the incremental refresh after a 10,000-order batch,
 *  - the p95 of the page's API over 200 requests.
 * Targets: rebuild ≤ 60 s, incremental ≤ 2 s, p95 ≤ 100 ms. The reference beside them is a plain scan of
 * the same orders (count and sum), so a reader can tell a slow machine from a slow speedometer.
 */
export type SpeedometerBenchResult = {
  customers: number;
  orders: number;
  generateSeconds: number;
  scanSeconds: number;
  rebuildSeconds: number;
  rebuildPhases: Array<[string, number]>;
  refreshSeconds: number;
  refreshPhases: Array<[string, number]>;
  /** Node's own CPU time, which a busy machine does not inflate the way it inflates wall time. */
  rebuildCpuSeconds: number;
  refreshCpuMs: number;
  apiCpuP95Ms: number;
  apiP50Ms: number;
  apiP95Ms: number;
  apiMaxMs: number;
  loadAverage: number[];
};

/**
 * A seeded, generated workspace for the speedometer benchmark, made inside PostgreSQL with
 * generate_series (moving 5 M rows through Node would measure Node). random() is seeded per session.
 */
type BenchSize = { customers: number; orders: number; requests: number; answers: number; segments: number };

/**
 * Secondary indexes (not those of a key) on the tables loaded, as the migrations left them: dropped before the
 * load and built again after it, because inserting 5 M rows into random index positions takes many minutes.
 * Built after the load, the BRIN index on orders.updated_at summarises every page range, as after the intake's
 * bulk load (src/modules/intake/bulk.ts) or autovacuum; left to the row-by-row load, it would summarise none
 * and every search for recent changes would read every order.
 */
async function secondaryIndexes(db: pg.ClientBase): Promise<Array<{ name: string; sql: string }>> {
  const r = await db.query<{ name: string; sql: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS sql
     FROM pg_index i
     WHERE i.indrelid IN ('orders'::regclass, 'request'::regclass, 'feedback'::regclass)
       AND NOT i.indisunique AND NOT i.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)`,
  );
  // The definition of an index on a partitioned table reads "ON ONLY"; built again, it covers the partitions.
  return r.rows.map((x) => ({ name: x.name, sql: x.sql.replace(" ON ONLY ", " ON ") }));
}

async function generateWorkspace(
  db: pg.ClientBase,
  slug: string,
  size: BenchSize,
  seed = 0.42,
): Promise<number> {
  await db.query("SET synchronous_commit = off");
  await db.query("SET maintenance_work_mem = '512MB'");
  try {
    // The generated rows are consistent by construction; skipping per-row foreign-key triggers (superuser only,
    // as the embedded server's and a local server's admin are) keeps the load in minutes.
    await db.query("SET session_replication_role = replica");
  } catch {
    // not a superuser: load with the checks, only slower
  }
  const deferred = await secondaryIndexes(db);
  for (const { name } of deferred) await db.query(`DROP INDEX IF EXISTS ${name}`);
  await db.query("SELECT setseed($1)", [seed]);
  const ws = (
    await db.query<{ id: number }>(
      "INSERT INTO workspace (slug, name, currency, time_zone) VALUES ($1, $1, 'UAH', 'Europe/Kyiv') RETURNING id",
      [slug],
    )
  ).rows[0]!.id;
  await db.query(
    `INSERT INTO location (workspace_id, external_id, name, kind)
     SELECT $1, 'loc-' || g, 'Location ' || g, CASE WHEN g = 1 THEN 'online' ELSE 'store' END FROM generate_series(1, 20) g`,
    [ws],
  );
  await db.query(
    `INSERT INTO customer (workspace_id, external_id, first_seen_at)
     SELECT $1, 'c' || lpad(g::text, 8, '0'), timestamptz '2023-01-01' FROM generate_series(1, $2::int) g`,
    [ws, size.customers],
  );
  const ids = (
    await db.query<{ c0: number; l0: number }>(
      `SELECT (SELECT min(id) FROM customer WHERE workspace_id = $1) AS c0,
              (SELECT min(id) FROM location WHERE workspace_id = $1) AS l0`,
      [ws],
    )
  ).rows[0]!;
  // A tenth of the customers were referred by the customer made just before them.
  await db.query(
    "UPDATE customer SET referred_by_id = id - 1 WHERE workspace_id = $1 AND id > $2 AND id % 10 = 3",
    [ws, ids.c0],
  );
  // Orders over 24 months; customers drawn with a skew so that some buy often and many once or twice.
  await db.query(
    `INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, amount, list_amount, currency, channel,
       location_id, status, wait_days, referred_by_id)
     SELECT $1, 'o' || lpad(g::text, 9, '0'), c, at, amount, CASE WHEN r1 < 0.25 THEN amount * 6 / 5 ELSE amount END, 'UAH',
       (ARRAY['store', 'online', 'phone'])[1 + floor(r2 * 3)::int], $4::bigint + floor(r3 * 20)::int,
       CASE WHEN r4 < 0.04 THEN 'cancelled' WHEN r4 < 0.06 THEN 'returned' ELSE 'completed' END,
       CASE WHEN r5 < 0.1 THEN 1 + floor(r5 * 140)::int ELSE 0 END,
       CASE WHEN r5 > 0.98 AND c > $3 THEN c - 1 END
     FROM (
       SELECT g, $3::bigint + floor(power(random(), 1.6) * $5::int)::bigint AS c,
         timestamptz '2023-07-01 00:00+03' + random() * interval '730 days' AS at,
         (500 + floor(random() * 49500))::bigint AS amount,
         random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5
       FROM generate_series(1, $2::int) g
     ) x`,
    [ws, size.orders, ids.c0, ids.l0, size.customers],
  );
  await db.query(
    `INSERT INTO request (workspace_id, external_id, customer_id, channel, kind, created_at, location_id, status)
     SELECT $1, 'r' || lpad(g::text, 8, '0'), $3::bigint + floor(random() * $4::int)::bigint,
       (ARRAY['email', 'phone', 'telegram', 'web'])[1 + floor(random() * 4)::int],
       CASE WHEN random() < 0.5 THEN 'complaint' ELSE 'question' END,
       timestamptz '2023-07-01 00:00+03' + random() * interval '730 days', $5::bigint + floor(random() * 20)::int, 'closed'
     FROM generate_series(1, $2::int) g`,
    [ws, size.requests, ids.c0, size.customers, ids.l0],
  );
  await db.query(
    `INSERT INTO feedback (workspace_id, external_id, customer_id, kind, score, created_at, location_id, channel)
     SELECT $1, 'f' || lpad(g::text, 8, '0'), $3::bigint + floor(random() * $4::int)::bigint, k,
       CASE k WHEN 'nps' THEN floor(random() * 11)::int WHEN 'csat' THEN 1 + floor(random() * 5)::int
         ELSE 1 + floor(random() * 7)::int END,
       timestamptz '2023-07-01 00:00+03' + random() * interval '730 days', $5::bigint + floor(random() * 20)::int, 'store'
     FROM (SELECT g, (ARRAY['nps', 'csat', 'ces'])[1 + floor(random() * 3)::int] AS k
           FROM generate_series(1, $2::int) g) x`,
    [ws, size.answers, ids.c0, size.customers, ids.l0],
  );
  for (let s = 1; s <= size.segments; s++) {
    const seg = (
      await db.query<{ id: number }>(
        "INSERT INTO segment (workspace_id, name, kind) VALUES ($1, $2, 'rfm') RETURNING id",
        [ws, `Segment ${s}`],
      )
    ).rows[0]!.id;
    await db.query(
      `INSERT INTO customer_segment (workspace_id, segment_id, customer_id)
       SELECT $1, $2, id FROM customer WHERE workspace_id = $1 AND id % $3 = 0`,
      [ws, seg, 7 + s],
    );
  }
  for (const { sql } of deferred) await db.query(sql);
  await db.query("RESET session_replication_role");
  await db.query("ANALYZE");
  return ws;
}

/** A batch of new orders from existing customers in the data's last month, as an import would add them. */
async function addOrderBatch(db: pg.ClientBase, ws: number, count: number, tag: string): Promise<void> {
  await db.query(
    `INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, amount, list_amount, currency, channel,
       location_id, status)
     SELECT $1, $3 || g, c.c0 + floor(random() * c.n)::bigint,
       timestamptz '2025-06-01 00:00+03' + random() * interval '29 days',
       a, a, 'UAH', 'online', c.l0, 'completed'
     FROM generate_series(1, $2::int) g,
       LATERAL (SELECT (500 + floor(random() * 20000))::bigint AS a) am,
       (SELECT min(id) AS c0, count(*) AS n, (SELECT min(id) FROM location WHERE workspace_id = $1) AS l0
        FROM customer WHERE workspace_id = $1) c`,
    [ws, count, tag],
  );
}

const SIZE = { customers: 1_000_000, orders: 5_000_000, requests: 300_000, answers: 300_000, segments: 3 };

async function freshDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const config = loadConfig();
  let admin = config.databaseUrl;
  let stopServer = async () => {};
  if (!admin) {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), "storona-bench-"));
    fs.chmodSync(home, 0o755);
    const server = await startEmbedded({ home });
    admin = server.url;
    stopServer = async () => {
      await server.stop();
      fs.rmSync(home, { recursive: true, force: true });
    };
  }
  const name = `storona_bench_spd_${randomBytes(4).toString("hex")}`;
  const run = async (sql: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    try {
      await c.query(sql);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE "${name}"`);
  const u = new URL(admin);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      await run(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await stopServer();
    },
  };
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

export async function runSpeedometerBench(size = SIZE): Promise<SpeedometerBenchResult> {
  const log = (line: string) => console.log(`  ${line}`);
  const target = await freshDatabase();
  const db = openDatabase(target.url, { max: 4 });
  try {
    await migrate(db.pool);
    log(
      `generating ${size.customers.toLocaleString("en")} customers, ${size.orders.toLocaleString("en")} orders…`,
    );
    let t = performance.now();
    const client = await db.pool.connect();
    let ws: number;
    try {
      ws = await generateWorkspace(client, "bench", size);
    } finally {
      client.release();
    }
    const generateSeconds = seconds(performance.now() - t);
    log(`generated in ${generateSeconds} s`);

    t = performance.now();
    await db.pool.query("SELECT count(*), sum(amount) FROM orders WHERE workspace_id = $1", [ws]);
    const scanSeconds = seconds(performance.now() - t);
    log(`reference: one scan of the orders (count, sum) ${scanSeconds} s`);

    let cpu = process.cpuUsage();
    const built = await rebuild(db.pool, ws);
    const rebuildSeconds = seconds(built.ms);
    const rebuildCpu = process.cpuUsage(cpu);
    const rebuildCpuSeconds = seconds((rebuildCpu.user + rebuildCpu.system) / 1000);
    log(
      `full rebuild ${rebuildSeconds} s (target ≤ 60 s; Node CPU ${rebuildCpuSeconds} s) — ` +
        built.phases.map(([p, ms]) => `${p} ${seconds(ms)}`).join(", "),
    );

    const since = new Date((await db.pool.query<{ n: Date }>("SELECT now() AS n")).rows[0]!.n);
    const batch = await db.pool.connect();
    try {
      await addOrderBatch(batch, ws, 10_000, "batch-");
    } finally {
      batch.release();
    }
    cpu = process.cpuUsage();
    const refreshed = await refresh(db.pool, ws, { since });
    const used = process.cpuUsage(cpu);
    const refreshCpuMs = Math.round((used.user + used.system) / 1000);
    const refreshSeconds = Math.round(refreshed.ms) / 1000;
    log(
      `incremental refresh after 10,000 orders ${refreshSeconds} s (target ≤ 2 s; ${refreshed.customers} customers; ` +
        `Node CPU ${refreshCpuMs} ms) — ` +
        refreshed.phases.map(([p, ms]) => `${p} ${ms} ms`).join(", "),
    );

    // Signed in like the page (a session cookie), not with an API token, whose use is written on every call.
    const user = await createUser(db.pool, {
      email: "bench@storona.local",
      name: "Bench",
      password: "bench-password",
    });
    await upsertMember(db.pool, ws, user.id, "viewer");
    const { sid } = await createSession(db.pool, user.id);
    const app = await buildApp({ pool: db.pool, version: "bench" });
    registerSpeedometerRoutes(app, { pool: db.pool });
    await app.ready();
    const locations = (
      await db.pool.query<{ id: string }>("SELECT id::text FROM location WHERE workspace_id = $1", [ws])
    ).rows;
    const segments = (
      await db.pool.query<{ id: string }>("SELECT id::text FROM segment WHERE workspace_id = $1", [ws])
    ).rows;
    const queries = [
      "",
      "?by=channel",
      "?by=segment",
      "?from=2025-01&to=2025-03",
      ...locations.slice(0, 5).map((l) => `?location=${l.id}`),
      ...segments.map((s) => `?segment=${s.id}`),
      "?channel=online",
    ];
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let i = 0; i < 210; i++) {
      const q = queries[i % queries.length]!;
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      const res = await app.inject({
        method: "GET",
        url: `/api/workspaces/bench/speedometer${q}`,
        cookies: { [SESSION_COOKIE]: sid },
      });
      const c = process.cpuUsage(c0);
      if (res.statusCode !== 200)
        throw new Error(`API answered ${res.statusCode}: ${res.body.slice(0, 200)}`);
      // The first ten warm up the JIT and the caches.
      if (i >= 10) {
        times.push(performance.now() - t0);
        cpuTimes.push((c.user + c.system) / 1000);
      }
    }
    cpuTimes.sort((a, b) => a - b);
    const apiCpuP95Ms = Math.round(quantile(cpuTimes, 0.95) * 10) / 10;
    await app.close();
    times.sort((a, b) => a - b);
    const apiP50Ms = Math.round(quantile(times, 0.5) * 10) / 10;
    const apiP95Ms = Math.round(quantile(times, 0.95) * 10) / 10;
    const apiMaxMs = Math.round(times[times.length - 1]! * 10) / 10;
    log(
      `page API over 200 requests: p50 ${apiP50Ms} ms, p95 ${apiP95Ms} ms (target ≤ 100 ms), max ${apiMaxMs} ms; ` +
        `Node CPU p95 ${apiCpuP95Ms} ms`,
    );
    const loadAverage = os.loadavg().map((x) => Math.round(x * 10) / 10);
    log(`machine: ${os.cpus().length} cores, load average ${loadAverage.join(" / ")}`);
    return {
      customers: built.customers,
      orders: built.orders,
      generateSeconds,
      scanSeconds,
      rebuildSeconds,
      rebuildPhases: built.phases,
      refreshSeconds,
      refreshPhases: refreshed.phases,
      rebuildCpuSeconds,
      refreshCpuMs,
      apiCpuP95Ms,
      apiP50Ms,
      apiP95Ms,
      apiMaxMs,
      loadAverage,
    };
  } finally {
    await db.close();
    // SPEEDOMETER_BENCH_KEEP=1 keeps the generated database (to profile the refresh again without regenerating).
    if (process.env.SPEEDOMETER_BENCH_KEEP === "1") log(`kept database ${target.url}`);
    else await target.drop();
  }
}
