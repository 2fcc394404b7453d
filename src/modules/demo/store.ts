import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { AppError } from "../../platform/errors.ts";
import { type DemoDataset, generateDemo } from "./generate.ts";
import {
  CREATE_STAGING,
  RESOLVED_RESULT_INDEX,
  resolveBatch,
  STAGING_TABLES,
  type StagingTable,
  stageRows,
} from "./store-sql.ts";
import type { DemoBundle, DemoOptions } from "./types.ts";

/**
 * Writes a generated demo into a workspace: COPY into temporary staging tables keyed by external ids,
 * then INSERT … SELECT joins that turn external ids into the real identity ids. One transaction, so a
 * failed or interrupted load leaves nothing behind.
 */

/** prepare: checks, staging, locations; load: customers written so far; finish: commit and statistics. */
export type DemoPhase = "prepare" | "load" | "finish";
export type DemoProgress = { phase: DemoPhase; done: number; total: number };
export type DemoLoadResult = {
  locations: number;
  customers: number;
  orders: number;
  requests: number;
  feedback: number;
  initiatives: number;
  /** How references were guaranteed: by the resolving joins alone, or also by PostgreSQL's per-row checks. */
  foreignKeyChecks: "resolved by join" | "per row";
  ms: number;
};

async function writeFixed(client: pg.PoolClient, ws: number, data: DemoDataset): Promise<void> {
  for (const l of data.locations) {
    await client.query(
      `INSERT INTO location (workspace_id, external_id, name, kind, address, time_zone, working_hours)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [ws, l.externalId, l.name, l.kind, l.address, l.timeZone, JSON.stringify(l.workingHours)],
    );
  }
  for (const i of data.initiatives) {
    await client.query(
      `INSERT INTO initiative (workspace_id, external_id, title, description, kind, lever, started_at, cost, currency, owner, target)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        ws,
        i.externalId,
        i.title,
        i.description,
        i.kind,
        i.lever,
        i.startedAt,
        i.cost,
        i.currency,
        i.owner,
        JSON.stringify(i.target),
      ],
    );
  }
  await client.query(
    `UPDATE workspace SET currency = $2, time_zone = $3, locales = $4, settings = settings || $5::jsonb, is_demo = true
     WHERE id = $1`,
    [
      ws,
      data.workspace.currency,
      data.workspace.timeZone,
      data.workspace.locales,
      JSON.stringify(data.workspace.settings),
    ],
  );
}

/**
 * Skips the per-row foreign-key triggers for this transaction when that is both allowed and safe, as
 * pg_restore --disable-triggers does for bulk loads: they are more than half of the server's work here,
 * and every reference they would check was just resolved by an inner join (or is NULL) against rows this
 * transaction created and nobody else can see, under a lock on the workspace row. Only when the tables
 * carry no INSERT triggers of their own (which replica mode would also silence); only for roles allowed to set
 * it (superusers, or a GRANT SET ON PARAMETER); otherwise the checks simply run.
 */
