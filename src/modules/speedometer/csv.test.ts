import { describe, expect, it } from "vitest";
import { csvCell } from "./csv.ts";

describe("CSV cells", () => {
  it("neutralise formulas but keep plain numbers", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+380 44")).toBe("'+380 44");
    expect(csvCell("-cmd")).toBe("'-cmd");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell(-0.25)).toBe("-0.25");
    expect(csvCell("-12")).toBe("-12");
    expect(csvCell("1e-7")).toBe("1e-7");
  });
  it("quote commas, quotes and line breaks; write null as empty", () => {
    expect(csvCell("Київ, Хрещатик")).toBe('"Київ, Хрещатик"');
    expect(csvCell(null)).toBe("");
    expect(csvCell(true)).toBe("true");
  });
});
