/**
 * Test-only loader of the CDNOW cohort in ../shared/data/cdnow (see its SOURCE.md). The data stay outside
 * the project; tests read them from the repository root's sibling folder.
 */
import { readFileSync } from "node:fs";
import { sharedDataFile } from "../../platform/testing/shared-data.ts";
import { compressRfm, type RfmRows, summarizeTransactions, type Transaction } from "./summary.ts";

const dir = `${sharedDataFile("cdnow")}/`;

const lines = (file: string): string[] =>
  readFileSync(dir + file, "utf8")
    .split(/\r?\n/)
    .filter((l) => l.trim() !== "");

/** The 6,919 purchase rows; dates become UTC midnight of the day, amounts in dollars. */
export function loadCdnowTransactions(): Transaction[] {
  return lines("CDNOW_sample.txt").map((line) => {
    const [, id, date, , value] = line.trim().split(/\s+/) as [string, string, string, string, string];
    const time = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(4, 6)) - 1, Number(date.slice(6, 8)));
    return { customerId: String(Number(id)), time, amount: Number(value) };
  });
}

export type CdnowCustomer = { id: number; x: number; tx: number; T: number; zbar: number };

/** The published calibration summary with zbar (2,357 rows). */
export function loadCdnowSummary(): CdnowCustomer[] {
  return lines("cdnow_customers_summary_with_transactions.csv")
    .slice(1)
    .map((line) => {
      const [id, x, tx, T, zbar] = line.split(",").map(Number) as [number, number, number, number, number];
      return { id, x, tx, T, zbar };
    });
}

/** Calibration end and holdout end of the CDNOW study (inclusive days). */
export const CDNOW_CALIBRATION_END = Date.UTC(1997, 8, 30);
export const CDNOW_HOLDOUT_END = Date.UTC(1998, 5, 30);

/** Weighted unique rows of the published CSV summary (t_x, T rounded to 2 decimals there). */
export function cdnowCsvRows(): RfmRows {
  const s = loadCdnowSummary();
  return compressRfm({
    x: Float64Array.from(s, (c) => c.x),
    tx: Float64Array.from(s, (c) => c.tx),
    T: Float64Array.from(s, (c) => c.T),
  }).rows;
}

/** Weighted unique rows built from the raw transactions: exact day counts, as CLVTools uses them. */
export function cdnowExactRows(): RfmRows {
  return compressRfm(
    summarizeTransactions(loadCdnowTransactions(), { calibrationEnd: CDNOW_CALIBRATION_END }),
  ).rows;
}
