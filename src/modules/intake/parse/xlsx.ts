import { createReadStream } from "node:fs";
import { Readable } from "node:stream";
import ExcelJS from "exceljs";
import { AppError } from "../../../platform/errors.ts";
import { uniqueColumns } from "./csv.ts";
import { rowIssue, shorten } from "./issues.ts";
import { noBatches, type RawCell, type SourceRow, type TableReader } from "./source.ts";
import { StallGuard } from "./stall-guard.ts";
import { cellText } from "./values.ts";

export type XlsxOptions = {
  /** A sheet name, or its 1-based position; default the first sheet. */
  sheet?: string | number;
  /** Rows per batch. */
  batchSize?: number;
  /** A damaged archive that stops making progress for this long is reported as damaged (ms). */
  stallMs?: number;
};

// The parts of exceljs's streaming reader we use (its typings omit `name` and the row shape).
type SheetRow = { number: number; values: unknown };
type SheetReader = AsyncIterable<SheetRow> & { name?: string };

const errorText = (error: unknown): string =>
  shorten(error instanceof Error ? error.message : String(error), 200);

/** An exceljs cell value → a RawCell: formulas give their result, rich text its text, errors their code. */
export const cellOf = (value: unknown): RawCell => {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value;
  if (typeof value === "object") {
    const v = value as Record<string, unknown>;
    if ("result" in v) return cellOf(v.result);
    if (Array.isArray(v.richText))
      return v.richText.map((part) => String((part as { text?: unknown }).text ?? "")).join("");
    if ("text" in v) return cellOf(v.text);
    if ("error" in v) return String(v.error);
    if ("formula" in v || "sharedFormula" in v) return null; // a formula never calculated: no value saved
  }
  return String(value);
};

const cellsOf = (values: unknown): RawCell[] => {
  if (!Array.isArray(values)) return [];
  const cells: RawCell[] = [];
  // exceljs rows are 1-based (values[1] is column A); the gaps are empty cells.
  for (let c = 1; c < values.length; c++) cells.push(cellOf(values[c]));
  return cells;
};

const isEmptyRow = (cells: readonly RawCell[]): boolean =>
  cells.every((c) => c === null || c === undefined || (typeof c === "string" && c.trim() === ""));

const toStream = (input: string | Uint8Array | Readable): Readable =>
  input instanceof Uint8Array
    ? Readable.from([Buffer.from(input)])
    : typeof input === "string"
      ? createReadStream(input)
      : input;

/**
 * Checks the ZIP signature before exceljs sees the bytes: on an empty or non-ZIP input its streaming
 * reader can wait forever instead of failing. Returns a stream that replays the peeked bytes.
 */
const zipStream = async (input: Readable, guard: StallGuard): Promise<Readable> => {
  const chunks = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let size = 0;
  while (size < 4) {
    const next = await chunks.next();
    if (next.done) break;
    const buf = Buffer.isBuffer(next.value) ? next.value : Buffer.from(next.value);
    head.push(buf);
    size += buf.length;
  }
  const start = Buffer.concat(head);
  if (size < 4 || start.readUInt32LE(0) !== 0x04034b50) {
    chunks.return?.();
    throw new AppError(
      "bad_request",
      rowIssue(0, "bad_sheet", { detail: "it is not an .xlsx file (not a ZIP archive)" }).message,
    );
  }
  return Readable.from(
    (async function* () {
      yield start;
      for (;;) {
        const next = await chunks.next();
        if (next.done) return;
        guard.progress();
        yield next.value as Buffer;
      }
    })(),
  );
};

/**
 * A sheet passed over. exceljs may hold it in a temporary file it deletes as soon as the next sheet is asked
 * for; the file stream it opened for the sheet would then fail with nobody listening (an uncaught ENOENT,
 * seen under load). Close it and let its late error go.
 */
const abandon = (sheet: SheetReader): void => {
  const source = (sheet as unknown as { iterator?: { on?: unknown; destroy?: unknown } }).iterator;
  if (source && typeof source.on === "function") {
    (source as { on(event: string, f: () => void): void }).on("error", () => {});
    if (typeof source.destroy === "function") (source as { destroy(): void }).destroy();
  }
};

