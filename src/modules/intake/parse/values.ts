import { describeIssue, type IssueCode, type IssueParams } from "./issues.ts";
import type { RawCell } from "./source.ts";

/** What every value parser returns: the value, or why not (a code and params for i18n, and English). */
export type ValueResult<T> = { ok: true; value: T } | ValueFailure;
export type ValueFailure = { ok: false; code: IssueCode; params: IssueParams; reason: string };

export const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value });

export const fail = (code: IssueCode, params: IssueParams = {}): ValueFailure => ({
  ok: false,
  code,
  params,
  reason: describeIssue(code, params),
});

/** A cell as text for messages and text parsers; lists become JSON. */
export const cellText = (cell: RawCell): string => {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "string") return cell;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString();
  if (Array.isArray(cell)) return JSON.stringify(cell);
  return String(cell);
};

// What exports write for "nothing here". Only these: "нет"/"ні" are real answers in yes/no columns.
const NULL_TOKENS = new Set([
  "",
  "-",
  "–",
  "—",
  "null",
  "n/a",
  "#n/a",
  "na",
  "none",
  "nan",
  "nil",
  "undefined",
]);

/** True when the cell holds no value (empty, whitespace or a null token). */
export const isBlank = (cell: RawCell): boolean => {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === "string") {
    if (cell.length === 0) return true;
    // Null tokens start with whitespace, a dash, "n", "N", "#" or "u"/"U": anything else is a value.
    const c0 = cell.charCodeAt(0);
    if (
      cell.length > 16 ||
      !(
        c0 <= 32 ||
        c0 === 160 ||
        c0 === 45 ||
        c0 === 0x2013 ||
        c0 === 0x2014 ||
        c0 === 35 ||
        (c0 | 32) === 110 ||
        (c0 | 32) === 117
      )
    )
      return false;
    const t = cell.trim();
    return t.length <= 10 && NULL_TOKENS.has(t.toLowerCase());
  }
  if (typeof cell === "number") return Number.isNaN(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime());
  if (Array.isArray(cell)) return cell.length === 0;
  return false;
};

/** A word list written as one "a | b | c" string (keeps long synonym tables compact and readable). */
export const list = (text: string): string[] =>
  text
    .split("|")
    .map((w) => w.trim())
    .filter((w) => w.length > 0);

/** Lower case, ё→е, punctuation and underscores as single spaces: how headers and enum values are compared. */
export const normalizeKey = (text: string): string =>
  text
    .toLowerCase()
    .replaceAll("ё", "е")
    .replace(/[№#]/g, " no ")
    .replace(/[\s_\-–—.,;:/\\()[\]{}"'`’«»*+?!|]+/gu, " ")
    .trim();

const TRUE = new Set([
  "1",
  "true",
  "t",
  "yes",
  "y",
  "да",
  "д",
  "так",
  "т",
  "+",
  "x",
  "✓",
  "истина",
  "правда",
  "on",
]);
const FALSE = new Set(["0", "false", "f", "no", "n", "нет", "н", "ні", "не", "-", "ложь", "хибність", "off"]);

export const parseBoolean = (cell: RawCell): ValueResult<boolean> => {
  if (typeof cell === "boolean") return ok(cell);
  if (typeof cell === "number" && (cell === 0 || cell === 1)) return ok(cell === 1);
  const t = cellText(cell).trim().toLowerCase();
  if (TRUE.has(t)) return ok(true);
  if (FALSE.has(t)) return ok(false);
  return fail("not_a_boolean", { value: cellText(cell) });
};

/** Plain text: trimmed, NUL-free, bounded. */
export const parseText = (cell: RawCell, maxChars = 100_000): ValueResult<string> => {
  const t = cellText(cell).trim();
  if (t.length > maxChars) return fail("too_long", { limit: maxChars, value: t });
  return ok(t);
};
