import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { collectRows } from "./source.ts";
import { guessFormat, openTable } from "./table.ts";
import { readWhitespaceTable } from "./whitespace.ts";

const dir = mkdtempSync(join(tmpdir(), "intake-table-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("openTable", () => {
  it("guesses the format from the name, then from the bytes", () => {
    const bytes = (s: string) => new TextEncoder().encode(s);
    expect(guessFormat("orders.XLSX", bytes(""))).toBe("xlsx");
    expect(guessFormat("events.ndjson", bytes(""))).toBe("jsonl");
    expect(guessFormat(undefined, Uint8Array.of(0x50, 0x4b, 0x03, 0x04))).toBe("xlsx");
    expect(guessFormat("export.txt", bytes('\ufeff\n  {"a":1}'))).toBe("jsonl");
    expect(guessFormat(undefined, bytes("a;b\n1;2"))).toBe("csv");
  });

  it("streams a file from disk with the right reader", async () => {
    const path = join(dir, "orders.csv");
    writeFileSync(path, "Дата\tСумма\n2024-01-01\t5\n");
    const reader = await openTable(path);
    expect([reader.format, reader.delimiter, reader.columns]).toEqual(["csv", "\t", ["Дата", "Сумма"]]);
    expect(await collectRows(reader)).toEqual([{ line: 2, cells: ["2024-01-01", "5"] }]);
    const cdnow = await openTable(new TextEncoder().encode("00004   0001 19970101 2  29.33\r\n"), {
      format: "cdnow",
    });
    expect(await collectRows(cdnow)).toEqual([
      { line: 1, cells: ["00004", "0001", "19970101", "2", "29.33"] },
    ]);
  });
});

describe("readWhitespaceTable", () => {
  it("rejects lines with the wrong number of values and skips blank ones", async () => {
    const text = `a 1\n\n   \nb 2 3\nc ${"9".repeat(50)}\n`;
    const reader = await readWhitespaceTable([text], { columns: ["k", "v"], maxLineChars: 20 });
    const rows = await collectRows(reader);
    expect(rows.map((r) => [r.line, r.issue?.message ?? r.cells.join("=")])).toEqual([
      [1, "a=1"],
      [4, "the line has 3 values, expected 2"],
      [5, "the line is longer than 20 characters; it was skipped"],
    ]);
  });
});
