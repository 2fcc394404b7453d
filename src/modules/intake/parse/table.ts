import { createReadStream } from "node:fs";
import type { Readable } from "node:stream";
import { readCdnow } from "./cdnow.ts";
import { type CsvOptions, readCsv } from "./csv.ts";
import type { TextEncodingName } from "./encoding.ts";
import { readJsonl } from "./jsonl.ts";
import type { SourceFormat, TableReader } from "./source.ts";
import { readXlsx } from "./xlsx.ts";

export type OpenFormat = "csv" | "jsonl" | "xlsx" | "cdnow" | "auto";

export type OpenOptions = {
  format?: OpenFormat;
  /** Used to guess the format from the extension when `format` is "auto". */
  fileName?: string;
  encoding?: TextEncodingName | "auto";
  csv?: Omit<CsvOptions, "encoding">;
  sheet?: string | number;
};

/** The format from the file name, else from the first bytes (ZIP → xlsx, "{" → JSONL), else CSV. */
export const guessFormat = (
  fileName: string | undefined,
  head: Uint8Array,
): Exclude<SourceFormat, "whitespace"> => {
  const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === "xlsx" || ext === "xlsm") return "xlsx";
  if (ext === "jsonl" || ext === "ndjson") return "jsonl";
  if (ext === "csv" || ext === "tsv") return "csv";
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "xlsx";
  let k = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (k < head.length && (head[k] === 0x20 || head[k] === 0x0a || head[k] === 0x0d || head[k] === 0x09))
    k++;
  return head[k] === 0x7b ? "jsonl" : "csv";
};

const readHead = async (path: string): Promise<Uint8Array> => {
  for await (const chunk of createReadStream(path, { start: 0, end: 4095 })) return chunk as Buffer;
  return new Uint8Array(0);
};

/** Opens a file on disk (or bytes) with the right reader. Streams from disk; nothing is loaded whole. */
export const openTable = async (
  input: string | Uint8Array,
  options: OpenOptions = {},
): Promise<TableReader> => {
  let format = options.format ?? "auto";
  if (format === "auto") {
    const head = typeof input === "string" ? await readHead(input) : input.subarray(0, 4096);
    format = guessFormat(options.fileName ?? (typeof input === "string" ? input : undefined), head);
  }
  if (format === "xlsx") return readXlsx(input, { sheet: options.sheet });
  const source: AsyncIterable<Uint8Array> | Iterable<Uint8Array> =
    typeof input === "string" ? (createReadStream(input) as Readable) : [input];
  const encoding = options.encoding ?? "auto";
  if (format === "jsonl") return readJsonl(source, { encoding });
  if (format === "cdnow") return readCdnow(source, encoding);
  return readCsv(source, { ...options.csv, encoding });
};
