import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv.ts";

describe("CSV cells", () => {
  it("neutralises text a spreadsheet would run, keeps plain numbers", () => {
    expect(csvCell("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(csvCell("+380 44 123")).toBe("'+380 44 123");
    expect(csvCell("-cmd")).toBe("'-cmd");
    expect(csvCell("@here")).toBe("'@here");
    expect(csvCell("-0.25")).toBe("-0.25");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("1e-3")).toBe("1e-3");
  });

  it("quotes commas, quotes and line breaks; leaves empties empty", () => {
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("line\nbreak")).toBe('"line\nbreak"');
    expect(csvCell("=a,b")).toBe(`"'=a,b"`);
    expect(csvCell(null)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
    expect(csvCell(true)).toBe("true");
  });

  it("writes a UTF-8 byte-order mark and CRLF line ends", () => {
    expect(toCsv(["a", "b"], [["Київ", 1]])).toBe("\uFEFFa,b\r\nКиїв,1\r\n");
  });
});
