import { type CsvLimits, CsvTokenizer } from "./csv-tokenizer.ts";
import { decodeStream, type TextEncodingName } from "./encoding.ts";
import { rowIssue } from "./issues.ts";
import { type ByteSource, noBatches, type SourceRow, type TableReader } from "./source.ts";
import { TextNotices } from "./text-notices.ts";

export type CsvDelimiter = "," | ";" | "\t" | "|";

export type CsvOptions = {
  delimiter?: CsvDelimiter | "auto";
  /** The first record names the columns (default). Without it columns are column_1, column_2, … */
  header?: boolean;
  encoding?: TextEncodingName | "auto";
  limits?: Partial<CsvLimits>;
  /** Characters read before the delimiter is chosen. */
  sampleChars?: number;
  /**
   * The bytes are the rest of a file whose earlier lines were read another way: they start on physical
   * line `line`, have no header, and their cells are indexed like `columns` (checked as under a header).
   */
  continueAt?: { line: number; columns: readonly string[] };
};

const CANDIDATES: readonly CsvDelimiter[] = [",", ";", "\t", "|"];
const SAMPLE_LINES = 30;

/** Per logical line (quotes respected), how often each candidate occurs. */
const countPerLine = (sample: string, complete: boolean): number[][] => {
  const lines: number[][] = [];
  let counts = [0, 0, 0, 0];
  let inQuotes = false;
  let hasText = false;
  for (let k = 0; k < sample.length && lines.length < SAMPLE_LINES; k++) {
    const c = sample[k];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === "\n" || c === "\r")) {
      if (hasText) lines.push(counts);
      counts = [0, 0, 0, 0];
      hasText = false;
      continue;
    } else if (!inQuotes) {
      const at = CANDIDATES.indexOf(c as CsvDelimiter);
      if (at >= 0) counts[at]! += 1;
    }
    hasText = true;
  }
  if (complete && hasText && lines.length < SAMPLE_LINES) lines.push(counts);
  return lines;
};

/**
 * Picks the delimiter that occurs in the header and the same number of times on most lines.
 * `;` files with decimal commas ("12,5") are why consistency beats frequency; ties go to the larger
 * count, then to the order , ; tab |. No candidate at all means a one-column file: ",".
 */
export const detectDelimiter = (sample: string, complete = true): CsvDelimiter => {
  const lines = countPerLine(sample, complete);
  let best: CsvDelimiter = ",";
  let bestScore = -1;
  let bestCount = 0;
  CANDIDATES.forEach((candidate, at) => {
    const head = lines[0]?.[at] ?? 0;
    if (head === 0) return;
    const same = lines.filter((l) => l[at] === head).length;
    const score = same / lines.length;
    if (score > bestScore || (score === bestScore && head > bestCount)) {
      best = candidate;
      bestScore = score;
      bestCount = head;
    }
  });
  return best;
};

/** Header names as people wrote them, made unique and non-empty (the mapping needs one name per column). */
export const uniqueColumns = (names: readonly string[]): string[] => {
  const seen = new Map<string, number>();
  return names.map((raw, k) => {
    const base = raw.trim() || `column_${k + 1}`;
    const times = (seen.get(base) ?? 0) + 1;
    seen.set(base, times);
    return times === 1 ? base : `${base}_${times}`;
  });
};

/**
 * Reads a CSV file as a stream: returns once the header is known, then `batches` yields rows chunk by
 * chunk. Memory stays bounded by the chunk size and the field limits, whatever the file size.
 */
export const readCsv = async (source: ByteSource, options: CsvOptions = {}): Promise<TableReader> => {
  const reader: TableReader = {
    format: "csv",
    columns: [],
    encoding: null,
    delimiter: null,
    sheet: null,
    batches: noBatches(),
    notices: [],
  };
  const text = decodeStream(source, {
    encoding: options.encoding ?? "auto",
    onGuess: (guess) => {
      reader.encoding = guess.encoding;
    },
  })[Symbol.asyncIterator]();
  const notices = new TextNotices(reader.notices);
  const sampleChars = options.sampleChars ?? 64 * 1024;

  const head: string[] = [];
  let headChars = 0;
  let done = false;
  while (headChars < sampleChars) {
    const next = await text.next();
    if (next.done) {
      done = true;
      break;
    }
    head.push(next.value);
    headChars += next.value.length;
  }
  const sample = head.join("");
  const delimiter =
    options.delimiter && options.delimiter !== "auto" ? options.delimiter : detectDelimiter(sample, done);
  reader.delimiter = delimiter;

  const cont = options.continueAt;
  const tokenizer = cont
    ? new CsvTokenizer(delimiter, options.limits, false, cont.line)
    : new CsvTokenizer(delimiter, options.limits);
  const feed = (chunk: string): SourceRow[] => {
    tokenizer.push(notices.clean(chunk, tokenizer.currentLine));
    return tokenizer.take();
  };
  let first = feed(sample);
  if (done) tokenizer.end();
  first = first.concat(tokenizer.take());

  const useHeader = !cont && (options.header ?? true);
  // The header is the first record the tokenizer accepts; rejected lines before it are still reported.
  while (useHeader && !done && !first.some((r) => !r.issue)) {
    const next = await text.next();
    if (next.done) {
      done = true;
      tokenizer.end();
      first = first.concat(tokenizer.take());
    } else first = first.concat(feed(next.value));
  }
  const headerAt = useHeader ? first.findIndex((r) => !r.issue) : -1;
  const headerRow = headerAt >= 0 ? first[headerAt] : undefined;
  if (headerRow) {
    first.splice(headerAt, 1);
    reader.columns.push(...uniqueColumns(headerRow.cells.map((c) => String(c ?? ""))));
  }

  if (cont) reader.columns.push(...cont.columns);
  const columns = reader.columns;
  const check = (rows: SourceRow[]): SourceRow[] => {
    for (let k = 0; k < rows.length; k++) {
      const row = rows[k]!;
      const cells = row.cells;
      if (row.issue || cells.length <= columns.length) continue;
      if (!useHeader && !cont) {
        for (let c = columns.length; c < cells.length; c++) columns.push(`column_${c + 1}`);
        continue;
      }
      // Trailing empty cells are what spreadsheets add; extra cells with data mean a broken row.
      let extra = false;
      for (let c = columns.length; c < cells.length; c++) if (cells[c] !== "") extra = true;
      if (extra) {
        const params = { count: cells.length, expected: columns.length };
        rows[k] = { line: row.line, cells: [], issue: rowIssue(row.line, "extra_fields", params) };
      }
    }
    return rows;
  };

  // Checked now, so a header-less file's column_N names exist before the caller maps them.
  const checked = check(first);
  reader.batches = (async function* () {
    try {
      if (checked.length > 0) yield checked;
      if (done) return;
      for (;;) {
        const next = await text.next();
        if (next.done) break;
        const rows = feed(next.value);
        if (rows.length > 0) yield check(rows);
      }
      tokenizer.end();
      const rest = tokenizer.take();
      if (rest.length > 0) yield check(rest);
    } finally {
      // Left early (the block load reads the rest itself): the file is closed now, not when collected.
      await text.return?.(undefined);
    }
  })();
  return reader;
};
