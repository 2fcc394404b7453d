import os from "node:os";
import type pg from "pg";
import { copyRows } from "../../platform/db/index.ts";
import type { EntityKind, RowIssue } from "./parse/index.ts";

/** SQL for import runs and their error reports (the merge SQL is in merge.ts). */

type Q = Pick<pg.Pool, "query">;

export type RunCounters = {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  createdCustomers: number;
  createdLocations: number;
};

export type RunRow = RunCounters & {
  id: number;
  entity: EntityKind;
  source: "file" | "api" | "web";
  fileName: string | null;
  status: "running" | "done" | "failed";
  dryRun: boolean;
  committedLine: number;
  totalRows: number | null;
  message: string | null;
  startedAt: Date;
  finishedAt: Date | null;
  resumedFrom: number | null;
  errors: number;
  warnings: number;
};

export type ReportedIssue = RowIssue & { severity: "error" | "warning"; recordIndex?: number | null };

export async function workspaceDefaults(
  db: Q,
  workspaceId: number,
): Promise<{ currency: string; timeZone: string }> {
  const r = await db.query<{ currency: string; time_zone: string }>(
    "SELECT currency, time_zone FROM workspace WHERE id = $1",
    [workspaceId],
  );
  const w = r.rows[0];
  if (!w) throw new Error(`workspace ${workspaceId} does not exist`);
  return { currency: w.currency.trim(), timeZone: w.time_zone };
}

export async function createRun(
  db: Q,
  r: {
    workspaceId: number;
    entity: EntityKind;
    source: "file" | "api" | "web";
    fileName?: string | null;
    sha256?: string | null;
    bytes?: number | null;
    format?: string | null;
    mapping?: unknown;
    dryRun?: boolean;
    createdBy?: number | null;
    resumedFrom?: number | null;
    totalRows?: number | null;
  },
): Promise<number> {
  const res = await db.query<{ id: number }>(
    `INSERT INTO import_run (workspace_id, entity, source, file_name, file_sha256, file_bytes, format, mapping, dry_run,
                             created_by, runner, resumed_from, total_rows)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
    [
      r.workspaceId,
      r.entity,
      r.source,
      r.fileName ?? null,
      r.sha256 ?? null,
      r.bytes ?? null,
      r.format ?? null,
      JSON.stringify(r.mapping ?? {}),
      r.dryRun ?? false,
      r.createdBy ?? null,
      JSON.stringify({ host: os.hostname(), pid: process.pid }),
      r.resumedFrom ?? null,
      r.totalRows ?? null,
    ],
  );
  return res.rows[0]!.id;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * An earlier import of the same file that stopped half-way (killed, or failed): the new run can skip the lines
 * it already committed. A run still going in a live process on this machine is not one.
 */
export async function findResumable(
  db: Q,
  workspaceId: number,
  entity: EntityKind,
  sha256: string,
): Promise<{ id: number; committedLine: number } | undefined> {
  const r = await db.query<{
    id: number;
    committed_line: number;
    status: string;
    runner: { host?: string; pid?: number };
  }>(
    `SELECT id, committed_line, status, runner FROM import_run
     WHERE workspace_id = $1 AND entity = $2 AND file_sha256 = $3 AND NOT dry_run AND status <> 'done'
       AND committed_line > 0
     ORDER BY id DESC LIMIT 1`,
    [workspaceId, entity, sha256],
  );
  const run = r.rows[0];
  if (!run) return undefined;
  const live =
    run.status === "running" && run.runner.host === os.hostname() && run.runner.pid && alive(run.runner.pid);
  if (live && run.runner.pid !== process.pid) return undefined;
  return { id: run.id, committedLine: run.committed_line };
}

// $1 workspace, $2 run, $3… the counters in RunCounters' order, $10 the committed line.
const counterParams = (workspaceId: number, runId: number, c: RunCounters, committedLine: number) => [
  workspaceId,
  runId,
  c.read,
  c.inserted,
  c.updated,
  c.unchanged,
  c.rejected,
  c.createdCustomers,
  c.createdLocations,
  committedLine,
];

export async function addToRun(
  db: Q,
  workspaceId: number,
  runId: number,
  c: RunCounters,
  committedLine: number,
) {
  await db.query(
    `UPDATE import_run SET rows_read = rows_read + $3, inserted = inserted + $4, updated = updated + $5,
       unchanged = unchanged + $6, rejected = rejected + $7, created_customers = created_customers + $8,
       created_locations = created_locations + $9, committed_line = greatest(committed_line, $10),
       heartbeat_at = now()
     WHERE workspace_id = $1 AND id = $2`,
    counterParams(workspaceId, runId, c, committedLine),
  );
}

/** A block load's progress while it runs (absolute counts; nothing committed to resume from yet). */
export async function setRunProgress(
  db: Q,
  workspaceId: number,
  runId: number,
  read: number,
  rejected: number,
) {
  await db.query(
    `UPDATE import_run SET rows_read = $3, rejected = $4, heartbeat_at = now() WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, runId, read, rejected],
  );
}

