/**
 * The money module's reads: the page's figures from customer_value (computed once per fit), the customers
 * behind revenue at risk, CSV exports, and money at stake for the problems module.
 */
import type { Readable } from "node:stream";
import type pg from "pg";
import { type GroupMoments, type Moments, niceEdges } from "./figures.ts";
import type { AtRiskQuery, AtRiskReason, AtRiskSort, CustomerValueRow } from "./schemas.ts";
import { copyCsv, neutralSql, sqlInt, sqlNumber } from "./store-copy.ts";

type Q = Pick<pg.Pool, "query">;

/** The three reasons as SQL booleans over customer_value v; $thr is the P(alive) threshold. */
const reasonSql = (thr: string): Record<AtRiskReason, string> => ({
  unresolved_complaint: "v.complaint_outcome = 'unresolved'",
  detractor: "coalesce(v.latest_nps <= 6, false)",
  alive_dropped: `coalesce(v.p_alive < ${thr} AND v.p_alive_previous >= ${thr}, false)`,
});
const anyReason = (thr: string) => `(${Object.values(reasonSql(thr)).join(" OR ")})`;
const reasonArray = (thr: string) =>
  `array_remove(ARRAY[${Object.entries(reasonSql(thr))
    .map(([k, cond]) => `CASE WHEN ${cond} THEN '${k}' END`)
    .join(", ")}], NULL)`;

export type Totals = {
  customers: number;
  repeatCustomers: number;
  clv: number;
  expectedPurchases: number;
  revenue12m: number;
  likelyActive: number;
  meanPAlive: number | null;
  quantiles: number[] | null;
  max: number | null;
};

export async function readTotals(db: Q, ws: number): Promise<Totals> {
  const r = await db.query(
    `SELECT count(*)::int AS customers, count(*) FILTER (WHERE repeat_purchases > 0)::int AS repeat,
       coalesce(sum(clv), 0) AS clv, coalesce(sum(expected_purchases), 0) AS purchases,
       coalesce(sum(revenue_12m), 0) AS revenue, count(*) FILTER (WHERE p_alive >= 0.5)::int AS active,
       avg(p_alive) AS mean_alive, max(clv) AS max,
       percentile_cont(ARRAY[0.1, 0.25, 0.5, 0.75, 0.9, 0.99]) WITHIN GROUP (ORDER BY clv) AS q
     FROM customer_value WHERE workspace_id = $1`,
    [ws],
  );
  const t = r.rows[0];
  return {
    customers: t.customers,
    repeatCustomers: t.repeat,
    clv: t.clv,
    expectedPurchases: t.purchases,
    revenue12m: t.revenue,
    likelyActive: t.active,
    meanPAlive: t.mean_alive,
    quantiles: t.q,
    max: t.max,
  };
}

/** Histogram on 1–2–5 edges up to the 99th percentile; the last bar holds everything above. */
export async function readHistogram(db: Q, ws: number, p99: number) {
  const edges = niceEdges(p99);
  const r = await db.query<{ b: number; n: number; clv: number }>(
    `SELECT width_bucket(clv, $2::bigint[]) AS b, count(*)::int AS n, sum(clv) AS clv
     FROM customer_value WHERE workspace_id = $1 GROUP BY 1`,
    [ws, edges],
  );
  const byBucket = new Map(r.rows.map((row) => [row.b, row]));
  return edges.map((from, k) => {
    const row = byBucket.get(k + 1);
    return { from, to: edges[k + 1] ?? null, customers: row?.n ?? 0, clv: row?.clv ?? 0 };
  });
}

/** Share of all CLV held by the most valuable fifth of customers. */
export async function readTopShare(
  db: Q,
  ws: number,
  customers: number,
  total: number,
): Promise<number | null> {
  if (customers === 0 || !(total > 0)) return null;
  const r = await db.query<{ top: number }>(
    `SELECT coalesce(sum(clv), 0) AS top FROM (
       SELECT clv FROM customer_value WHERE workspace_id = $1 ORDER BY clv DESC LIMIT $2) t`,
    [ws, Math.ceil(customers / 5)],
  );
  return (r.rows[0]?.top ?? 0) / total;
}

export async function readAtRisk(db: Q, ws: number, threshold: number) {
  const reasons = reasonSql("$2");
  const parts = Object.entries(reasons).map(
    ([k, cond]) =>
      `count(*) FILTER (WHERE ${cond})::int AS "${k}_n", coalesce(sum(clv) FILTER (WHERE ${cond}), 0) AS "${k}_clv"`,
  );
  const r = await db.query(
    `SELECT count(*) FILTER (WHERE ${anyReason("$2")})::int AS n,
       coalesce(sum(clv) FILTER (WHERE ${anyReason("$2")}), 0) AS clv, ${parts.join(", ")}
     FROM customer_value v WHERE workspace_id = $1`,
    [ws, threshold],
  );
  const row = r.rows[0];
  return {
    customers: row.n as number,
    amount: row.clv as number,
    byReason: (Object.keys(reasons) as AtRiskReason[]).map((reason) => ({
      reason,
      customers: row[`${reason}_n`] as number,
      amount: row[`${reason}_clv`] as number,
    })),
  };
}