async function skipForeignKeyChecks(client: pg.PoolClient): Promise<boolean> {
  const own = await client.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_trigger
     WHERE NOT tgisinternal AND (tgtype & 4) <> 0 -- fires on INSERT, the only thing the load does
       AND tgrelid IN ('customer'::regclass, 'orders'::regclass, 'request'::regclass, 'feedback'::regclass)`,
  );
  if ((own.rows[0]?.n ?? 1) > 0) return false;
  await client.query("SAVEPOINT demo_fk");
  try {
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query("RELEASE SAVEPOINT demo_fk");
    return true;
  } catch {
    await client.query("ROLLBACK TO SAVEPOINT demo_fk");
    return false;
  }
}

/** A batch of customers serialised as COPY rows, per staging table. */
type Batch = {
  customers: number;
  parts: Record<StagingTable, string[]>;
  counts: Record<StagingTable, number>;
};

function nextBatch(stream: Iterator<DemoBundle>, size: number): Batch {
  const batch: Batch = {
    customers: 0,
    parts: { demo_customer: [], demo_order: [], demo_request: [], demo_feedback: [] },
    counts: { demo_customer: 0, demo_order: 0, demo_request: 0, demo_feedback: 0 },
  };
  const add = (table: StagingTable, line: string) => {
    batch.parts[table].push(line);
    batch.counts[table]++;
  };
  while (batch.customers < size) {
    const next = stream.next();
    if (next.done) break;
    stageRows(next.value, add);
    batch.customers++;
  }
  return batch;
}

async function copyBatch(client: pg.PoolClient, batch: Batch): Promise<void> {
  await client.query(`TRUNCATE ${STAGING_TABLES.join(", ")}`);
  for (const table of STAGING_TABLES) {
    const lines = batch.parts[table];
    if (lines.length === 0) continue;
    await pipeline(Readable.from([lines.join("")]), client.query(copyFrom(`COPY ${table} FROM STDIN`)));
  }
}

function checkResolved(results: pg.QueryResult[], batch: Batch): void {
  for (const table of STAGING_TABLES) {
    const written = results[RESOLVED_RESULT_INDEX[table]]?.rowCount ?? -1;
    if (written !== batch.counts[table]) {
      throw new AppError(
        "internal",
        `demo load: staged ${batch.counts[table]} rows in ${table} but wrote ${written}`,
      );
    }
  }
}

/** Small demos still get a few batches, so generating one overlaps with the server writing the last. */
function batchSizeFor(customers: number): number {
  return Math.min(5000, Math.max(500, Math.ceil(customers / 4)));
}

export async function loadDemo(
  pool: pg.Pool,
  workspaceId: number,
  options: DemoOptions,
  onProgress: (progress: DemoProgress) => void = () => {},
): Promise<DemoLoadResult> {
  const started = Date.now();
  const data = generateDemo(options);
  const client = await pool.connect();
  try {
    onProgress({ phase: "prepare", done: 0, total: 1 });
    await client.query("BEGIN");
    const ws = await client.query<{ busy: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM customer WHERE workspace_id = w.id)
           OR EXISTS (SELECT 1 FROM location WHERE workspace_id = w.id) AS busy
       FROM workspace w WHERE w.id = $1 FOR UPDATE`,
      [workspaceId],
    );
    const found = ws.rows[0];
    if (!found) throw new AppError("not_found", `workspace ${workspaceId} does not exist`, { workspaceId });
    if (found.busy) {
      throw new AppError("conflict", "the demo can only be loaded into an empty workspace", { workspaceId });
    }
    await client.query(CREATE_STAGING);
    await writeFixed(client, workspaceId, data);
    const fkSkipped = await skipForeignKeyChecks(client);
    onProgress({ phase: "prepare", done: 1, total: 1 });

    const total = options.customers;
    const size = batchSizeFor(total);
    const stream = data.bundles()[Symbol.iterator]();
    const counts: Record<StagingTable, number> = {
      demo_customer: 0,
      demo_order: 0,
      demo_request: 0,
      demo_feedback: 0,
    };
    const sql = resolveBatch(workspaceId);
    let written = 0;
    let pending: { result: Promise<pg.QueryResult[]>; batch: Batch } | null = null;
    let batch = nextBatch(stream, size);
    onProgress({ phase: "load", done: 0, total });
    while (batch.customers > 0 || pending) {
      if (pending) {
        checkResolved(await pending.result, pending.batch);
        written += pending.batch.customers;
        pending = null;
        onProgress({ phase: "load", done: written, total });
      }
      if (batch.customers === 0) break;
      await copyBatch(client, batch);
      for (const table of STAGING_TABLES) counts[table] += batch.counts[table];
      // Sent now, awaited on the next turn: the server resolves this batch while we generate the next.
      const result = client.query(sql) as unknown as Promise<pg.QueryResult[]>;
      result.catch(() => {});
      pending = { result, batch };
      batch = nextBatch(stream, size);
    }

    onProgress({ phase: "finish", done: 0, total: 1 });
    await client.query("COMMIT");
    // Fresh statistics, so the first pages the product shows are planned for the real sizes.
    await client.query("ANALYZE customer, orders, request, feedback");
    onProgress({ phase: "finish", done: 1, total: 1 });
    return {
      locations: data.locations.length,
      customers: counts.demo_customer,
      orders: counts.demo_order,
      requests: counts.demo_request,
      feedback: counts.demo_feedback,
      initiatives: data.initiatives.length,
      foreignKeyChecks: fkSkipped ? "resolved by join" : "per row",
      ms: Date.now() - started,
    };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
