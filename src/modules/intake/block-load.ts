import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type pg from "pg";
import type { OrdersBulkLoad } from "./bulk.ts";
import { scanLane } from "./lane-scan.ts";
import {
  type ConvertedBatch,
  type createRowConverter,
  type EntityRows,
  FastOrderRows,
  FastOrdersLane,
  type Mapping,
  type openTable,
  readCsv,
  type SourceRow,
  uniqueColumns,
} from "./parse/index.ts";
import * as store from "./store.ts";

type Reader = Awaited<ReturnType<typeof openTable>>;
type Converter = ReturnType<typeof createRowConverter>;
type Counters = store.RunCounters;
export type BlockProgress = {
  rowsRead: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  phase?: "rows" | "indexing";
};

/** Rows per batch of a block: a batch's rows then die young (the garbage collector's cheapest case). */
const BATCH = 4_000;
const CHUNK = 1 << 20;

export const zero = (): Counters => ({
  read: 0,
  inserted: 0,
  updated: 0,
  unchanged: 0,
  rejected: 0,
  createdCustomers: 0,
  createdLocations: 0,
});

export type BlockFile = {
  file: string;
  workspaceId: number;
  runId: number;
  mapping: Mapping<"orders">;
  timeZone: string;
  currency: string;
  batchSize?: number;
};

/**
 * The block path (bulk.ts): every valid row goes into the block as it is read; rejected rows and the run's
 * progress are written at once on the block's second connection (they are about the run, which a kill ends
 * anyway); the block's transaction commits with the run's final counts.
 *
 * A plain UTF-8 CSV is read by the general reader for its first batch (which decides the columns' formats)
 * and then, from the next line on, straight from its bytes by the fast lane (parse/csv-fast.ts), which
 * hands every line it cannot read with certainty back to the general converter, and stops — the general
 * reader then reads the rest of the file — at the first line whose structure needs the full CSV tokenizer.
 */
export async function loadBlock(
  block: OrdersBulkLoad,
  client: pg.PoolClient,
  reader: Reader,
  converter: Converter,
  o: BlockFile,
  onProgress: (p: BlockProgress) => void,
): Promise<{ totals: Counters; warnings: number; phases: Record<string, number>; laneRows: number }> {
  const totals = zero();
  let laneRows = 0;
  let warnings = 0;
  let lastLine = 0;
  const aux = block.auxClient;
  block.currency = o.currency;
  const size = o.batchSize ?? BATCH;
  let reported = 0;
  const record = async (batch: ConvertedBatch<EntityRows["orders"]>, fastRows: number, line: number) => {
    lastLine = Math.max(lastLine, line);
    laneRows += fastRows;
    totals.read += fastRows + batch.rows.length + batch.errors.length;
    totals.rejected += batch.errors.length;
    const issues: store.ReportedIssue[] = [
      ...batch.errors.map((e) => ({ ...e, severity: "error" as const })),
      ...batch.warnings.map((w) => ({ ...w, severity: "warning" as const })),
    ];
    warnings += batch.warnings.length;
    if (issues.length > 0) await store.writeIssues(aux, o.workspaceId, o.runId, issues);
    // The run's row shows the progress (the web page polls it), twice a second at most.
    if (performance.now() - reported > 500) {
      await store.setRunProgress(aux, o.workspaceId, o.runId, totals.read, totals.rejected);
      reported = performance.now();
    }
    onProgress({ rowsRead: totals.read, ...pick(totals) });
  };
  const write = async (rows: SourceRow[]) => {
    const batch = converter.convertBatch(rows) as ConvertedBatch<EntityRows["orders"]>;
    await block.write(batch.rows);
    await record(batch, 0, rows[rows.length - 1]?.line ?? lastLine);
  };
  const lane =
    reader.format === "csv" && reader.delimiter && (reader.encoding === null || reader.encoding === "utf-8")
      ? FastOrdersLane.plan(o.mapping, {
          delimiter: reader.delimiter,
          timeZone: o.timeZone,
          currency: o.currency,
          decimal: (f) => converter.decimalOf(f),
        })
      : null;
  const general = async (batches: AsyncIterable<SourceRow[]>, canSwitch: boolean): Promise<number> => {
    let switchable = canSwitch;
    let pending: SourceRow[] = [];
    for await (const rows of batches) {
      for (const r of rows) pending.push(r);
      if (pending.length < size) continue;
      if (switchable && lane) {
        // The first batch decides the columns' formats; from the line after it, the fast lane may read
        // the file (the rows the reader has read ahead are left to it).
        switchable = false; // one try: the file is scanned from its start
        await write(pending.slice(0, size));
        const at = await laneStart(o.file, reader, lane, lastLine);
        if (at >= 0) {
          const kept = reader.notices.filter((n) => n.line <= lastLine);
          reader.notices.splice(0, reader.notices.length, ...kept);
          return at;
        }
        pending = pending.slice(size);
        if (pending.length < size) continue;
      }
      await write(pending);
      pending = [];
    }
    if (pending.length > 0) await write(pending);
    return -1;
  };
  let out: Awaited<ReturnType<OrdersBulkLoad["finish"]>>;
  try {
    const from = await general(reader.batches, lane !== null);
    if (from >= 0 && lane) {
      // The lane's plan was made before the formats were known: made again with them.
      const decided = FastOrdersLane.plan(o.mapping, {
        delimiter: reader.delimiter!,
        timeZone: o.timeZone,
        currency: o.currency,
        decimal: (f) => converter.decimalOf(f),
      })!;
      const take = async (fast: FastOrderRows, slow: SourceRow[], last: number) => {
        const batch = converter.convertBatch(slow) as ConvertedBatch<EntityRows["orders"]>;
        await block.writeMixed(fast, batch.rows);
        await record(batch, fast.n, last);
      };
      const stop = await scanLane(decided, o.file, from, lastLine + 1, size, take);
      if (stop) {
        const rest = await readCsv(createReadStream(o.file, { start: stop.offset }), {
          delimiter: reader.delimiter as never,
          encoding: reader.encoding === "utf-8" ? "utf-8" : "auto",
          continueAt: { line: stop.line, columns: reader.columns },
        });
        await general(rest.batches, false);
        reader.notices.push(...rest.notices);
      }
    }
    const notices = noticeIssues(reader);
    await store.writeIssues(aux, o.workspaceId, o.runId, notices);
    warnings += notices.length;
    await store.setRunProgress(aux, o.workspaceId, o.runId, totals.read, totals.rejected);
    onProgress({ rowsRead: totals.read, ...pick(totals), phase: "indexing" });
    out = await block.finish();
    totals.inserted = out.inserted;
    totals.unchanged = out.duplicates;
    totals.createdCustomers = out.createdCustomers;
    totals.createdLocations = out.createdLocations;
    await store.setRunCounters(client, o.workspaceId, o.runId, totals, lastLine);
    await client.query("COMMIT");
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {});
    await block.close(false);
    throw e;
  }
  await block.close(true);
  onProgress({ rowsRead: totals.read, ...pick(totals) });
  return { totals, warnings, phases: out.phases, laneRows };
}

