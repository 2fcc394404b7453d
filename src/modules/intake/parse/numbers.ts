import { stripCurrency } from "./currency.ts";
import type { RawCell } from "./source.ts";
import { cellText, fail, ok, type ValueResult } from "./values.ts";

export type DecimalSeparator = "," | ".";

/** A decimal number as digit strings (exact: no float rounding before we reach minor units). */
export type Decimal = { negative: boolean; int: string; frac: string };

export type Scan =
  | { ok: true; value: Decimal; decided: DecimalSeparator | null; ambiguous: DecimalSeparator | null }
  | { ok: false };

const BAD: Scan = { ok: false };

const isSpace = (c: string): boolean =>
  c === " " || c === "\u00a0" || c === "\u202f" || c === "\u2009" || c === "\u2007" || c === "'" || c === "’";

const splitSign = (text: string): { body: string; negative: boolean } | null => {
  let t = text.trim();
  let negative = false;
  if (t.startsWith("(") && t.endsWith(")")) {
    negative = true; // accounting style: (12.50)
    t = t.slice(1, -1).trim();
  }
  const first = t[0];
  if (first === "-" || first === "−" || first === "+") {
    if (negative && first !== "+") return null;
    negative = negative || first !== "+";
    t = t.slice(1).trim();
  } else if (t.endsWith("-")) {
    negative = true; // "12.50-": how some accounting exports write a minus
    t = t.slice(0, -1).trim();
  }
  return { body: t, negative };
};

// "-12", "12.50", "1234,5": digits, one optional mark, an optional minus: nearly every amount in a file,
// read here without building group arrays. Anything else (spaces, two marks, signs, parentheses) → null.
const fastScan = (t: string, hint: DecimalSeparator | null): Scan | null => {
  const n = t.length;
  const start = t.charCodeAt(0) === 45 ? 1 : 0;
  let markAt = -1;
  for (let p = start; p < n; p++) {
    const c = t.charCodeAt(p);
    if (c >= 48 && c <= 57) continue;
    if ((c === 46 || c === 44) && markAt < 0) {
      markAt = p;
      continue;
    }
    return null;
  }
  const negative = start === 1;
  if (markAt < 0)
    return n > start
      ? { ok: true, value: { negative, int: t.slice(start), frac: "" }, decided: null, ambiguous: null }
      : null;
  const before = t.slice(start, markAt);
  const after = t.slice(markAt + 1);
  if (before === "" && after === "") return null;
  const mark: DecimalSeparator = t.charCodeAt(markAt) === 46 ? "." : ",";
  if (after.length !== 3 || before === "" || before === "0" || before.length > 3)
    return { ok: true, value: { negative, int: before || "0", frac: after }, decided: mark, ambiguous: null };
  const value =
    hint === mark ? { negative, int: before, frac: after } : { negative, int: before + after, frac: "" };
  return { ok: true, value, decided: null, ambiguous: mark };
};

/**
 * Reads "1 234,50", "1,234.50", "1.234.567,89", "12,3", "-5", ".5" exactly. Which mark is the decimal one:
 * both present → the last; one present several times → thousands; one present once → decimal unless it
 * is followed by exactly three digits after a 1–3 digit non-zero start ("1,234"): that is ambiguous and
 * `hint` decides (the column's separator), else it is read as thousands. Thousands groups must have
 * three digits, so "12,3,4" is rejected.
 */
