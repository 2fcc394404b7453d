import type { CsvDelimiter } from "./csv.ts";
import type { JsonValue } from "./source.ts";

export type ExportValue = string | number | bigint | boolean | Date | null | undefined | JsonValue;

export type CsvExportOptions = {
  delimiter?: CsvDelimiter;
  /** A UTF-8 byte-order mark first, so Excel opens Cyrillic correctly (default true). */
  bom?: boolean;
  /** Defuse formula injection (default true); off only for machine-to-machine files. */
  neutralize?: boolean;
  lineEnding?: "\r\n" | "\n";
};

// A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets
// (=HYPERLINK(...), +cmd|..., -2+3, @SUM(...)); tab and CR hide the sign from a naive check.
const FORMULA_START = /^[=+\-@\t\r]/;
// ...but a plain signed number is data, not a formula: "-5", "+7", "-1 234,50" stay numbers.
const PLAIN_NUMBER = /^[-+]?\d[\d .,]*$/;
// Quote more than RFC 4180 requires: any candidate delimiter, so a reader's delimiter detection can
// never be fooled by our own output, and a leading BOM character, which readers would strip.
const NEEDS_QUOTES = /[",;\t|\r\n]|^\ufeff/;

/** Prefixes a formula-like text with ' so spreadsheets show it as text (OWASP's CSV injection advice). */
export const neutralizeCell = (text: string): string =>
  FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;

const textOf = (value: ExportValue): string | null => {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value === "bigint" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return JSON.stringify(value);
};

/** One field: numbers as they are, text neutralised and quoted when needed. NUL characters are dropped. */
export const csvField = (value: ExportValue, options: CsvExportOptions = {}): string => {
  const raw = textOf(value);
  if (raw === null) return "";
  const isText = typeof value !== "number" && typeof value !== "bigint" && typeof value !== "boolean";
  let text = raw.includes("\0") ? raw.replaceAll("\0", "") : raw;
  if (isText && options.neutralize !== false) text = neutralizeCell(text);
  const delimiter = options.delimiter ?? ",";
  if (NEEDS_QUOTES.test(text) || text.includes(delimiter)) return `"${text.replaceAll('"', '""')}"`;
  return text;
};

/** One record with its line ending. A record of only empty fields is written as `""` so it is not a blank line. */
export const csvLine = (values: readonly ExportValue[], options: CsvExportOptions = {}): string => {
  const delimiter = options.delimiter ?? ",";
  const fields: string[] = values.map((v) => csvField(v, options));
  if (fields.length > 0 && !fields.some((f) => f !== "")) fields[0] = `""`;
  return fields.join(delimiter) + (options.lineEnding ?? "\r\n");
};

/** Streams a CSV export: BOM, header, then rows, in chunks of ~1,000 lines. */
export async function* writeCsv(
  header: readonly string[],
  rows: AsyncIterable<readonly ExportValue[]> | Iterable<readonly ExportValue[]>,
  options: CsvExportOptions = {},
): AsyncGenerator<string> {
  let chunk = (options.bom === false ? "" : "\ufeff") + csvLine(header, options);
  let count = 0;
  for await (const row of rows) {
    chunk += csvLine(row, options);
    if (++count % 1000 === 0) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/** A whole small CSV export as one string (tests, previews). */
export const toCsv = (
  header: readonly string[],
  rows: Iterable<readonly ExportValue[]>,
  options: CsvExportOptions = {},
): string => {
  let out = (options.bom === false ? "" : "\ufeff") + csvLine(header, options);
  for (const row of rows) out += csvLine(row, options);
  return out;
};
