import { describe, expect, it } from "vitest";
import { csvCell, csvLine, neutralize } from "./csv.ts";

describe("CSV cells", () => {
  it("neutralises formulas with a leading quote but keeps plain numbers", () => {
    expect(neutralize("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(neutralize("+cmd")).toBe("'+cmd");
    expect(neutralize("-x")).toBe("'-x");
    expect(neutralize("@foo")).toBe("'@foo");
    expect(neutralize("-5")).toBe("-5");
    expect(neutralize("+7.25")).toBe("+7.25");
    expect(neutralize("Грязный туалет")).toBe("Грязный туалет");
  });

  it("quotes cells with separators, quotes or line breaks", () => {
    expect(csvCell('a "b", c')).toBe('"a ""b"", c"');
    expect(csvCell(-0.5)).toBe("-0.5");
    expect(csvCell(null)).toBe("");
    expect(csvLine([1, "=1+1", "x\ny"])).toBe(`1,'=1+1,"x\ny"\r\n`);
  });
});
