import { decodeStream, type TextEncodingName } from "./encoding.ts";
import { rowIssue, shorten } from "./issues.ts";
import { splitLines, type TextLine } from "./lines.ts";
import {
  type ByteSource,
  type JsonValue,
  noBatches,
  type RawCell,
  type SourceRow,
  type TableReader,
} from "./source.ts";

export type JsonlOptions = {
  encoding?: TextEncodingName | "auto";
  /** Longer lines are rejected without being held in memory. */
  maxLineChars?: number;
  /** Nested objects are flattened to "a.b.c" columns down to this depth; deeper ones stay JSON text. */
  maxDepth?: number;
};

const kindOf = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/**
 * Streams JSON Lines: one object per line, blank lines skipped. Nested objects become dotted columns
 * ({"customer":{"id":7}} → "customer.id"), lists stay lists (customer attributes keep them). A key first
 * seen on line 90,000 is appended to `columns`; rows are indexed like `columns`.
 */
export const readJsonl = async (source: ByteSource, options: JsonlOptions = {}): Promise<TableReader> => {
  const maxLine = options.maxLineChars ?? 4 * 1024 * 1024;
  const maxDepth = options.maxDepth ?? 4;
  const reader: TableReader = {
    format: "jsonl",
    columns: [],
    encoding: null,
    delimiter: null,
    sheet: null,
    batches: noBatches(),
    notices: [],
  };
  const indexOf = new Map<string, number>();
  const columnIndex = (name: string): number => {
    let at = indexOf.get(name);
    if (at === undefined) {
      at = reader.columns.length;
      indexOf.set(name, at);
      reader.columns.push(name);
    }
    return at;
  };
  const flatten = (
    obj: { readonly [key: string]: JsonValue },
    prefix: string,
    depth: number,
    cells: RawCell[],
  ): void => {
    for (const key of Object.keys(obj)) {
      const value = obj[key] as JsonValue;
      const name = prefix + key;
      if (value !== null && typeof value === "object" && !Array.isArray(value)) {
        if (depth < maxDepth)
          flatten(value as { readonly [key: string]: JsonValue }, `${name}.`, depth + 1, cells);
        else cells[columnIndex(name)] = JSON.stringify(value);
      } else cells[columnIndex(name)] = value as RawCell;
    }
  };
  const toRow = ({ line, text }: TextLine): SourceRow | null => {
    if (text === null) return { line, cells: [], issue: rowIssue(line, "line_too_long", { limit: maxLine }) };
    const trimmed = text.trim();
    if (trimmed === "") return null;
    let parsed: unknown;
    try {
      parsed = JSON.parse(trimmed);
    } catch (error) {
      const detail = shorten(error instanceof Error ? error.message : String(error), 120);
      return { line, cells: [], issue: rowIssue(line, "bad_json", { detail }, null, trimmed) };
    }
    if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed))
      return {
        line,
        cells: [],
        issue: rowIssue(line, "not_an_object", { kind: kindOf(parsed) }, null, trimmed),
      };
    const cells: RawCell[] = [];
    flatten(parsed as { readonly [key: string]: JsonValue }, "", 0, cells);
    return { line, cells };
  };

  const text = decodeStream(source, {
    encoding: options.encoding ?? "auto",
    onGuess: (guess) => {
      reader.encoding = guess.encoding;
    },
  });
  const lines = splitLines(text, maxLine, reader.notices)[Symbol.asyncIterator]();
  const convert = (batch: readonly TextLine[]): SourceRow[] => {
    const rows: SourceRow[] = [];
    for (const l of batch) {
      const row = toRow(l);
      if (row) rows.push(row);
    }
    return rows;
  };
  // Read the first chunk now so `columns` is known before the caller maps them.
  const first = await lines.next();
  const head = first.done ? [] : convert(first.value);
  reader.batches = (async function* () {
    if (head.length > 0) yield head;
    if (first.done) return;
    for (;;) {
      const next = await lines.next();
      if (next.done) return;
      const rows = convert(next.value);
      if (rows.length > 0) yield rows;
    }
  })();
  return reader;
};
