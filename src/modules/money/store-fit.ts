/**
 * The money module's SQL for writing a fit with its customer values, and reading fits back.
 */
import type pg from "pg";
import { type CopyValue, copyRows } from "../../platform/db/index.ts";
import type { MoneySettings } from "./settings.ts";

type Q = Pick<pg.Pool, "query">;

export type FitRecord = {
  alive: "bgnbd" | "pareto-nbd";
  spend: "gamma-gamma" | "mean";
  params: Record<string, unknown>;
  standardErrors: Record<string, unknown>;
  logLik: number;
  customers: number;
  repeatCustomers: number;
  asOf: Date;
  calibrationEnd: string;
  settings: MoneySettings;
  holdout: unknown;
  tracking: unknown;
  diagnostics: Record<string, unknown>;
};

const STAGE_COLUMNS = [
  "customer_id",
  "p_alive",
  "p_alive_previous",
  "expected_purchases",
  "expected_spend",
  "clv",
  "repeat_purchases",
  "first_purchase",
  "last_purchase",
  "revenue_12m",
] as const;
/** Staged rows carry days as day numbers (cheaper to write than dates); converted in the INSERT. */
export type ValueRow = readonly CopyValue[];
const stagedValue = (column: string): string =>
  column.endsWith("_purchase") ? `DATE '1970-01-01' + s.${column}` : `s.${column}`;

/** Fits kept per workspace (older ones are history nobody reads). */
const KEEP_FITS = 20;

/**
 * Writes a fit and replaces the workspace's customer values in one transaction. The latest NPS answer
 * and the complaint outcome are joined in SQL, as of the fit's bound; `fastHours` splits resolved
 * complaints into fast and slow by the customer's latest complaint.
 */
export async function saveFit(
  pool: pg.Pool,
  workspaceId: number,
  fit: FitRecord,
  values: Iterable<ValueRow>,
  fastHours: number | null,
): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // Two fits of one workspace at once would interleave their deletes and inserts.
    await client.query("SELECT pg_advisory_xact_lock(6006, $1)", [workspaceId]);
    const inserted = await client.query<{ id: number }>(
      `INSERT INTO money_fit (workspace_id, model, alive_model, spend_model, params, standard_errors,
         log_likelihood, customers, repeat_customers, as_of, calibration_end, settings, holdout, tracking, diagnostics)
       VALUES ($1, 'bgnbd', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        workspaceId,
        fit.alive,
        fit.spend,
        JSON.stringify(fit.params),
        JSON.stringify(fit.standardErrors),
        fit.logLik,
        fit.customers,
        fit.repeatCustomers,
        fit.asOf,
        fit.calibrationEnd,
        JSON.stringify(fit.settings),
        fit.holdout === null ? null : JSON.stringify(fit.holdout),
        fit.tracking === null ? null : JSON.stringify(fit.tracking),
        JSON.stringify(fit.diagnostics),
      ],
    );
    const fitId = (inserted.rows[0] as { id: number }).id;
    await client.query(
      `CREATE TEMP TABLE money_stage (customer_id bigint, p_alive float8, p_alive_previous float8,
         expected_purchases float8, expected_spend float8, clv bigint, repeat_purchases integer,
         first_purchase integer, last_purchase integer, revenue_12m bigint) ON COMMIT DROP`,
    );
    await copyRows(client, "money_stage", STAGE_COLUMNS, values);
    await client.query("DELETE FROM customer_value WHERE workspace_id = $1", [workspaceId]);
    const staged = STAGE_COLUMNS.slice(1);
    await client.query(
      `INSERT INTO customer_value (workspace_id, customer_id, fit_id, ${staged.join(", ")},
         latest_nps, complaint_outcome, computed_at)
       SELECT $1, s.customer_id, $2::bigint, ${staged.map(stagedValue).join(", ")}, nps.score,
         CASE WHEN c.customer_id IS NULL THEN 'none' WHEN c.open THEN 'unresolved'
              WHEN $4::float8 IS NULL OR c.latest_hours <= $4::float8 THEN 'fast' ELSE 'slow' END,
         now()
       FROM money_stage s
       LEFT JOIN (
         SELECT DISTINCT ON (customer_id) customer_id, score FROM feedback
         WHERE workspace_id = $1 AND kind = 'nps' AND customer_id IS NOT NULL AND created_at < $3
         ORDER BY customer_id, created_at DESC, id DESC
       ) nps ON nps.customer_id = s.customer_id
       LEFT JOIN (
         SELECT customer_id, bool_or(resolved_at IS NULL OR resolved_at >= $3) AS open,
           (array_agg(extract(epoch FROM resolved_at - created_at) / 3600
              ORDER BY created_at DESC, id DESC))[1] AS latest_hours
         FROM request
         WHERE workspace_id = $1 AND kind = 'complaint' AND customer_id IS NOT NULL AND created_at < $3
         GROUP BY customer_id
       ) c ON c.customer_id = s.customer_id`,
      [workspaceId, fitId, fit.asOf, fastHours],
    );
    await client.query(
      `DELETE FROM money_fit WHERE workspace_id = $1 AND id NOT IN (
         SELECT id FROM money_fit WHERE workspace_id = $1 ORDER BY id DESC LIMIT ${KEEP_FITS})`,
      [workspaceId],
    );
    await client.query("COMMIT");
    return fitId;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

export async function saveFigures(
  db: Q,
  workspaceId: number,
  fitId: number,
  figures: unknown,
  durationMs: number,
) {
  await db.query("UPDATE money_fit SET figures = $3, duration_ms = $4 WHERE workspace_id = $1 AND id = $2", [
    workspaceId,
    fitId,
    JSON.stringify(figures),
    Math.round(durationMs),
  ]);
}

export type FitRow = {
  id: number;
  fitted_at: Date;
  as_of: Date;
  calibration_end: string;
  alive_model: "bgnbd" | "pareto-nbd";
  spend_model: "gamma-gamma" | "mean";
  params: Record<string, Record<string, number> | null>;
  standard_errors: Record<string, Record<string, number | null> | null>;
  log_likelihood: number;
  customers: number;
  repeat_customers: number;
  settings: unknown;
  holdout: unknown;
  tracking: unknown;
  diagnostics: Record<string, unknown>;
  figures: unknown;
  duration_ms: number | null;
};

export async function latestFit(db: Q, workspaceId: number): Promise<FitRow | undefined> {
  const r = await db.query<FitRow>(
    `SELECT id, fitted_at, as_of, to_char(calibration_end, 'YYYY-MM-DD') AS calibration_end, alive_model,
       spend_model, params, standard_errors, log_likelihood, customers, repeat_customers, settings, holdout,
       tracking, diagnostics, figures, duration_ms
     FROM money_fit WHERE workspace_id = $1 ORDER BY id DESC LIMIT 1`,
    [workspaceId],
  );
  return r.rows[0];
}