/** A block load's final counts, written in the block's own transaction. */
export async function setRunCounters(
  db: Q,
  workspaceId: number,
  runId: number,
  c: RunCounters,
  committedLine: number,
) {
  await db.query(
    `UPDATE import_run SET rows_read = $3, inserted = $4, updated = $5, unchanged = $6, rejected = $7,
       created_customers = $8, created_locations = $9, committed_line = $10, heartbeat_at = now()
     WHERE workspace_id = $1 AND id = $2`,
    counterParams(workspaceId, runId, c, committedLine),
  );
}

export async function finishRun(
  db: Q,
  workspaceId: number,
  runId: number,
  status: "done" | "failed",
  message: string | null,
) {
  await db.query(
    `UPDATE import_run SET status = $3, message = $4, finished_at = now(), heartbeat_at = now()
     WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, runId, status, message],
  );
}

export async function writeIssues(
  client: pg.ClientBase,
  workspaceId: number,
  runId: number,
  issues: readonly ReportedIssue[],
): Promise<void> {
  if (issues.length === 0) return;
  await copyRows(
    client,
    "import_error",
    ["workspace_id", "run_id", "line", "record_index", "column_name", "value", "severity", "code", "message"],
    issues.map((i) => [
      workspaceId,
      runId,
      i.line > 0 ? i.line : null,
      i.recordIndex ?? null,
      i.column,
      i.value === null ? null : i.value.slice(0, 1000),
      i.severity,
      i.code,
      i.message,
    ]),
  );
}

const runColumns = `id, entity, source, file_name AS "fileName", status, dry_run AS "dryRun",
  committed_line AS "committedLine", total_rows AS "totalRows", rows_read AS read, inserted, updated, unchanged, rejected,
  created_customers AS "createdCustomers", created_locations AS "createdLocations", message,
  started_at AS "startedAt", finished_at AS "finishedAt", resumed_from AS "resumedFrom",
  (SELECT count(*)::int FROM import_error e WHERE e.workspace_id = r.workspace_id AND e.run_id = r.id
     AND e.severity = 'error') AS errors,
  (SELECT count(*)::int FROM import_error e WHERE e.workspace_id = r.workspace_id AND e.run_id = r.id
     AND e.severity = 'warning') AS warnings`;

export async function getRun(db: Q, workspaceId: number, runId: number): Promise<RunRow | undefined> {
  const r = await db.query<RunRow>(
    `SELECT ${runColumns} FROM import_run r WHERE workspace_id = $1 AND id = $2`,
    [workspaceId, runId],
  );
  return r.rows[0];
}

export async function listRuns(db: Q, workspaceId: number, limit = 50): Promise<RunRow[]> {
  const r = await db.query<RunRow>(
    `SELECT ${runColumns} FROM import_run r WHERE workspace_id = $1 ORDER BY id DESC LIMIT $2`,
    [workspaceId, limit],
  );
  return r.rows;
}

export type IssueRow = {
  line: number | null;
  recordIndex: number | null;
  column: string | null;
  value: string | null;
  severity: "error" | "warning";
  code: string;
  message: string;
};

export async function listIssues(
  db: Q,
  workspaceId: number,
  runId: number,
  limit?: number,
): Promise<IssueRow[]> {
  const r = await db.query<IssueRow>(
    `SELECT line, record_index AS "recordIndex", column_name AS column, value, severity, code, message
     FROM import_error WHERE workspace_id = $1 AND run_id = $2 ORDER BY line NULLS FIRST, id
     ${limit ? "LIMIT $3" : ""}`,
    limit ? [workspaceId, runId, limit] : [workspaceId, runId],
  );
  return r.rows;
}