/** Count, sum, mean and standard deviation of CLV and realised revenue per group. */
export async function readGroupMoments(db: Q, ws: number, by: "nps" | "complaints"): Promise<GroupMoments[]> {
  const group =
    by === "nps"
      ? `CASE WHEN latest_nps IS NULL THEN 'no_answer' WHEN latest_nps >= 9 THEN 'promoter'
              WHEN latest_nps >= 7 THEN 'passive' ELSE 'detractor' END`
      : "complaint_outcome";
  const r = await db.query(
    `SELECT ${group} AS g, count(*)::int AS n, sum(clv) AS clv, avg(clv) AS clv_mean, stddev_samp(clv) AS clv_sd,
       sum(revenue_12m) AS rev, avg(revenue_12m) AS rev_mean, stddev_samp(revenue_12m) AS rev_sd
     FROM customer_value WHERE workspace_id = $1 GROUP BY 1`,
    [ws],
  );
  const m = (n: number, sum: number, mean: number | null, sd: number | null): Moments => ({
    n,
    sum,
    mean,
    sd,
  });
  return r.rows.map((row) => ({
    group: row.g,
    clv: m(row.n, row.clv, row.clv_mean, row.clv_sd),
    revenue12m: m(row.n, row.rev, row.rev_mean, row.rev_sd),
  }));
}

const SORT_SQL: Record<AtRiskSort, string> = {
  clv: "v.clv",
  pAlive: "v.p_alive",
  pAliveDrop: "(v.p_alive_previous - v.p_alive)",
  revenue12m: "v.revenue_12m",
  lastPurchase: "v.last_purchase",
  expectedPurchases: "v.expected_purchases",
  expectedSpend: "v.expected_spend",
  name: "sort_name",
};

const VALUE_COLUMNS = `v.customer_id, c.external_id, c.name, v.clv, v.p_alive, v.p_alive_previous,
  v.expected_purchases, v.expected_spend, v.repeat_purchases, to_char(v.first_purchase, 'YYYY-MM-DD') AS first_purchase,
  to_char(v.last_purchase, 'YYYY-MM-DD') AS last_purchase, v.revenue_12m, v.latest_nps, v.complaint_outcome`;

type ValueDbRow = Record<string, unknown> & { reasons: AtRiskReason[] };
const toValueRow = (r: ValueDbRow): CustomerValueRow => ({
  customerId: r.customer_id as number,
  externalId: r.external_id as string,
  name: (r.name as string | null) ?? null,
  clv: r.clv as number,
  pAlive: r.p_alive as number,
  pAlivePrevious: (r.p_alive_previous as number | null) ?? null,
  expectedPurchases: r.expected_purchases as number,
  expectedSpend: r.expected_spend as number,
  repeatPurchases: r.repeat_purchases as number,
  firstPurchase: r.first_purchase as string,
  lastPurchase: r.last_purchase as string,
  revenue12m: r.revenue_12m as number,
  latestNps: (r.latest_nps as number | null) ?? null,
  complaintOutcome: r.complaint_outcome as CustomerValueRow["complaintOutcome"],
  reasons: r.reasons,
});

/**
 * One page of the customers behind revenue at risk. The page is cut from customer_value alone (by the
 * value index for the default order) and only its rows are joined to customer; the totals come from the
 * fit's stored figures when given, so a page never counts a million rows.
 */
export async function readAtRiskPage(
  db: Q,
  ws: number,
  threshold: number,
  q: AtRiskQuery,
  totals: { total: number; amount: number } | null,
) {
  const where = q.reason ? reasonSql("$2")[q.reason] : anyReason("$2");
  const dir = q.dir === "asc" ? "ASC" : "DESC";
  const order = `${SORT_SQL[q.sort]} ${dir} NULLS LAST, v.customer_id ${dir}`;
  const page =
    q.sort === "name"
      ? `SELECT v.*, c.name AS sort_name FROM customer_value v
         JOIN customer c ON c.workspace_id = v.workspace_id AND c.id = v.customer_id
         WHERE v.workspace_id = $1 AND ${where} ORDER BY ${order} LIMIT $3 OFFSET $4`
      : `SELECT v.* FROM customer_value v WHERE v.workspace_id = $1 AND ${where} ORDER BY ${order} LIMIT $3 OFFSET $4`;
  const r = await db.query<ValueDbRow>(
    `SELECT ${VALUE_COLUMNS}, ${reasonArray("$2")} AS reasons
     FROM (${page}) v JOIN customer c ON c.workspace_id = v.workspace_id AND c.id = v.customer_id
     ORDER BY ${order}`,
    [ws, threshold, q.limit, q.offset],
  );
  let counted = totals;
  if (!counted) {
    const c = await db.query<{ total: number; amount: number }>(
      `SELECT count(*)::int AS total, coalesce(sum(v.clv), 0) AS amount FROM customer_value v
       WHERE v.workspace_id = $1 AND ${where}`,
      [ws, threshold],
    );
    counted = c.rows[0] ?? { total: 0, amount: 0 };
  }
  return { ...counted, items: r.rows.map(toValueRow) };
}

