import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCdnow } from "./cdnow.ts";
import { readCsv } from "./csv.ts";
import { CsvTokenizer } from "./csv-tokenizer.ts";
import { neutralizeCell, toCsv } from "./export.ts";
import { readJsonl } from "./jsonl.ts";
import { collectRows, type SourceRow } from "./source.ts";

const specials = [
  '"',
  ",",
  ";",
  "\t",
  "|",
  "\r",
  "\n",
  "\r\n",
  "=",
  "+",
  "-",
  "@",
  "Ж",
  "ї",
  "😀",
  "\ufeff",
  " ",
  "'",
];
const cellText = fc
  .oneof(
    fc.string({ unit: "binary", maxLength: 12 }),
    fc.string({ unit: fc.constantFrom(...specials), maxLength: 8 }),
    fc.string({ unit: "grapheme-ascii", maxLength: 8 }),
  )
  .map((s) => s.replace(/\p{Surrogate}/gu, "").replaceAll("\0", ""));

const chunks = (bytes: Uint8Array, sizes: number[]): Uint8Array[] => {
  const out: Uint8Array[] = [];
  let at = 0;
  for (let k = 0; at < bytes.length; k++) {
    const size = sizes.length > 0 ? sizes[k % sizes.length]! : bytes.length;
    out.push(bytes.subarray(at, at + size));
    at += size;
  }
  return out;
};

// Rows as line, cells and issue code: the excerpt quoted in an issue may be cut at a chunk boundary.
const tokenize = (text: string, sizes: number[]): unknown[] => {
  const t = new CsvTokenizer(",", { maxFieldChars: 64, maxRecordChars: 256, maxFields: 20 });
  let at = 0;
  for (let k = 0; at < text.length; k++) {
    const size = sizes.length > 0 ? sizes[k % sizes.length]! : text.length;
    t.push(text.slice(at, at + size));
    at += size;
  }
  t.end();
  return t.take().map((r: SourceRow) => [r.line, r.cells, r.issue?.code, r.issue?.params]);
};

describe("CSV properties", () => {
  it("reads back exactly what export.ts wrote (after neutralising), in any chunking", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 5 }).chain((width) =>
          fc.array(fc.array(cellText, { minLength: width, maxLength: width }), {
            minLength: 1,
            maxLength: 12,
          }),
        ),
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 5 }),
        async (table, sizes) => {
          const [header, ...body] = table;
          const text = toCsv(header!, body);
          const reader = await readCsv(chunks(new TextEncoder().encode(text), sizes), { header: false });
          const rows = await collectRows(reader);
          expect(rows.map((r) => r.cells)).toEqual(table.map((row) => row.map(neutralizeCell)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("tokenizes the same whatever the chunking, even on broken quotes and limits", () => {
    const soup = fc.string({
      unit: fc.constantFrom("a", "b", ",", '"', "\r", "\n", "\r\n", "x".repeat(30)),
      maxLength: 60,
    });
    fc.assert(
      fc.property(
        soup,
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 4 }),
        (text, sizes) => {
          expect(tokenize(text, sizes)).toEqual(tokenize(text, []));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("never throws on byte soup and reports rows in line order", async () => {
    const readers = [
      (b: Uint8Array[]) => readCsv(b),
      (b: Uint8Array[]) => readCsv(b, { delimiter: ";", limits: { maxFieldChars: 50 } }),
      (b: Uint8Array[]) => readJsonl(b),
      (b: Uint8Array[]) => readCdnow(b),
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 3000 }),
        fc.array(fc.integer({ min: 1, max: 700 }), { maxLength: 3 }),
        fc.integer({ min: 0, max: readers.length - 1 }),
        async (bytes, sizes, which) => {
          const reader = await readers[which]!(chunks(bytes, sizes));
          const rows = await collectRows(reader);
          let last = 0;
          for (const row of rows) {
            expect(row.line).toBeGreaterThanOrEqual(Math.max(1, last));
            last = row.line;
            if (row.issue) expect(row.issue.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 600 },
    );
  });
});
