import { describe, expect, it } from "vitest";
import { csvField, csvLine, neutralizeCell, toCsv, writeCsv } from "./export.ts";

describe("CSV export", () => {
  it("neutralises formula-like text but keeps plain signed numbers", () => {
    expect(neutralizeCell('=HYPERLINK("http://x","y")')).toBe(`'=HYPERLINK("http://x","y")`);
    expect(["+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"].map(neutralizeCell)).toEqual([
      "'+1+1",
      "'-2+3",
      "'@SUM(A1)",
      "'\t=1",
      "'\r=1",
    ]);
    expect(["-5", "+7", "-1 234,50", "-12.5", "5", "a=b"].map(neutralizeCell)).toEqual([
      "-5",
      "+7",
      "-1 234,50",
      "-12.5",
      "5",
      "a=b",
    ]);
  });

  it("quotes per RFC 4180 and then some", () => {
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("a;b")).toBe('"a;b"');
    expect(csvField("line\r\nbreak")).toBe('"line\r\nbreak"');
    expect(csvField("\ufeffx")).toBe('"\ufeffx"');
    expect(csvField("nul\0here")).toBe("nulhere");
    expect(csvField(-5)).toBe("-5");
    expect(csvField(12n)).toBe("12");
    expect(csvField(null)).toBe("");
    expect(csvField(new Date(Date.UTC(2024, 0, 1)))).toBe("2024-01-01T00:00:00.000Z");
    expect(csvField({ a: [1, "=x"] })).toBe('"{""a"":[1,""=x""]}"');
    expect(csvField("=1", { neutralize: false })).toBe("=1");
  });

  it("writes an all-empty row so it is not read as a blank line", () => {
    expect(csvLine([null, ""])).toBe('"",\r\n');
    expect(csvLine(["a", 1], { delimiter: ";", lineEnding: "\n" })).toBe("a;1\n");
  });

  it("starts with a BOM so Excel shows Cyrillic, and streams in chunks", async () => {
    expect(toCsv(["Имя"], [["Олег"]])).toBe("\ufeffИмя\r\nОлег\r\n");
    expect(toCsv(["a"], [], { bom: false })).toBe("a\r\n");
    let text = "";
    let chunks = 0;
    for await (const chunk of writeCsv(
      ["n"],
      Array.from({ length: 2500 }, (_, k) => [k]),
    )) {
      text += chunk;
      chunks++;
    }
    expect(chunks).toBe(3);
    expect(text.split("\r\n")).toHaveLength(2502);
  });
});
