/**
 * COPY … TO STDOUT for the money module: a fit's per-customer aggregates (a million rows) arrive as text
 * lines without a million row objects in memory, and CSV exports stream straight from the database.
 * COPY takes no bind parameters, so callers inline only values they have checked (see sqlInt, sqlTime).
 */
import { Readable } from "node:stream";
import type pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import { AppError } from "../../platform/errors.ts";

/** An integer checked before it is written into SQL text. */
export function sqlInt(v: number): string {
  if (!Number.isSafeInteger(v)) throw new AppError("internal", `not an integer for SQL: ${v}`);
  return String(v);
}

/** A finite number checked before it is written into SQL text. */
export function sqlNumber(v: number): string {
  if (!Number.isFinite(v)) throw new AppError("internal", `not a finite number for SQL: ${v}`);
  return String(v);
}

/** A time as a timestamptz literal (an ISO string holds only digits, dashes, colons, T, dot and Z). */
export function sqlTime(d: Date): string {
  const iso = d.toISOString();
  if (!/^[0-9T:.Z+-]+$/.test(iso)) throw new AppError("internal", "unexpected time format");
  return `'${iso}'::timestamptz`;
}

/**
 * Runs `COPY (query) TO STDOUT` and calls onLine with each tab-separated line's fields (\N as null).
 * `settings` (SET LOCAL …) apply to this query only: it runs in a transaction of its own.
 */
export async function copyOutLines(
  pool: pg.Pool,
  query: string,
  onLine: (fields: (string | null)[]) => void,
  settings: readonly string[] = [],
): Promise<number> {
  const client = await pool.connect();
  let ok = false;
  let lines = 0;
  try {
    await client.query("BEGIN READ ONLY");
    for (const s of settings) await client.query(s);
    const stream = client.query(copyTo(`COPY (${query}) TO STDOUT`));
    let rest = "";
    const take = (text: string) => {
      let start = 0;
      for (let nl = text.indexOf("\n"); nl >= 0; nl = text.indexOf("\n", start)) {
        const fields: (string | null)[] = text.slice(start, nl).split("\t");
        for (let i = 0; i < fields.length; i++) if (fields[i] === "\\N") fields[i] = null;
        onLine(fields);
        lines++;
        start = nl + 1;
      }
      return text.slice(start);
    };
    for await (const chunk of stream as AsyncIterable<Buffer>) rest = take(rest + chunk.toString("utf8"));
    if (rest !== "") take(`${rest}\n`);
    await client.query("COMMIT");
    ok = true;
    return lines;
  } finally {
    // A connection left in the middle of a COPY must not go back to the pool.
    client.release(ok ? undefined : true);
  }
}

/**
 * A CSV export: UTF-8 with a byte-order mark (so Excel opens Cyrillic correctly), then PostgreSQL's CSV
 * with a header row. The connection goes back to the pool when the stream ends, or is closed if the
 * download stops half-way.
 */
export async function copyCsv(pool: pg.Pool, query: string): Promise<Readable> {
  const client = await pool.connect();
  let finished = false;
  let iterator: AsyncIterator<Buffer>;
  let first: IteratorResult<Buffer>;
  try {
    const source = client.query(copyTo(`COPY (${query}) TO STDOUT WITH (FORMAT csv, HEADER true)`));
    iterator = (source as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    // The first chunk is read before the response starts, so a failing query is an error answer, not a
    // download cut short.
    first = await iterator.next();
  } catch (e) {
    client.release(true);
    throw e;
  }
  async function* withBom() {
    try {
      yield Buffer.from("\ufeff", "utf8");
      for (let r = first; !r.done; r = await iterator.next()) yield r.value;
      finished = true;
    } finally {
      client.release(finished ? undefined : true);
    }
  }
  return Readable.from(withBom(), { objectMode: false });
}

/**
 * SQL for a text cell that is safe to open in a spreadsheet: text starting like a formula (= + - @, tab
 * or carriage return) gets a leading apostrophe (OWASP's CSV injection advice); plain numbers stay.
 */
export const neutralSql = (expr: string): string =>
  `CASE WHEN ${expr} ~ '^[=+@\\t\\r-]' AND ${expr} !~ '^[-+]?[0-9][0-9 .,]*$' THEN '''' || ${expr} ELSE ${expr} END`;
