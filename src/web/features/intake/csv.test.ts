import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv.ts";

describe("csv export", () => {
  it("neutralises cells a spreadsheet would run as formulas", () => {
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell("+380 67 000")).toBe("'+380 67 000");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("\tx")).toBe("'\tx");
    expect(csvCell("orders.csv")).toBe("orders.csv");
  });

  it("leaves numbers as numbers, negative ones included", () => {
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(1234.5)).toBe("1234.5");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(null)).toBe("");
  });

  it("quotes commas, quotes and line breaks, after neutralising", () => {
    expect(csvCell('Кав’ярня "Ранок", Київ')).toBe('"Кав’ярня ""Ранок"", Київ"');
    expect(csvCell("=1,2")).toBe(`"'=1,2"`);
    expect(csvCell("a\nb")).toBe('"a\nb"');
  });

  it("writes a header and rows with CRLF", () => {
    expect(
      toCsv(
        ["a", "b"],
        [
          ["x", 1],
          [null, "=2"],
        ],
      ),
    ).toBe("a,b\r\nx,1\r\n,'=2\r\n");
  });
});
