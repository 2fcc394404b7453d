import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** A value COPY can take: null, text, a number, a boolean, a Date (as UTC), or an object (as JSON). */
export type CopyValue =
  | string
  | number
  | bigint
  | boolean
  | Date
  | null
  | undefined
  | Record<string, unknown>;

// COPY's text format: backslash, tab, newline and carriage return must be escaped; \N is NULL.
const needsEscape = /[\\\t\n\r]/;
function escapeText(s: string): string {
  if (!needsEscape.test(s)) return s;
  return s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}

export function copyField(v: CopyValue): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "string") return escapeText(v.includes("\0") ? v.replaceAll("\0", "") : v);
  if (typeof v === "number" || typeof v === "bigint") return String(v);
  if (typeof v === "boolean") return v ? "t" : "f";
  if (v instanceof Date) return v.toISOString();
  // jsonb rejects \u0000 as well; drop NUL from strings inside like in text.
  return escapeText(JSON.stringify(v, (_k, x) => (typeof x === "string" ? x.replaceAll("\0", "") : x)));
}

export const copyLine = (row: readonly CopyValue[]): string => `${row.map(copyField).join("\t")}\n`;

/**
 * Streams rows into `table (columns)` with COPY FROM STDIN on the given client (inside the caller's transaction
 * if one is open). Rows are batched into ~64 KB chunks so the stream is not dominated by per-row overhead.
 */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly CopyValue[]> | AsyncIterable<readonly CopyValue[]>,
): Promise<number> {
  let count = 0;
  async function* chunks() {
    let buf = "";
    for await (const row of rows as AsyncIterable<readonly CopyValue[]>) {
      buf += copyLine(row);
      count++;
      if (buf.length > 65_536) {
        yield buf;
        buf = "";
      }
    }
    if (buf) yield buf;
  }
  const sql = `COPY ${table} (${columns.join(", ")}) FROM STDIN`;
  const sink = client.query(copyFrom(sql));
  await pipeline(Readable.from(chunks()), sink);
  return count;
}
