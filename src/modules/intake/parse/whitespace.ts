import { decodeStream, type TextEncodingName } from "./encoding.ts";
import { rowIssue } from "./issues.ts";
import { splitLines } from "./lines.ts";
import { type ByteSource, noBatches, type SourceFormat, type SourceRow, type TableReader } from "./source.ts";

export type WhitespaceOptions = {
  /** The file has no header: the caller names the columns. */
  columns: readonly string[];
  format?: SourceFormat;
  encoding?: TextEncodingName | "auto";
  maxLineChars?: number;
};

/**
 * Reads a header-less table whose values are separated by runs of spaces or tabs (fixed-width exports
 * such as CDNOW). Every non-blank line must have exactly `columns.length` values.
 */
export const readWhitespaceTable = async (
  source: ByteSource,
  options: WhitespaceOptions,
): Promise<TableReader> => {
  const expected = options.columns.length;
  const reader: TableReader = {
    format: options.format ?? "whitespace",
    columns: [...options.columns],
    encoding: null,
    delimiter: " ",
    sheet: null,
    batches: noBatches(),
    notices: [],
  };
  const text = decodeStream(source, {
    encoding: options.encoding ?? "auto",
    onGuess: (guess) => {
      reader.encoding = guess.encoding;
    },
  });
  const lines = splitLines(text, options.maxLineChars ?? 1024 * 1024, reader.notices);
  reader.batches = (async function* () {
    for await (const batch of lines) {
      const rows: SourceRow[] = [];
      for (const { line, text: value } of batch) {
        if (value === null) {
          rows.push({
            line,
            cells: [],
            issue: rowIssue(line, "line_too_long", { limit: options.maxLineChars ?? 1024 * 1024 }),
          });
          continue;
        }
        const trimmed = value.trim();
        if (trimmed === "") continue;
        const cells = trimmed.split(/\s+/);
        if (cells.length !== expected) {
          const params = { count: cells.length, expected };
          rows.push({ line, cells: [], issue: rowIssue(line, "wrong_field_count", params, null, trimmed) });
        } else rows.push({ line, cells });
      }
      if (rows.length > 0) yield rows;
    }
  })();
  return reader;
};
