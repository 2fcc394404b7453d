import { createReadStream } from "node:fs";
import { AppError } from "../../platform/errors.ts";

/**
 * Reads one text column from a CSV (RFC 4180: quotes, doubled quotes, line breaks inside quotes; comma,
 * semicolon or tab, guessed from the header line) or a JSONL file, streaming. A small reader of our own:
 * the intake parser is not reachable through a module index yet.
 */

export type TextRow = { readonly row: number; readonly text: string };

const guessDelimiter = (header: string): string => {
  const counts = [",", ";", "\t"].map((d) => [d, header.split(d).length] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![0];
};

/** Yields records (arrays of fields) from CSV text arriving in chunks. */
export async function* csvRecords(
  chunks: AsyncIterable<string> | Iterable<string>,
): AsyncGenerator<string[]> {
  let delimiter: string | undefined;
  let field = "";
  let record: string[] = [];
  let quoted = false;
  let afterQuote = false;
  let pendingCr = false;
  let first = true;
  for await (let chunk of chunks) {
    if (first) {
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
      first = false;
    }
    if (delimiter === undefined) delimiter = guessDelimiter(chunk.split(/\r?\n/, 1)[0] ?? "");
    for (let i = 0; i < chunk.length; i++) {
      const ch = chunk[i]!;
      if (pendingCr) {
        pendingCr = false;
        if (ch === "\n") continue;
      }
      if (quoted) {
        if (ch === '"') {
          quoted = false;
          afterQuote = true;
        } else field += ch;
        continue;
      }
      if (ch === '"') {
        // A doubled quote inside a quoted field is one quote; a quote in the middle of plain text is kept.
        if (afterQuote) field += '"';
        if (afterQuote || field === "") quoted = true;
        else field += ch;
        afterQuote = false;
        continue;
      }
      afterQuote = false;
      if (ch === delimiter) {
        record.push(field);
        field = "";
      } else if (ch === "\n" || ch === "\r") {
        record.push(field);
        field = "";
        yield record;
        record = [];
        pendingCr = ch === "\r";
      } else field += ch;
    }
  }
  if (field !== "" || record.length > 0) {
    record.push(field);
    yield record;
  }
}

async function* chunksOf(path: string): AsyncGenerator<string> {
  const stream = createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 16 });
  for await (const chunk of stream) yield chunk as string;
}

async function* linesOf(path: string): AsyncGenerator<string> {
  let rest = "";
  for await (const chunk of chunksOf(path)) {
    const parts = (rest + chunk).split("\n");
    rest = parts.pop() ?? "";
    yield* parts;
  }
  if (rest) yield rest;
}

const notFound = (column: string, known: readonly string[]): AppError =>
  new AppError("validation", `No column '${column}' in the file (columns: ${known.join(", ")})`, {
    field: "text-column",
  });

/** Rows numbered from 1 (the first data record); an empty or missing cell gives an empty text. */
export async function* readTextColumn(path: string, column: string): AsyncGenerator<TextRow> {
  if (/\.(jsonl|ndjson)$/i.test(path)) {
    let row = 0;
    let line = 0;
    for await (const raw of linesOf(path)) {
      line++;
      const trimmed = raw.trim();
      if (trimmed === "") continue;
      row++;
      let value: unknown;
      try {
        value = JSON.parse(trimmed);
      } catch {
        throw new AppError("validation", `Line ${line} is not valid JSON`, { line });
      }
      const cell =
        value !== null && typeof value === "object" ? (value as Record<string, unknown>)[column] : undefined;
      yield { row, text: typeof cell === "string" ? cell : cell == null ? "" : String(cell) };
    }
    return;
  }
  let at = -1;
  let row = 0;
  for await (const record of csvRecords(chunksOf(path))) {
    if (at < 0) {
      at = record.findIndex((h) => h.trim() === column);
      if (at < 0) throw notFound(column, record);
      continue;
    }
    if (record.length === 1 && record[0] === "") continue;
    row++;
    yield { row, text: record[at] ?? "" };
  }
  if (at < 0) throw notFound(column, []);
}