/** Every customer's values in customer id order, a page at a time (for the CLI's JSON output). */
export async function* customerValueRows(pool: pg.Pool, ws: number, threshold: number, pageSize = 10_000) {
  let after = -1;
  for (;;) {
    const r = await pool.query<ValueDbRow>(
      `SELECT ${VALUE_COLUMNS}, ${reasonArray("$2")} AS reasons
       FROM customer_value v JOIN customer c ON c.workspace_id = v.workspace_id AND c.id = v.customer_id
       WHERE v.workspace_id = $1 AND v.customer_id > $3 ORDER BY v.customer_id LIMIT $4`,
      [ws, threshold, after, pageSize],
    );
    for (const row of r.rows) yield toValueRow(row);
    if (r.rows.length < pageSize) return;
    after = r.rows.at(-1)?.customer_id as number;
  }
}

/**
 * A CSV of customer values, all customers or those at risk, highest CLV first. Amounts are in major
 * units of the currency (what a spreadsheet reader expects); texts are neutralised against formulas.
 */
export function valuesCsv(
  pool: pg.Pool,
  ws: number,
  threshold: number,
  currencyDigits: number,
  atRiskOnly: boolean,
  reason?: AtRiskReason,
): Promise<Readable> {
  const thr = sqlNumber(threshold);
  const d = sqlInt(currencyDigits);
  const money = (col: string) => `round(${col}::numeric / 10::numeric ^ ${d}, ${d})`;
  const query = `
    SELECT ${neutralSql("c.external_id")} AS customer, ${neutralSql("coalesce(c.name, '')")} AS name,
      w.currency AS currency, ${money("v.clv")} AS clv, round(v.p_alive::numeric, 4) AS p_alive,
      round(v.p_alive_previous::numeric, 4) AS p_alive_previous,
      round(v.expected_purchases::numeric, 3) AS expected_purchases, ${money("v.expected_spend")} AS expected_spend,
      v.repeat_purchases, v.first_purchase, v.last_purchase, ${money("v.revenue_12m")} AS revenue_12m,
      v.latest_nps, v.complaint_outcome, array_to_string(${reasonArray(thr)}, ';') AS risk_reasons
    FROM customer_value v
    JOIN customer c ON c.workspace_id = v.workspace_id AND c.id = v.customer_id
    JOIN workspace w ON w.id = v.workspace_id
    WHERE v.workspace_id = ${sqlInt(ws)}${atRiskOnly ? ` AND ${reason ? reasonSql(thr)[reason] : anyReason(thr)}` : ""}
    ORDER BY v.clv DESC, v.customer_id`;
  return copyCsv(pool, query);
}

/**
 * Remaining CLV (or, without a fit, the last 12 months' revenue) of the given customers, counting only
 * those with no completed order after their `since` (customers without one are always counted).
 */
export async function readMoneyAtStake(
  db: Q,
  ws: number,
  ids: readonly number[],
  since: readonly (Date | null)[],
  source: "clv" | "revenue_12m",
  now: Date,
): Promise<{ customers: number; counted: number; amount: number }> {
  const value =
    source === "clv"
      ? "(SELECT v.clv FROM customer_value v WHERE v.workspace_id = $1 AND v.customer_id = u.id)"
      : // In the workspace's currency only, like the fit's revenue (no conversion).
        `(SELECT sum(o.amount) FROM orders o WHERE o.workspace_id = $1 AND o.customer_id = u.id
           AND o.status = 'completed' AND o.ordered_at <= $4 AND o.ordered_at > $4 - interval '12 months'
           AND o.currency = (SELECT w.currency FROM workspace w WHERE w.id = $1))`;
  const r = await db.query<{ customers: number; counted: number; amount: number }>(
    `WITH u AS (
       SELECT DISTINCT ON (id) id, since FROM unnest($2::bigint[], $3::timestamptz[]) AS t(id, since)
       ORDER BY id, since DESC NULLS LAST
     ), k AS (
       SELECT u.id, u.since IS NULL OR NOT EXISTS (
         SELECT 1 FROM orders o WHERE o.workspace_id = $1 AND o.customer_id = u.id
           AND o.status = 'completed' AND o.ordered_at > u.since) AS counted,
         coalesce(${value}, 0) AS amount
       FROM u
     )
     SELECT count(*)::int AS customers, count(*) FILTER (WHERE counted)::int AS counted,
       coalesce(sum(amount) FILTER (WHERE counted), 0) AS amount FROM k`,
    source === "clv" ? [ws, ids, since] : [ws, ids, since, now],
  );
  return r.rows[0] ?? { customers: 0, counted: 0, amount: 0 };
}
