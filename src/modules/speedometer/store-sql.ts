/**
 * The speedometer's set-based SQL that stays in PostgreSQL: survey answers (a few per customer, grouped
 * where they lie), the repeat running sums over the small rollup, and the state row. Parameters: $1 the
 * workspace id, $2 its time zone, $3 (stated) the months to recompute.
 */
export type StatedGrouping = "dims" | "segment";

function groupSelect(g: StatedGrouping): string {
  if (g === "segment") return "'segment' AS dim, segment_id::text AS value";
  return `CASE WHEN grouping(location_id) = 0 THEN 'location' WHEN grouping(channel) = 0 THEN 'channel' ELSE 'all' END AS dim,
  CASE WHEN grouping(location_id) = 0 THEN location_id::text WHEN grouping(channel) = 0 THEN channel ELSE '' END AS value`;
}

function groupBy(g: StatedGrouping): string {
  if (g === "segment") return "GROUP BY segment_id, month";
  return "GROUP BY GROUPING SETS ((month), (month, location_id), (month, channel))";
}

/** Survey answers per month and group; $3 (optional) limits to some months (date[] of first days). */
export function statedSql(g: StatedGrouping, someMonths: boolean): string {
  const months = someMonths
    ? `JOIN unnest($3::date[]) mm(m) ON f.created_at >= mm.m::timestamp AT TIME ZONE $2
         AND f.created_at < (mm.m + interval '1 month') AT TIME ZONE $2`
    : "";
  const seg =
    g === "segment"
      ? "JOIN customer_segment cs ON cs.workspace_id = f.workspace_id AND cs.customer_id = f.customer_id"
      : "";
  return `
INSERT INTO speedometer_stated (workspace_id, dim, value, month, nps_n, nps_promoters, nps_detractors, csat_n,
  csat_good, ces_n, ces_sum, ces_sumsq)
SELECT $1, dim, value, month, nps_n, nps_promoters, nps_detractors, csat_n, csat_good, ces_n, ces_sum, ces_sumsq
FROM (
  SELECT ${groupSelect(g)}, month,
    count(*) FILTER (WHERE kind = 'nps') AS nps_n,
    count(*) FILTER (WHERE kind = 'nps' AND score >= 9) AS nps_promoters,
    count(*) FILTER (WHERE kind = 'nps' AND score <= 6) AS nps_detractors,
    count(*) FILTER (WHERE kind = 'csat') AS csat_n,
    count(*) FILTER (WHERE kind = 'csat' AND score >= 4) AS csat_good,
    count(*) FILTER (WHERE kind = 'ces') AS ces_n,
    coalesce(sum(score) FILTER (WHERE kind = 'ces'), 0) AS ces_sum,
    coalesce(sum(score * score) FILTER (WHERE kind = 'ces'), 0) AS ces_sumsq
  FROM (
    -- An answer about an order or a request belongs to its location and channel when it names none itself.
    -- Looked up per answer (by primary key) only when needed: a join would hash every order.
    SELECT date_trunc('month', f.created_at AT TIME ZONE $2)::date AS month,
      coalesce(f.location_id,
        CASE WHEN f.order_id IS NOT NULL THEN
          (SELECT o.location_id FROM orders o WHERE o.workspace_id = f.workspace_id AND o.id = f.order_id) END,
        CASE WHEN f.request_id IS NOT NULL THEN
          (SELECT r.location_id FROM request r WHERE r.workspace_id = f.workspace_id AND r.id = f.request_id) END)
        AS location_id,
      coalesce(f.channel,
        CASE WHEN f.order_id IS NOT NULL THEN
          (SELECT o.channel FROM orders o WHERE o.workspace_id = f.workspace_id AND o.id = f.order_id) END,
        CASE WHEN f.request_id IS NOT NULL THEN
          (SELECT r.channel FROM request r WHERE r.workspace_id = f.workspace_id AND r.id = f.request_id) END)
        AS channel,
      ${g === "segment" ? "cs.segment_id," : ""} f.kind, f.score
    FROM feedback f ${months} ${seg}
    WHERE f.workspace_id = $1
  ) x ${groupBy(g)}
) g
WHERE value IS NOT NULL`;
}

/** Every series gets a row for each month between its first and last, then the repeat running sums. */
export const finalizeSql = [
  `INSERT INTO speedometer_month (workspace_id, dim, value, month)
   SELECT $1, s.dim, s.value, gm.m::date
   FROM (SELECT dim, value, min(month) AS lo, max(month) AS hi FROM speedometer_month WHERE workspace_id = $1
         GROUP BY dim, value) s
   CROSS JOIN LATERAL generate_series(s.lo::timestamp, s.hi::timestamp, interval '1 month') gm(m)
   ON CONFLICT DO NOTHING`,
  `UPDATE speedometer_month t SET repeat_base = x.rb, repeat_returned = x.rr
   FROM (SELECT dim, value, month, sum(repeat_base_delta) OVER w AS rb, sum(repeat_returned_delta) OVER w AS rr
         FROM speedometer_month WHERE workspace_id = $1
         WINDOW w AS (PARTITION BY dim, value ORDER BY month)) x
   WHERE t.workspace_id = $1 AND t.dim = x.dim AND t.value = x.value AND t.month = x.month
     AND (t.repeat_base <> x.rb OR t.repeat_returned <> x.rr)`,
];

/** The months that hold orders or answers, and what the rollup was computed with. */
export const stateSql = `
INSERT INTO speedometer_state (workspace_id, window_days, time_zone, first_month, last_month, rebuilt_at, refreshed_at)
SELECT $1, $2, $3, min(month), max(month), now(), now()
FROM (
  SELECT month FROM speedometer_month WHERE workspace_id = $1 AND dim = 'all' AND (orders > 0 OR wait_orders > 0)
  UNION ALL
  SELECT month FROM speedometer_stated WHERE workspace_id = $1 AND dim = 'all' AND nps_n + csat_n + ces_n > 0
) m
ON CONFLICT (workspace_id) DO UPDATE SET window_days = EXCLUDED.window_days, time_zone = EXCLUDED.time_zone,
  first_month = EXCLUDED.first_month, last_month = EXCLUDED.last_month,
  rebuilt_at = CASE WHEN $4::boolean THEN now() ELSE speedometer_state.rebuilt_at END,
  refreshed_at = EXCLUDED.refreshed_at`;
