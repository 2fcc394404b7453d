import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AppError } from "../../platform/errors.ts";
import { sharedDataFile } from "../../platform/testing/shared-data.ts";
import { fitSummaryFile, parseSummaryCsv } from "./summary-file.ts";

const dir = `${sharedDataFile("cdnow")}/`;
const read = (f: string) => readFileSync(dir + f, "utf8");

describe("parseSummaryCsv", () => {
  it("takes id,x,t_x,T[,monetary] and the lifetimes / Hardie column names", () => {
    const a = parseSummaryCsv("\ufeffid,x,t_x,T,monetary\r\n1,2,3.5,10,12.5\r\n2,0,0,8,0\r\n");
    expect(a.ids).toEqual(["1", "2"]);
    expect(Array.from(a.T)).toEqual([10, 8]);
    expect(Array.from(a.monetary ?? [])).toEqual([12.5, 0]);
    const b = parseSummaryCsv('ID;frequency;recency;T\n"7";1;2;3\n');
    expect(Array.from(b.x)).toEqual([1]);
    expect(b.monetary).toBeNull();
  });

  it("names the line and column of a bad cell", () => {
    const bad = (text: string) => {
      try {
        parseSummaryCsv(text);
      } catch (e) {
        return (e as AppError).message;
      }
      return "";
    };
    expect(bad("id,x,t_x,T\n1,2,3,4\n2,x,1,4\n")).toBe("Line 3, column x: 'x' is not a number ≥ 0");
    expect(bad("id,x,t_x,T\n1,1.5,1,4\n")).toContain("whole number");
    expect(bad("id,x,t_x,T\n1,1,5,4\n")).toContain("after T");
    expect(bad("id,x,T\n1,1,4\n")).toContain("missing: tx");
  });
});

describe("fitSummaryFile on the published CDNOW summaries", () => {
  it("BG/NBD on cdnow_customers_summary.csv: the published estimates", () => {
    const fit = fitSummaryFile(parseSummaryCsv(read("cdnow_customers_summary.csv")), "bgnbd");
    const want = { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 };
    for (const [k, v] of Object.entries(want))
      expect(Math.abs((fit.params[k] as number) - v)).toBeLessThan(0.001);
    expect(fit.logLik).toBeCloseTo(-9582.4, 1);
    expect(fit.customers).toBe(2357);
    expect(fit.standardErrors.r).toBeCloseTo(0.012557, 4);
  });

  it("Gamma-Gamma needs the monetary column; with zbar it gives p 6.25, q 3.74, γ 15.44", () => {
    expect(() => fitSummaryFile(parseSummaryCsv(read("cdnow_customers_summary.csv")), "gg")).toThrow(
      AppError,
    );
    const gg = fitSummaryFile(parseSummaryCsv(read("cdnow_customers_summary_with_transactions.csv")), "gg");
    expect(gg.params.p).toBeCloseTo(6.25, 2);
    expect(gg.params.q).toBeCloseTo(3.74, 2);
    expect(gg.params.gamma).toBeCloseTo(15.44, 1);
    expect(gg.customers).toBe(946);
  });
});