/**
 * The byte offset where physical line `after + 1` starts, when the lane can take over there: the header is
 * the file's first line, no lone CR came before (the tokenizer counts it as a line break), and line `after`
 * is complete on its own. -1 otherwise (the general reader goes on).
 */
async function laneStart(file: string, reader: Reader, lane: FastOrdersLane, after: number): Promise<number> {
  const fh = await open(file, "r");
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    let pos = 0;
    let line = 1;
    let lineStart = 0;
    let headerChecked = false;
    let prev = 0;
    for (;;) {
      const { bytesRead } = await fh.read(buf, 0, CHUNK, pos);
      if (bytesRead === 0) return -1;
      for (let k = 0; k < bytesRead; k++) {
        const c = buf[k]!;
        if (prev === 13 && c !== 10) return -1;
        prev = c;
        if (c !== 10) continue;
        if (!headerChecked) {
          if (pos + k + 1 > CHUNK) return -1;
          headerChecked = true;
          if (!sameHeader(buf.subarray(0, k), reader)) return -1;
        }
        if (line === after) {
          // The last line the reader gave must hold its whole record (no quoted line break in it).
          const from = lineStart - pos;
          if (from < 0 || lane.line(buf, from, k, line, new FastOrderRows(), []) === "stop") return -1;
        }
        line++;
        lineStart = pos + k + 1;
        if (line === after + 1) return lineStart;
      }
      pos += bytesRead;
    }
  } finally {
    await fh.close();
  }
}

/** Whether the file's first line, split plainly, names the columns the reader found. */
function sameHeader(bytes: Buffer, reader: Reader): boolean {
  let text = bytes.toString("utf8");
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.endsWith("\r")) text = text.slice(0, -1);
  if (text.includes('"') || text.includes("\r") || text.includes("\ufffd")) return false;
  const names = uniqueColumns(text.split(reader.delimiter!));
  return names.length === reader.columns.length && names.every((n, k) => n === reader.columns[k]);
}

/** File-level notices (NUL bytes removed, undecodable bytes) as warnings of the report. */
export const noticeIssues = (reader: {
  notices: ReadonlyArray<{ line: number; code: string; params: unknown; message: string }>;
}) =>
  reader.notices.map((n) => ({
    line: n.line,
    column: null,
    value: null,
    code: n.code,
    params: n.params,
    message: n.message,
    severity: "warning" as const,
  })) as store.ReportedIssue[];

const pick = (t: Counters) => ({
  inserted: t.inserted,
  updated: t.updated,
  unchanged: t.unchanged,
  rejected: t.rejected,
});
