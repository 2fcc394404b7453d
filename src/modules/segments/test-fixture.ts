import type pg from "pg";

/**
 * A small hand-made workspace for the segments tests. The reference time (latest completed order) is
 * AS_OF = 2024-06-30 12:00 UTC.
 * - L1…L10 ("loyal"): five full-price orders of 100.00 at shop A through 'store', the last i − 1 days before
 *   AS_OF (then every 30 days back): recency i − 1, F 5, M 50000.
 * - O1…O10 ("one-timers"): one discounted order (20.00 of 25.00) at shop B through 'online', 199 + i days
 *   before AS_OF: recency 199 + i, F 1, M 2000.
 * - N1: no orders, attributes {"city": "Kyiv"}; L10 has {"city": "kyiv"} (another spelling).
 * - Complaints: O1, O2, O3 (120 days before AS_OF, problem "Late delivery"), L2 (10 days before, problem
 *   "Rude courier"), L3 (100 days before, no problem).
 * - NPS: L1…L5 answered 10 (L1 with the comment "Great shop", a day before AS_OF); O1…O4 answered 3 (O1:
 *   "Доставка опоздала", O2 an empty comment).
 */
export const AS_OF = new Date("2024-06-30T12:00:00Z");
const DAY = 86_400_000;
const before = (days: number) => new Date(AS_OF.getTime() - days * DAY);

export async function buildSegmentsFixture(
  pool: pg.Pool,
  slug = "segs",
): Promise<{ ws: number; ids: Map<string, number> }> {
  const ws = (
    await pool.query<{ id: number }>(
      `INSERT INTO workspace (slug, name, currency, time_zone) VALUES ($1, 'Segments test', 'UAH', 'UTC') RETURNING id`,
      [slug],
    )
  ).rows[0]!.id;
  const loc = await pool.query<{ id: string; external_id: string }>(
    `INSERT INTO location (workspace_id, external_id, name) VALUES ($1, 'shop-a', 'Shop A'), ($1, 'shop-b', 'Shop B')
     RETURNING id, external_id`,
    [ws],
  );
  const shop = new Map(loc.rows.map((r) => [r.external_id, Number(r.id)]));
  const names = [
    ...Array.from({ length: 10 }, (_, i) => `L${i + 1}`),
    ...Array.from({ length: 10 }, (_, i) => `O${i + 1}`),
    "N1",
  ];
  const attrs = (n: string) => (n === "N1" ? { city: "Kyiv" } : n === "L10" ? { city: "kyiv" } : {});
  const cust = await pool.query<{ id: string; external_id: string }>(
    `INSERT INTO customer (workspace_id, external_id, name, attributes)
     SELECT $1, x, 'Customer ' || x, a FROM unnest($2::text[], $3::jsonb[]) AS t(x, a) RETURNING id, external_id`,
    [ws, names, names.map((n) => JSON.stringify(attrs(n)))],
  );
  const ids = new Map(cust.rows.map((r) => [r.external_id, Number(r.id)]));
  const orders: Array<[string, number, Date, number, number, string, number]> = [];
  for (let i = 1; i <= 10; i++) {
    for (let j = 0; j < 5; j++)
      orders.push([
        `L${i}-${j}`,
        ids.get(`L${i}`)!,
        before(i - 1 + 30 * j),
        10000,
        10000,
        "store",
        shop.get("shop-a")!,
      ]);
    orders.push([`O${i}`, ids.get(`O${i}`)!, before(199 + i), 2000, 2500, "online", shop.get("shop-b")!]);
  }
  await pool.query(
    `INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, amount, list_amount, currency, channel, location_id)
     SELECT $1, e, c, t, a, l, 'UAH', ch, loc
     FROM unnest($2::text[], $3::bigint[], $4::timestamptz[], $5::bigint[], $6::bigint[], $7::text[], $8::bigint[])
       AS x(e, c, t, a, l, ch, loc)`,
    [ws, ...[0, 1, 2, 3, 4, 5, 6].map((k) => orders.map((o) => o[k]))],
  );
  const problem = async (label: string) =>
    Number(
      (
        await pool.query<{ id: string }>(
          "INSERT INTO problem (workspace_id, label, label_lang, size) VALUES ($1, $2, 'en', 1) RETURNING id",
          [ws, label],
        )
      ).rows[0]!.id,
    );
  const late = await problem("Late delivery");
  const rude = await problem("Rude courier");
  const complaints: Array<[string, number, number | null]> = [
    ["O1", 120, late],
    ["O2", 120, late],
    ["O3", 120, late],
    ["L2", 10, rude],
    ["L3", 100, null],
  ];
  for (const [who, days, pid] of complaints) {
    const r = await pool.query<{ id: string }>(
      `INSERT INTO request (workspace_id, external_id, customer_id, channel, kind, text, created_at, problem_id)
       VALUES ($1, $2, $3, 'email', 'complaint', 'complaint text', $4, $5) RETURNING id`,
      [ws, `req-${who}`, ids.get(who), before(days), pid],
    );
    if (pid !== null) {
      await pool.query(
        `INSERT INTO problem_mention (workspace_id, source, source_id, problem_id, customer_id, channel, created_at)
         VALUES ($1, 'request', $2, $3, $4, 'email', $5)`,
        [ws, r.rows[0]!.id, pid, ids.get(who), before(days)],
      );
    }
  }
  const nps: Array<[string, number, string | null, number]> = [
    ["L1", 10, "Great shop", 1],
    ["L2", 10, null, 5],
    ["L3", 10, null, 5],
    ["L4", 10, null, 5],
    ["L5", 10, null, 5],
    ["O1", 3, "Доставка опоздала", 150],
    ["O2", 3, "  ", 150],
    ["O3", 3, null, 150],
    ["O4", 3, null, 150],
  ];
  for (const [who, score, comment, days] of nps) {
    await pool.query(
      `INSERT INTO feedback (workspace_id, external_id, customer_id, kind, score, comment, created_at)
       VALUES ($1, $2, $3, 'nps', $4, $5, $6)`,
      [ws, `nps-${who}`, ids.get(who), score, comment, before(days)],
    );
  }
  return { ws, ids };
}