/**
 * Streams one sheet of an .xlsx with exceljs's streaming reader: the first non-empty row is the header,
 * line numbers are sheet row numbers. Date-formatted cells arrive as Dates holding the wall-clock time;
 * plain numbers in a date column are read as serials by the date parser.
 */
export const readXlsx = async (
  input: string | Uint8Array | Readable,
  options: XlsxOptions = {},
): Promise<TableReader> => {
  const reader: TableReader = {
    format: "xlsx",
    columns: [],
    encoding: null,
    delimiter: null,
    sheet: null,
    batches: noBatches(),
    notices: [],
  };
  const guard = new StallGuard(options.stallMs ?? 15_000, "the archive is damaged (reading stopped)");
  const book = new ExcelJS.stream.xlsx.WorkbookReader(await zipStream(toStream(input), guard), {
    sharedStrings: "cache",
    styles: "cache",
    hyperlinks: "ignore",
    worksheets: "emit",
    entries: "ignore",
  });
  // exceljs reads a worksheet at once when the shared strings and relations came before it, and then looks up
  // its name in the workbook part, which may come later in the archive (model still unset: a crash seen under
  // load). An empty model lets it go on; the sheet is then named by its position.
  const model = book as unknown as { model?: object };
  model.model ??= {};
  const sheets = (book as unknown as AsyncIterable<SheetReader>)[Symbol.asyncIterator]();
  const wanted = options.sheet;
  const seen: string[] = [];
  let sheet: SheetReader | null = null;
  try {
    for (let position = 1; ; position++) {
      const next = await guard.wait(sheets.next());
      if (next.done) break;
      const name = next.value.name ?? `Sheet${position}`;
      seen.push(name);
      if (wanted === undefined || wanted === name || wanted === position) {
        sheet = next.value;
        reader.sheet = name;
        break;
      }
      abandon(next.value);
    }
  } catch (error) {
    guard.stop();
    throw new AppError("bad_request", rowIssue(0, "bad_sheet", { detail: errorText(error) }).message);
  }
  if (!sheet) {
    guard.stop();
    const detail =
      wanted === undefined ? "it has no sheets" : `no sheet "${wanted}" (sheets: ${seen.join(", ")})`;
    throw new AppError("bad_request", rowIssue(0, "bad_sheet", { detail }).message, { sheets: seen });
  }

  const rows = sheet[Symbol.asyncIterator]();
  const batchSize = options.batchSize ?? 2000;
  let lastLine = 0;
  const failure = (error: unknown): SourceRow => ({
    line: lastLine + 1,
    cells: [],
    issue: rowIssue(lastLine + 1, "bad_sheet", { detail: errorText(error) }),
  });
  let broken: SourceRow | null = null;
  try {
    for (;;) {
      const next = await guard.wait(rows.next());
      if (next.done) break;
      lastLine = next.value.number;
      const cells = cellsOf(next.value.values);
      if (isEmptyRow(cells)) continue;
      reader.columns.push(
        ...uniqueColumns(cells.map((c) => (c instanceof Date ? c.toISOString().slice(0, 10) : cellText(c)))),
      );
      break;
    }
  } catch (error) {
    broken = failure(error);
  }

  reader.batches = (async function* () {
    if (broken) {
      guard.stop();
      yield [broken];
      return;
    }
    let batch: SourceRow[] = [];
    try {
      for (;;) {
        const next = await guard.wait(rows.next());
        if (next.done) break;
        lastLine = next.value.number;
        const cells = cellsOf(next.value.values);
        if (isEmptyRow(cells)) continue;
        batch.push({ line: lastLine, cells });
        if (batch.length >= batchSize) {
          yield batch;
          batch = [];
        }
      }
    } catch (error) {
      // A sheet broken half-way: keep what was read, report the rest as one problem.
      batch.push(failure(error));
    } finally {
      guard.stop();
    }
    if (batch.length > 0) yield batch;
  })();
  return reader;
};
