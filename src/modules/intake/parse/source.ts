import type { TextEncodingName } from "./encoding.ts";
import type { FileNotice, RowIssue } from "./issues.ts";

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue };

/**
 * One cell as a reader found it: text from CSV, typed values from JSONL and XLSX. A Date only comes from a
 * spreadsheet and holds the wall-clock time in its UTC fields (spreadsheets carry no time zone).
 */
export type RawCell = string | number | boolean | Date | null | undefined | readonly JsonValue[];

/**
 * A record in file order. `line` is the 1-based physical line (sheet row for XLSX) where it starts.
 * When `issue` is set the reader already rejected the row (broken quotes, a 10 MB field, bad JSON):
 * it goes straight to the error report and `cells` may be empty.
 */
export type SourceRow = { line: number; cells: readonly RawCell[]; issue?: RowIssue };

export type SourceFormat = "csv" | "jsonl" | "xlsx" | "cdnow" | "whitespace";

/**
 * What every reader returns. `columns` may grow while reading (JSONL keys first seen late); a row's
 * cells are indexed like `columns`. `batches` can be iterated once; `notices` fills as it streams.
 */
export type TableReader = {
  format: SourceFormat;
  columns: string[];
  encoding: TextEncodingName | null;
  delimiter: string | null;
  sheet: string | null;
  batches: AsyncIterable<SourceRow[]>;
  notices: FileNotice[];
};

/** Bytes from a file, an upload or a test; strings are taken as already decoded. */
export type ByteSource = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** A placeholder until a reader attaches its real generator (once the header is known). */
export const noBatches = (): AsyncIterable<SourceRow[]> => ({
  [Symbol.asyncIterator]: () => ({ next: async () => ({ done: true, value: undefined }) }),
});

/** Every row of a reader in one array: for tests and small previews only. */
export const collectRows = async (
  reader: TableReader,
  limit = Number.POSITIVE_INFINITY,
): Promise<SourceRow[]> => {
  const out: SourceRow[] = [];
  for await (const batch of reader.batches) {
    for (const row of batch) {
      if (out.length >= limit) return out;
      out.push(row);
    }
  }
  return out;
};
