import { hasNoCurrency, stripCurrency } from "./currency.ts";
import { type Decimal, type DecimalSeparator, scanDecimal } from "./numbers.ts";
import type { RawCell } from "./source.ts";
import { cellText, fail, ok, type ValueFailure, type ValueResult } from "./values.ts";

export type MoneyOptions = {
  /** Minor-unit digits of the currency (2 for most; see minorDigits). */
  digits: number;
  decimal?: DecimalSeparator | null;
};

/** Rounds a decimal to `digits` places, half away from zero, as an integer count of minor units. */
export const toMinor = (d: Decimal, digits: number): number | null => {
  const kept = d.frac.length === digits ? d.frac : d.frac.slice(0, digits).padEnd(digits, "0");
  const roundUp = d.frac.length > digits && d.frac.charCodeAt(digits) >= 53 ? 1 : 0;
  if (d.int.length + digits <= 15) {
    // Below 2^53: plain arithmetic is exact.
    const magnitude = Number(d.int) * 10 ** digits + (digits > 0 ? Number(kept) : 0) + roundUp;
    return d.negative && magnitude !== 0 ? -magnitude : magnitude;
  }
  const digitsText = (d.int + kept).replace(/^0+(?=\d)/, "");
  if (digitsText.length > 16) return null;
  const magnitude = Number(digitsText) + roundUp;
  if (!Number.isSafeInteger(magnitude)) return null;
  return d.negative && magnitude !== 0 ? -magnitude : magnitude;
};

const numberToDecimal = (n: number): Decimal | null => {
  if (!Number.isFinite(n)) return null;
  // The shortest text that reads back as n ("1.005", not 1.00499999…), so rounding matches what was typed.
  const text = String(Math.abs(n));
  const [int, frac] = (text.includes("e") ? Math.abs(n).toFixed(12) : text).split(".");
  return { negative: n < 0, int: int!, frac: frac ?? "" };
};

const POW10 = [1, 10, 100, 1000, 10_000];

const scratch = new Uint8Array(64);

/**
 * "-123.45", "1234,5", "7": digits, at most one mark, an optional minus, read straight into minor units
 * with the same rules as scanDecimal (this is the shape of nearly every amount in a file).
 * NaN when the text needs the full reader.
 */
export const fastMinor = (t: string, digits: number, hint: DecimalSeparator | null): number => {
  const n = t.length;
  if (n > scratch.length) return Number.NaN;
  for (let k = 0; k < n; k++) {
    const c = t.charCodeAt(k);
    if (c > 0x7f) return Number.NaN;
    scratch[k] = c;
  }
  return fastMinorBytes(scratch, 0, n, digits, hint);
};

/** fastMinor on the ASCII bytes b[from, to) (the block load reads amounts straight from the file). */
export const fastMinorBytes = (
  b: Uint8Array,
  from: number,
  to: number,
  digits: number,
  hint: DecimalSeparator | null,
): number => {
  let p = b[from] === 45 ? from + 1 : from;
  const negative = p > from;
  let int = 0;
  let intDigits = 0;
  for (; p < to; p++) {
    const c = b[p]! - 48;
    if (c < 0 || c > 9) break;
    int = int * 10 + c;
    intDigits++;
  }
  if (intDigits + digits > 15) return Number.NaN; // beyond exact integers: the full reader reports it
  const scale = POW10[digits] ?? 100;
  let magnitude: number;
  if (p === to) {
    if (intDigits === 0) return Number.NaN;
    magnitude = int * scale;
  } else {
    const mark = b[p];
    if (mark !== 46 && mark !== 44) return Number.NaN;
    let kept = 0;
    let all = 0;
    let fracDigits = 0;
    let roundUp = 0;
    for (p++; p < to; p++) {
      const c = b[p]! - 48;
      if (c < 0 || c > 9) return Number.NaN;
      if (fracDigits < digits) kept = kept * 10 + c;
      else if (fracDigits === digits && c >= 5) roundUp = 1;
      if (fracDigits < 3) all = all * 10 + c;
      fracDigits++;
    }
    if (intDigits === 0 && fracDigits === 0) return Number.NaN;
    const decided = fracDigits !== 3 || intDigits === 0 || (intDigits === 1 && int === 0) || intDigits > 3;
    const markChar: DecimalSeparator = mark === 46 ? "." : ",";
    if (decided || hint === markChar) {
      const shown = Math.min(fracDigits, digits);
      magnitude = int * scale + kept * (POW10[digits - shown] ?? 1) + roundUp;
    } else magnitude = (int * 1000 + all) * scale; // "1,234": thousands
  }
  return negative && magnitude !== 0 ? -magnitude : magnitude;
};

/**
 * An amount → minor units, or why not; the currency written in the cell goes to `written.currency`.
 * The allocation-free core of parseMoney (it runs twice per order row).
 */
export const readMoney = (
  cell: RawCell,
  options: MoneyOptions,
  written: { currency: string | null },
): number | ValueFailure => {
  written.currency = null;
  const digits = Math.max(0, Math.min(options.digits, 4));
  let decimal: Decimal | null = null;
  if (typeof cell === "number") decimal = numberToDecimal(cell);
  else if (typeof cell === "string") {
    let rest = cell.trim();
    if (!hasNoCurrency(rest)) {
      const stripped = stripCurrency(rest);
      written.currency = stripped.currency;
      rest = stripped.rest;
    }
    const fast = fastMinor(rest, digits, options.decimal ?? null);
    if (!Number.isNaN(fast)) return fast;
    const scan = scanDecimal(rest, options.decimal ?? null);
    if (scan.ok) decimal = scan.value;
  }
  if (!decimal) return fail("not_a_number", { value: cellText(cell) });
  const minor = toMinor(decimal, digits);
  return minor === null ? fail("too_large", { value: cellText(cell) }) : minor;
};

/** An amount → integer minor units, plus the currency written next to it if any ("$12.3" → 1230, USD). */
export const parseMoney = (
  cell: RawCell,
  options: MoneyOptions,
): ValueResult<{ minor: number; currency: string | null }> => {
  const written = { currency: null as string | null };
  const minor = readMoney(cell, options, written);
  return typeof minor === "number" ? ok({ minor, currency: written.currency }) : minor;
};
