import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { emptyColumns, type FeatureColumns } from "./features.ts";

/**
 * Every buyer's behaviour in one pass over the workspace's orders (grouped by customer and channel first, for
 * the channel mix), with complaints, the latest NPS answer and the money module's CLV joined on. Streamed with
 * COPY as numbers only; a million customers arrive in a few seconds without an object per row.
 */

export type LoadedFeatures = {
  /** the reference time: the workspace's latest completed order (null: no orders) */
  asOf: Date | null;
  n: number;
  /** ascending */
  customerIds: Float64Array;
  cols: FeatureColumns;
};

export async function referenceTime(db: pg.Pool | pg.ClientBase, ws: number): Promise<Date | null> {
  const r = await db.query<{ t: Date | null }>(
    "SELECT max(ordered_at) AS t FROM orders WHERE workspace_id = $1 AND status = 'completed'",
    [ws],
  );
  return r.rows[0]?.t ?? null;
}

// COPY takes no parameters: the workspace id and the reference time are inlined as a checked integer and a
// millisecond count, never as text from outside.
function featureSql(ws: number, asOfMs: number): string {
  if (!Number.isSafeInteger(ws)) throw new Error("workspace id must be an integer");
  const asOf = `to_timestamp(${Math.trunc(asOfMs)} / 1000.0)`;
  return `WITH oc AS (
      SELECT customer_id,
        count(*) FILTER (WHERE status = 'completed') AS n,
        max(ordered_at) FILTER (WHERE status = 'completed') AS last_at,
        sum(amount) FILTER (WHERE status = 'completed' AND orders.currency = w.currency) AS revenue,
        sum(amount) FILTER (WHERE status = 'completed' AND orders.currency = w.currency AND amount < list_amount) AS discounted,
        count(*) FILTER (WHERE wait_days > 0) AS waits,
        count(*) FILTER (WHERE wait_days > 0 AND status = 'completed') AS waited
      -- Money in the workspace's currency only (no conversion; docs/decisions/0004-money.md).
      FROM orders, (SELECT currency FROM workspace WHERE id = ${ws}) w
      WHERE workspace_id = ${ws} AND ordered_at <= ${asOf}
      GROUP BY customer_id, coalesce(channel, '')
    ), o AS (
      SELECT customer_id, sum(n) AS n, max(last_at) AS last_at, coalesce(sum(revenue), 0) AS revenue,
        coalesce(sum(discounted), 0) AS discounted, sum(n * n) AS n_sq, sum(waits) AS waits, sum(waited) AS waited
      FROM oc GROUP BY customer_id HAVING sum(n) > 0
    ), rq AS (
      SELECT customer_id, count(*) AS complaints FROM request
      WHERE workspace_id = ${ws} AND kind = 'complaint' AND customer_id IS NOT NULL AND created_at <= ${asOf}
      GROUP BY customer_id
    ), np AS (
      SELECT DISTINCT ON (customer_id) customer_id, score FROM feedback
      WHERE workspace_id = ${ws} AND kind = 'nps' AND customer_id IS NOT NULL
      ORDER BY customer_id, created_at DESC, id DESC
    )
    SELECT o.customer_id, floor(extract(epoch FROM ${asOf} - o.last_at) / 86400)::int, o.n, o.revenue,
      o.discounted, o.n_sq, o.waits, o.waited, coalesce(rq.complaints, 0), np.score, cv.clv
    FROM o
    LEFT JOIN rq ON rq.customer_id = o.customer_id
    LEFT JOIN np ON np.customer_id = o.customer_id
    LEFT JOIN customer_value cv ON cv.workspace_id = ${ws} AND cv.customer_id = o.customer_id
    ORDER BY o.customer_id`;
}

class Grow {
  a = new Float64Array(1024);
  n = 0;
  push(v: number) {
    if (this.n === this.a.length) {
      const b = new Float64Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  done(): Float64Array {
    return this.a.slice(0, this.n);
  }
}

export async function loadFeatures(pool: pg.Pool, ws: number): Promise<LoadedFeatures> {
  const asOf = await referenceTime(pool, ws);
  if (!asOf) return { asOf: null, n: 0, customerIds: new Float64Array(0), cols: emptyColumns(0) };
  const raw = Array.from({ length: 11 }, () => new Grow());
  const client = await pool.connect();
  try {
    // the per-customer hash aggregates of a large base fit in memory instead of spilling to disk
    await client.query("SET work_mem = '256MB'");
    const stream = client.query(copyTo(`COPY (${featureSql(ws, asOf.getTime())}) TO STDOUT`));
    let rest = "";
    const line = (l: string) => {
      if (l === "") return;
      const f = l.split("\t");
      for (let i = 0; i < 11; i++) raw[i]!.push(f[i] === "\\N" ? Number.NaN : Number(f[i]));
    };
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = rest + chunk.toString("utf8");
      const lines = text.split("\n");
      rest = lines.pop() ?? "";
      for (const l of lines) line(l);
    }
    line(rest);
    await client.query("RESET work_mem");
  } finally {
    client.release();
  }
  const [id, recency, n, revenue, discounted, nSq, waits, waited, complaints, nps, clv] = raw.map((g) =>
    g.done(),
  );
  const count = id!.length;
  const cols = emptyColumns(count);
  for (let i = 0; i < count; i++) {
    const orders = n![i]!;
    cols.recency[i] = Math.max(0, recency![i]!);
    cols.frequency[i] = orders;
    cols.monetary[i] = revenue![i]!;
    cols.discountShare[i] = revenue![i]! > 0 ? discounted![i]! / revenue![i]! : 0;
    cols.channelMix[i] = 1 - nSq![i]! / (orders * orders);
    cols.waitTolerance[i] = waits![i]! > 0 ? waited![i]! / waits![i]! : Number.NaN;
    cols.complaintRate[i] = complaints![i]! / orders;
    cols.nps[i] = nps![i]!;
    cols.clv[i] = clv![i]!;
  }
  return { asOf, n: count, customerIds: id!, cols };
}
