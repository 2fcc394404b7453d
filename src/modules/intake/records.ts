import type pg from "pg";
import { AppError } from "../../platform/errors.ts";
import { announceDataChanged } from "../../platform/jobs/events.ts";
import { mergeBatch, prepareStages } from "./merge.ts";
import {
  autoMap,
  createRowConverter,
  ENTITIES,
  type EntityKind,
  type EntityRows,
  type JsonValue,
  type RawCell,
  type RowIssue,
} from "./parse/index.ts";
import * as store from "./store.ts";

/** Records pushed by other systems through the API: at most this many per call. */
export const MAX_RECORDS = 1000;

export type RecordResult = {
  index: number;
  externalId: string | null;
  status: "inserted" | "updated" | "unchanged" | "rejected";
  errors?: Array<{ field: string | null; value: string | null; code: string; message: string }>;
};

const toCell = (v: unknown): RawCell => {
  if (v === null || v === undefined) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  if (Array.isArray(v)) return v as readonly JsonValue[];
  return JSON.stringify(v);
};

/**
 * Validates and writes one API batch in a single transaction: every record gets a result (written, unchanged
 * or rejected with field errors); a server failure rolls the whole batch back, so nothing is half-written.
 */
export async function writeRecords(
  pool: pg.Pool,
  workspaceId: number,
  entity: EntityKind,
  records: ReadonlyArray<Record<string, unknown>>,
): Promise<{ runId: number; results: RecordResult[] }> {
  if (records.length > MAX_RECORDS) {
    throw new AppError(
      "payload_too_large",
      `At most ${MAX_RECORDS} records per call; this one has ${records.length}`,
    );
  }
  const known = new Set(ENTITIES[entity].fields.map((f) => f.name));
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
  // API callers use the field names themselves; other keys are customer attributes or ignored.
  const overrides = Object.fromEntries(columns.filter((c) => known.has(c)).map((c) => [c, c]));
  const outcome = autoMap(entity, columns, { overrides });
  if (!outcome.ok) {
    throw new AppError(
      "validation",
      outcome.errors.map((e) => e.message).join("; "),
      outcome.errors.map((e) => ({
        path: String(e.params.field ?? e.params.column ?? ""),
        message: e.message,
      })),
    );
  }
  const ws = await store.workspaceDefaults(pool, workspaceId);
  const converter = createRowConverter(outcome.mapping, ws);
  const valid: EntityRows[EntityKind][] = [];
  const results: RecordResult[] = records.map((rec, index) => {
    // Line numbers in the API's error report are the record's position, counted from 1.
    const r = converter.convert({ line: index + 1, cells: columns.map((c) => toCell(rec[c])) });
    if (r.ok) {
      valid.push(r.row as EntityRows[EntityKind]);
      return { index, externalId: r.row.externalId, status: "unchanged" };
    }
    return { index, externalId: null, status: "rejected", errors: r.errors.map(fieldError) };
  });
  const client = await pool.connect();
  let runId = 0;
  try {
    await prepareStages(client);
    await client.query("BEGIN");
    runId = await store.createRun(client, { workspaceId, entity, source: "api" });
    const m = valid.length > 0 ? await mergeBatch(client, workspaceId, entity, valid) : undefined;
    for (const res of results) {
      const st = res.externalId ? m?.written.get(res.externalId) : undefined;
      if (st) res.status = st;
    }
    const count = (s: RecordResult["status"]) => results.filter((r) => r.status === s).length;
    const rejected: store.ReportedIssue[] = results.flatMap((r) =>
      (r.errors ?? []).map((e) => ({
        line: 0,
        recordIndex: r.index,
        column: e.field,
        value: e.value,
        code: e.code as RowIssue["code"],
        params: {},
        message: e.message,
        severity: "error" as const,
      })),
    );
    await store.writeIssues(client, workspaceId, runId, rejected);
    await store.addToRun(
      client,
      workspaceId,
      runId,
      {
        read: records.length,
        inserted: count("inserted"),
        updated: count("updated"),
        unchanged: count("unchanged"),
        rejected: count("rejected"),
        createdCustomers: m?.createdCustomers ?? 0,
        createdLocations: m?.createdLocations ?? 0,
      },
      records.length,
    );
    await store.finishRun(client, workspaceId, runId, "done", null);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    throw e;
  } finally {
    client.release();
  }
  if (results.some((r) => r.status === "inserted" || r.status === "updated")) {
    await announceDataChanged({ workspaceId, entity, since: new Date(Date.now() - 1000) });
  }
  return { runId, results };
}

const fieldError = (i: RowIssue) => ({ field: i.column, value: i.value, code: i.code, message: i.message });
