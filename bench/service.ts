import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { registerServiceRoutes } from "../src/modules/service/index.ts";
import { migrate, openDatabase, startEmbedded } from "../src/platform/db/index.ts";
import { buildApp, createSession } from "../src/platform/http/index.ts";

/**
 * `npm run bench -- service`: 1,000,000 requests (and 300,000 orders) generated in a fresh workspace by
 * SQL, a full rebuild of the service facts and rollups, an incremental refresh after 1,000 resolutions, then
 * the p95 of the page's API over 200 calls with a mix of filters. As a same-run reference on a noisy
 * machine, a trivial `SELECT 1` round trip is timed too, so the figure also reads as a ratio.
 */

const REQUESTS = Number(process.env.SERVICE_BENCH_REQUESTS ?? 1_000_000);
const ORDERS = Math.round(REQUESTS * 0.3);
const CUSTOMERS = Math.round(REQUESTS / 5);
const CALLS = 200;
const NOW = new Date("2026-11-20T12:00:00Z");

export async function generate(c: pg.ClientBase, ws: number): Promise<void> {
  await c.query("SET synchronous_commit = off");
  try {
    await c.query("SET session_replication_role = replica"); // skip FK triggers: rows are consistent by construction
  } catch {
    // not a superuser: slower, same result
  }
  await c.query("SELECT setseed(0.4242)");
  await c.query(
    `INSERT INTO location (workspace_id, external_id, name, kind, time_zone, working_hours)
     SELECT $1, 'loc-' || g, 'Shop ' || g, 'store', 'Europe/Kyiv',
       jsonb_build_object('mon', j, 'tue', j, 'wed', j, 'thu', j, 'fri', j, 'sat', j, 'sun', j)
     FROM generate_series(1, 5) g, (SELECT jsonb_build_array(jsonb_build_object('from', '10:00', 'to', '21:00')) AS j) s`,
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
  // Requests over two years on the Kyiv clock, most between 08:00 and midnight, every day of the week. The
  // office answers Mon–Fri 09:00–18:00: within two hours inside, the next working morning outside.
  await c.query(
    `WITH base AS (
       SELECT g, d, h, mi, extract(isodow FROM d)::int AS dw, random() AS r1, random() AS r2, random() AS r3,
         random() AS r4, random() AS r5, random() AS r6, random() AS r7
       FROM (SELECT g, date '2024-11-01' + floor(random() * 730)::int AS d,
               CASE WHEN random() < 0.85 THEN 8 + floor(random() * 16)::int ELSE floor(random() * 24)::int END AS h,
               floor(random() * 60)::int AS mi
             FROM generate_series(1, $2::int) g) x
     ), t AS (
       SELECT *, ((d + make_time(h, mi, 0)) AT TIME ZONE 'Europe/Kyiv') AS created,
         (dw <= 5 AND h >= 9 AND h < 18) AS inside,
         CASE WHEN dw <= 5 AND h < 9 THEN d WHEN dw = 5 THEN d + 3 WHEN dw = 6 THEN d + 2 ELSE d + 1 END AS next_day
       FROM base
     ), a AS (
       SELECT *, CASE WHEN r4 < 0.02 THEN NULL
                      WHEN inside THEN created + r5 * interval '2 hours'
                      ELSE ((next_day + time '09:00') AT TIME ZONE 'Europe/Kyiv') + r5 * interval '90 minutes' END AS fr
       FROM t
     )
     INSERT INTO request (workspace_id, external_id, customer_id, channel, kind, created_at, first_response_at,
       resolved_at, location_id, status)
     SELECT $1, 'r' || g, $3 + floor(r1 * $4)::bigint,
       (ARRAY['telegram','telegram','viber','viber','email','email','web','phone','instagram','whatsapp','in_person','vk'])[1 + floor(r2 * 12)::int],
       (ARRAY['complaint','complaint','question','question','question','suggestion','praise'])[1 + floor(r3 * 7)::int],
       created, fr,
       CASE WHEN fr IS NOT NULL AND r6 < 0.85 THEN fr + r7 * interval '3 days' END,
       CASE WHEN g % 10 < 3 THEN NULL ELSE $5 + (g % 5) END,
       CASE WHEN fr IS NULL THEN 'open' WHEN r6 < 0.85 THEN 'resolved' ELSE 'pending' END
     FROM a`,
    [ws, REQUESTS, ids.c0, CUSTOMERS, ids.l0],
  );
  // Orders: seven in ten without a wait; the longer the wait, the likelier the cancellation.
  await c.query(
    `INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, amount, list_amount, currency, channel,
       location_id, status, wait_days)
     SELECT $1, 'o' || g, $3 + floor(random() * $4)::bigint,
       ((date '2024-11-01' + floor(random() * 730)::int) + make_time(8 + floor(random() * 15)::int, 0, 0))
         AT TIME ZONE 'Europe/Kyiv',
       10000, 10000, 'UAH', (ARRAY['store','online','phone'])[1 + g % 3], $5 + (g % 5),
       CASE WHEN random() < 0.02 + 0.012 * w THEN 'cancelled' WHEN random() < 0.03 THEN 'returned' ELSE 'completed' END, w
     FROM (SELECT g, CASE WHEN random() < 0.7 THEN 0 ELSE floor(power(random(), 2) * 30)::int END AS w
           FROM generate_series(1, $2::int) g) x`,
    [ws, ORDERS, ids.c0, CUSTOMERS, ids.l0],
  );
  await c.query("ANALYZE request");
  await c.query("ANALYZE orders");
}

type Figures = {
  requests: number;
  orders: number;
  generateS: number;
  rebuildS: number;
  rebuildCpuS: number;
  apiCpuMs: number;
  refreshS: number;
  apiP50: number;
  apiP95: number;
  drillP95: number;
  selectP50: number;
  selectP95: number;
  cpus: number;
  load: number;
  database: string;
};

/** Rewrites the "Service" section of docs/benchmarks.md, leaving the other sections as they are. */
function writeBenchSection(f: Figures): void {
  const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../docs/benchmarks.md");
  const n = (x: number) => x.toLocaleString("en");
  const section = [
    `### Rollups and page API (\`npm run bench -- service\`, ${new Date().toISOString().slice(0, 10)})`,
    "",
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench -- service\` (${f.database}, ${f.cpus} cores, load average ${f.load.toFixed(1)} at the end).`,
    `Data: ${n(f.requests)} requests and ${n(f.orders)} orders over two years in one workspace (Europe/Kyiv), generated in SQL.`,
    "",
    "| step | figure |",
    "|---|---|",
    `| rebuild (facts with business time in Node, COPY, rollups) | ${f.rebuildS.toFixed(1)} s (${n(Math.round(f.requests / f.rebuildS))} requests/s; Node CPU ${f.rebuildCpuS.toFixed(0)} s) |`,
    `| incremental refresh after 1,000 recent requests were resolved (an import) | ${f.refreshS.toFixed(1)} s |`,
    `| page API \`GET …/service\`, 200 calls, 8 filter mixes: p50 / p95 | ${f.apiP50.toFixed(0)} ms / **${f.apiP95.toFixed(0)} ms** (target ≤ 200 ms; Node CPU ${f.apiCpuMs.toFixed(0)} ms a call) |`,
    `| drill-down \`GET …/service/requests\`, p95 | ${f.drillP95.toFixed(0)} ms |`,
    `| reference: \`SELECT 1\` round trip p50 / p95 | ${f.selectP50.toFixed(2)} ms / ${f.selectP95.toFixed(2)} ms |`,
    `| ratio page API p95 / \`SELECT 1\` p95 | ${Math.round(f.apiP95 / f.selectP95)}× |`,
    "",
    "The page reads only rollups (monthly slices with histograms, weekly SLA counts, order waits) and, for",
    "SLA deadlines still running and second-channel tries, two partial indexes of the facts.",
    "",
  ].join("\n");
  // Only our part of the file changes: between our markers, or the "## Service" section, or at the end.
  const marked = `<!-- service-bench:start -->\n${section}\n<!-- service-bench:end -->`;
  const old = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "# Benchmarks\n";
  let out: string;
  const start = old.indexOf("<!-- service-bench:start -->");
  const end = old.indexOf("<!-- service-bench:end -->");
  const heading = old.search(/^## Service\s*$/m);
  if (start >= 0 && end > start) {
    out = `${old.slice(0, start)}${marked}${old.slice(end + "<!-- service-bench:end -->".length)}`;
  } else if (heading >= 0) {
    const rest = old.slice(heading + 1).search(/^## /m);
    const next = rest >= 0 ? heading + 1 + rest : old.length;
    out = `${old.slice(0, heading)}## Service\n\n${marked}\n\n${old.slice(next)}`;
  } else {
    out = `${old.trimEnd()}\n\n## Service\n\n${marked}\n`;
  }
  fs.writeFileSync(file, out);
}

const percentile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

export async function runServiceBench(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "storona-bench-service-"));
  fs.chmodSync(tmp, 0o755);
  const embedded = process.env.DATABASE_URL
    ? undefined
    : await startEmbedded({ home: path.join(tmp, "home") });
  const admin = process.env.DATABASE_URL ?? embedded!.url;
  const dbName = `storona_bench_service_${process.pid}`;
  const a = new pg.Client({ connectionString: admin });
  await a.connect();
  await a.query(`CREATE DATABASE "${dbName}"`);
  await a.end();
  const u = new URL(admin);
  u.pathname = `/${dbName}`;
  const db = openDatabase(u.toString(), { max: 10 });
  try {
    await migrate(db.pool);
    const ws = (
      await db.pool.query<{ id: number }>(
        "INSERT INTO workspace (slug, name) VALUES ('bench', 'Bench') RETURNING id",
      )
    ).rows[0]!.id;
    let t = performance.now();
    const c = await db.pool.connect();
    try {
      await generate(c, ws);
    } finally {
      c.release();
    }
    const generateS = (performance.now() - t) / 1000;
    console.log(
      `  generated ${REQUESTS.toLocaleString("en")} requests, ${ORDERS.toLocaleString("en")} orders in ${generateS.toFixed(0)} s`,
    );

    const { rebuild, refresh } = await import("../src/modules/service/index.ts");
    let cpu = process.cpuUsage();
    const rebuilt = await rebuild(db.pool, ws, NOW);
    const cpuSeconds = (since: NodeJS.CpuUsage) => {
      const d = process.cpuUsage(since);
      return (d.user + d.system) / 1e6;
    };
    const rebuildCpuS = cpuSeconds(cpu);
    console.log(
      `  rebuild: ${(rebuilt.ms / 1000).toFixed(1)} s (${Math.round(rebuilt.requests / (rebuilt.ms / 1000)).toLocaleString("en")} requests/s)`,
    );
    const since = (await db.pool.query<{ now: Date }>("SELECT clock_timestamp() AS now")).rows[0]!.now;
    // An import's worth of news: 1,000 of the last fortnight's open requests answered and resolved.
    await db.pool.query(
      `UPDATE request SET first_response_at = coalesce(first_response_at, created_at + interval '3 hours'),
         resolved_at = coalesce(first_response_at, created_at) + interval '5 hours', status = 'resolved', updated_at = now()
       WHERE workspace_id = $1 AND id IN (SELECT id FROM request WHERE workspace_id = $1 AND resolved_at IS NULL
         AND created_at >= '2026-10-17' ORDER BY id LIMIT 1000)`,
      [ws],
    );
    const inc = await refresh(db.pool, ws, { since, now: NOW });
    console.log(
      `  incremental refresh after 1,000 answers: ${(inc.ms / 1000).toFixed(1)} s (${inc.requests} requests recomputed)`,
    );

    const app = await buildApp({ pool: db.pool, version: "bench" });
    registerServiceRoutes(app, { pool: db.pool, now: () => NOW });
    await app.ready();
    // Signed in with a session, as the page is (an API token writes its last_used_at on every call).
    const user = (
      await db.pool.query<{ id: number }>(
        "INSERT INTO app_user (email, name, password_hash) VALUES ('bench@x.test', 'Bench', 'none') RETURNING id",
      )
    ).rows[0]!.id;
    await db.pool.query("INSERT INTO membership (workspace_id, user_id, role) VALUES ($1, $2, 'analyst')", [
      ws,
      user,
    ]);
    const session = await createSession(db.pool, user);
    const l0 = (
      await db.pool.query<{ id: number }>("SELECT min(id) AS id FROM location WHERE workspace_id = $1", [ws])
    ).rows[0]!.id;
    // The page as people use it: the default quarter, a year, and the filters alone and together.
    const queries = [
      "",
      "from=2025-11&to=2026-10",
      `location=${l0}`,
      "channel=telegram",
      "kind=complaint",
      `location=${l0 + 1}&kind=question`,
      `channel=email&location=${l0 + 2}&from=2026-01&to=2026-06`,
      "from=2025-08&to=2025-10&channel=in_person",
    ];
    const headers = { cookie: `storona_sid=${session.sid}` };
    const call = async (q: string) => {
      const t0 = performance.now();
      const res = await app.inject({ url: `/api/workspaces/bench/service${q ? `?${q}` : ""}`, headers });
      if (res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body.slice(0, 300)}`);
      return performance.now() - t0;
    };
    for (const q of queries) await call(q); // warm-up: zone tables, plans, caches
    const times: number[] = [];
    cpu = process.cpuUsage();
    for (let i = 0; i < CALLS; i++) times.push(await call(queries[i % queries.length]!));
    const apiCpuMs = (process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1e3 / CALLS;
    const drill: number[] = [];
    for (let i = 0; i < 40; i++) {
      const t0 = performance.now();
      await app.inject({
        url: `/api/workspaces/bench/service/requests?weekday=${i % 7}&hour=${(i * 5) % 24}&limit=50`,
        headers,
      });
      drill.push(performance.now() - t0);
    }
    const ref: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      t = performance.now();
      await db.pool.query("SELECT 1");
      ref.push(performance.now() - t);
    }
    await app.close();
    const sort = (x: number[]) => [...x].sort((p, q) => p - q);
    const [api, dr, one] = [sort(times), sort(drill), sort(ref)];
    const figures: Figures = {
      requests: REQUESTS,
      orders: ORDERS,
      generateS,
      rebuildS: rebuilt.ms / 1000,
      rebuildCpuS,
      apiCpuMs,
      refreshS: inc.ms / 1000,
      apiP50: percentile(api, 0.5),
      apiP95: percentile(api, 0.95),
      drillP95: percentile(dr, 0.95),
      selectP50: percentile(one, 0.5),
      selectP95: percentile(one, 0.95),
      cpus: os.cpus().length,
      load: os.loadavg()[0] ?? 0,
      database: process.env.DATABASE_URL ? "DATABASE_URL server" : "embedded PostgreSQL",
    };
    console.log(
      `  API GET …/service over ${CALLS} calls: p50 ${figures.apiP50.toFixed(0)} ms, p95 ${figures.apiP95.toFixed(0)} ms (target ≤ 200 ms)`,
    );
    console.log(
      `  drill-down p95 ${figures.drillP95.toFixed(0)} ms; SELECT 1 p50 ${figures.selectP50.toFixed(2)} ms, p95 ${figures.selectP95.toFixed(2)} ms`,
    );
    console.log(`  ratio API p95 / SELECT 1 p95: ${(figures.apiP95 / figures.selectP95).toFixed(0)}×`);
    if (REQUESTS === 1_000_000) writeBenchSection(figures);
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
  await runServiceBench();
