import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.ts";
import { parseDateTime } from "./dates.ts";
import { collectRows } from "./source.ts";
import { cellOf, readXlsx } from "./xlsx.ts";

const workbook = async (): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet("Notes");
  notes.addRow(["not this one"]);
  const ws = wb.addWorksheet("Заказы");
  ws.addRow([]);
  ws.addRow(["Дата", "Сумма", "Клиент", "Serial", "Formula", "Flag"]);
  ws.addRow([
    new Date(Date.UTC(2024, 0, 5, 10, 30)),
    1234.5,
    "Іван",
    45292.5,
    { formula: "B3*2", result: 2469 },
    true,
  ]);
  ws.addRow([]);
  ws.addRow([
    "05.01.2024",
    "12,50",
    { richText: [{ text: "Пет" }, { text: "ро" }] },
    null,
    { error: "#N/A" },
    false,
  ]);
  ws.getCell("A3").numFmt = "dd.mm.yyyy hh:mm";
  return Buffer.from(await wb.xlsx.writeBuffer());
};

describe("readXlsx", () => {
  it("reads a named sheet: header row, sheet row numbers, typed cells", async () => {
    const reader = await readXlsx(await workbook(), { sheet: "Заказы" });
    expect(reader.sheet).toBe("Заказы");
    expect(reader.columns).toEqual(["Дата", "Сумма", "Клиент", "Serial", "Formula", "Flag"]);
    const rows = await collectRows(reader);
    expect(rows).toEqual([
      { line: 3, cells: [new Date(Date.UTC(2024, 0, 5, 10, 30)), 1234.5, "Іван", 45292.5, 2469, true] },
      { line: 5, cells: ["05.01.2024", "12,50", "Петро", null, "#N/A", false] },
    ]);
    const kyiv = { timeZone: "Europe/Kyiv" };
    expect(parseDateTime(rows[0]!.cells[0], kyiv)).toEqual({ ok: true, value: "2024-01-05T08:30:00.000Z" });
    expect(parseDateTime(rows[0]!.cells[3], kyiv)).toEqual({ ok: true, value: "2024-01-01T10:00:00.000Z" });
  });

  it("reads the first sheet by default and a sheet by position", async () => {
    const book = await workbook();
    expect((await readXlsx(book)).columns).toEqual(["not this one"]);
    expect((await readXlsx(book, { sheet: 2 })).sheet).toBe("Заказы");
  });

  it("says which sheets exist when the named one does not", async () => {
    await expect(readXlsx(await workbook(), { sheet: "Orders" })).rejects.toThrow(
      'the spreadsheet cannot be read: no sheet "Orders" (sheets: Notes, Заказы)',
    );
  });

  it("rejects empty and non-ZIP input at once", async () => {
    await expect(readXlsx(new Uint8Array(0))).rejects.toBeInstanceOf(AppError);
    await expect(readXlsx(Buffer.from("Дата;Сумма\n"))).rejects.toThrow(/not a ZIP archive/);
  });

  it("never hangs or crashes on damaged archives", async () => {
    const good = await workbook();
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
      return seed % n;
    };
    const outcomes = new Set<string>();
    for (let t = 0; t < 40; t++) {
      const bytes = Buffer.from(good);
      if (t % 2 === 0) for (let k = 0; k < 4; k++) bytes[200 + rand(bytes.length - 200)] = rand(256);
      const input = t % 2 === 1 ? bytes.subarray(0, 4 + rand(bytes.length - 4)) : bytes;
      try {
        const reader = await readXlsx(input, { sheet: 2, stallMs: 300 });
        const rows = await collectRows(reader);
        outcomes.add(rows.some((r) => r.issue) ? "issue" : "read");
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        outcomes.add("error");
      }
    }
    expect(outcomes.has("error")).toBe(true);
  }, 60_000);

  it("turns exceljs cell values into plain cells", () => {
    expect(cellOf({ text: "site", hyperlink: "https://x" })).toBe("site");
    expect(cellOf({ sharedFormula: "A1", result: 3 })).toBe(3);
    expect(cellOf({ formula: "A1" })).toBeNull();
    expect(cellOf(undefined)).toBeNull();
  });
});