export const scanDecimal = (text: string, hint: DecimalSeparator | null = null): Scan => {
  const fast = fastScan(text, hint);
  if (fast) return fast;
  const signed = splitSign(text);
  if (!signed) return BAD;
  const { body, negative } = signed;
  const groups: string[] = [];
  const seps: string[] = [];
  let current = "";
  for (let k = 0; k < body.length; k++) {
    const c = body[k]!;
    if (c >= "0" && c <= "9") {
      current += c;
      continue;
    }
    const sep = c === "." || c === "," ? c : isSpace(c) ? " " : null;
    if (sep === null) return BAD;
    if (sep === " " && seps.at(-1) === " " && current === "") continue; // runs of spaces
    groups.push(current);
    seps.push(sep);
    current = "";
  }
  groups.push(current);
  if (!groups.some((g) => g.length > 0)) return BAD;

  const dots = seps.filter((s) => s === ".").length;
  const commas = seps.filter((s) => s === ",").length;
  let decimalAt = -1;
  let decided: DecimalSeparator | null = null;
  let ambiguous: DecimalSeparator | null = null;
  const last = seps.length - 1;
  if (dots > 0 && commas > 0) {
    const mark = seps[last];
    if (mark === " " || (mark === "." ? dots : commas) !== 1) return BAD;
    decimalAt = last;
    decided = mark as DecimalSeparator;
  } else if (dots + commas === 1) {
    const mark: DecimalSeparator = dots ? "." : ",";
    const at = seps.indexOf(mark);
    const before = groups[at]!;
    const after = groups[at + 1]!;
    const spaced = seps.includes(" ");
    if (at !== last) {
      decimalAt = -1;
    } else if (spaced || after.length !== 3 || before === "" || before === "0" || before.length > 3) {
      decimalAt = at;
      decided = mark;
    } else {
      ambiguous = mark;
      decimalAt = hint === mark ? at : -1;
    }
  } else if (dots > 1 || commas > 1) {
    decided = dots > 1 ? "," : "."; // "1.234.567" uses dots for thousands, so its decimal mark is a comma
  }
  const intGroups = decimalAt < 0 ? groups : groups.slice(0, decimalAt + 1);
  if (intGroups.length > 1) {
    // Grouped thousands: "1 234 567", "1.234.567", "1,234": 1–3 digits, then groups of exactly 3.
    const head = intGroups[0]!;
    if (head.length < 1 || head.length > 3) return BAD;
    for (let k = 1; k < intGroups.length; k++) if (intGroups[k]!.length !== 3) return BAD;
    const kinds = new Set(seps.slice(0, intGroups.length - 1));
    if (kinds.size > 1) return BAD;
  }
  const int = intGroups.join("") || "0";
  const frac = decimalAt < 0 ? "" : groups[decimalAt + 1]!;
  return { ok: true, value: { negative, int, frac }, decided, ambiguous };
};

/** A plain decimal number (scores, quantities). */
export const parseNumber = (cell: RawCell, decimal: DecimalSeparator | null = null): ValueResult<number> => {
  if (typeof cell === "number")
    return Number.isFinite(cell) ? ok(cell) : fail("not_a_number", { value: String(cell) });
  if (typeof cell !== "string") return fail("not_a_number", { value: cellText(cell) });
  const scan = scanDecimal(cell, decimal);
  if (!scan.ok) return fail("not_a_number", { value: cell });
  const { negative, int, frac } = scan.value;
  const n = Number(frac ? `${int}.${frac}` : int);
  return ok(negative ? -n : n);
};

/** A whole number: "3", "3.0", "1 234"; "3.5" is not one. */
export const parseInteger = (cell: RawCell): ValueResult<number> => {
  const n = parseNumber(cell, ".");
  if (!n.ok) return n;
  if (!Number.isInteger(n.value)) return fail("not_an_integer", { value: cellText(cell) });
  if (!Number.isSafeInteger(n.value)) return fail("too_large", { value: cellText(cell) });
  return ok(n.value === 0 ? 0 : n.value);
};

export type DecimalDecision = {
  separator: DecimalSeparator | null;
  decidedBy: "evidence" | "conflict" | "default" | "given";
  commaVotes: number;
  dotVotes: number;
};

/**
 * Decides a column's decimal mark from its values: each value that can only be read one way votes
 * ("12,5" → comma, "1,234.50" → dot); the majority wins. No votes → null, and an ambiguous "1,234" is
 * then read as thousands (three decimals are rare in amounts; 3-digit currencies pass "." or ",").
 */
export const inferDecimalSeparator = (values: Iterable<RawCell>): DecimalDecision => {
  let comma = 0;
  let dot = 0;
  for (const cell of values) {
    if (typeof cell !== "string") continue;
    const scan = scanDecimal(stripCurrency(cell.trim()).rest);
    if (!scan.ok) continue;
    if (scan.decided === ",") comma++;
    else if (scan.decided === ".") dot++;
  }
  const votes = { commaVotes: comma, dotVotes: dot };
  if (comma > 0 && dot > 0) return { separator: comma > dot ? "," : ".", decidedBy: "conflict", ...votes };
  if (comma > 0) return { separator: ",", decidedBy: "evidence", ...votes };
  if (dot > 0) return { separator: ".", decidedBy: "evidence", ...votes };
  return { separator: null, decidedBy: "default", ...votes };
};
