/**
 * Reason codes for everything the parsers reject or notice, with English messages. The codes and params
 * are the contract (the lead translates them into ru/uk/en); the English text is the fallback.
 */
export type IssueCode =
  // values
  | "required"
  | "not_a_number"
  | "not_an_integer"
  | "negative"
  | "too_large"
  | "not_a_date"
  | "date_out_of_range"
  | "not_a_boolean"
  | "unknown_value"
  | "bad_email"
  | "bad_phone"
  | "unknown_currency"
  | "currency_conflict"
  | "out_of_range"
  | "time_order"
  | "not_scalar"
  | "too_long"
  // records
  | "field_too_long"
  | "record_too_long"
  | "too_many_fields"
  | "extra_fields"
  | "unclosed_quote"
  | "text_after_quote"
  | "bad_json"
  | "not_an_object"
  | "line_too_long"
  | "wrong_field_count"
  | "bad_sheet"
  // file notices
  | "nul_bytes"
  | "replacement_chars"
  // mapping
  | "missing_field"
  | "unknown_field"
  | "unknown_column"
  | "duplicate_field";

export type IssueParams = Readonly<Record<string, string | number>>;

/** A rejected row (or a warning about one): what a person needs to find and fix it. */
export type RowIssue = {
  line: number;
  column: string | null;
  value: string | null;
  code: IssueCode;
  params: IssueParams;
  message: string;
};

/** Something about the file as a whole (bytes removed, undecodable bytes), with the first line it happened on. */
export type FileNotice = { line: number; code: IssueCode; params: IssueParams; message: string };

const MAX_SHOWN = 80;

/** Values are quoted into messages shortened, so a 10 MB cell cannot make a 10 MB error report. */
export const shorten = (value: string, max = MAX_SHOWN): string =>
  value.length <= max ? value : `${value.slice(0, max - 1)}…`;

const q = (params: IssueParams, key: string): string => `'${shorten(String(params[key] ?? ""))}'`;

type Template = (p: IssueParams, subject: string) => string;

const templates: Record<IssueCode, Template> = {
  required: (_p, s) => `${s} is required but empty`,
  not_a_number: (p, s) => `${s} is not a number: ${q(p, "value")}`,
  not_an_integer: (p, s) => `${s} is not a whole number: ${q(p, "value")}`,
  negative: (p, s) => `${s} must not be negative: ${q(p, "value")}`,
  too_large: (p, s) => `${s} is too large: ${q(p, "value")}`,
  not_a_date: (p, s) =>
    `${s} is not a date${p.expected ? ` (expected ${p.expected})` : ""}: ${q(p, "value")}`,
  date_out_of_range: (p, s) => `${s} is outside the years 1900–2100: ${q(p, "value")}`,
  not_a_boolean: (p, s) => `${s} is not yes/no: ${q(p, "value")}`,
  unknown_value: (p, s) => `${s} has an unknown value ${q(p, "value")} (expected one of: ${p.allowed})`,
  bad_email: (p, s) => `${s} is not an e-mail address: ${q(p, "value")}`,
  bad_phone: (p, s) => `${s} is not a phone number: ${q(p, "value")}`,
  unknown_currency: (p, s) => `${s} is not a known currency: ${q(p, "value")}`,
  currency_conflict: (p, s) => `${s} says ${p.found} but the currency column says ${p.currency}`,
  out_of_range: (p, s) => `${s} must be between ${p.min} and ${p.max}: ${q(p, "value")}`,
  time_order: (p, s) => `${s} is earlier than ${p.other}: ${q(p, "value")}`,
  not_scalar: (p, s) => `${s} must be a single value, not a list: ${q(p, "value")}`,
  too_long: (p, s) => `${s} is longer than ${p.limit} characters`,
  field_too_long: (p) => `a field is longer than ${p.limit} characters; the row was skipped`,
  record_too_long: (p) => `the row is longer than ${p.limit} characters; it was skipped`,
  too_many_fields: (p) => `the row has more than ${p.limit} fields; it was skipped`,
  extra_fields: (p) => `the row has ${p.count} fields but the header has ${p.expected}`,
  unclosed_quote: (p) =>
    `a quote opened on line ${p.from} is never closed${p.limit ? ` within ${p.limit} characters` : ""}`,
  text_after_quote: (p) =>
    `text follows a closing quote on line ${p.at}${p.from !== p.at ? ` (the quote opened on line ${p.from})` : ""}; quotes inside a field must be doubled`,
  bad_json: (p) => `the line is not valid JSON: ${p.detail}`,
  not_an_object: (p) => `the line is JSON but not an object (got ${p.kind})`,
  line_too_long: (p) => `the line is longer than ${p.limit} characters; it was skipped`,
  wrong_field_count: (p) => `the line has ${p.count} values, expected ${p.expected}`,
  bad_sheet: (p) => `the spreadsheet cannot be read: ${p.detail}`,
  nul_bytes: (p) => `${p.count} NUL byte(s) were removed (first on line ${p.line})`,
  replacement_chars: (p) =>
    `${p.count} character(s) could not be decoded and show as � (first on line ${p.line}); check the encoding`,
  missing_field: (p) =>
    `no column is mapped to the required field "${p.field}"${p.hint ? ` (${p.hint})` : ""}`,
  unknown_field: (p) => `"${p.field}" is not a field of ${p.entity}; fields: ${p.allowed}`,
  unknown_column: (p) => `the file has no column "${p.column}"; columns: ${p.columns}`,
  duplicate_field: (p) => `the field "${p.field}" is mapped from two columns: ${p.columns}`,
};

/** The person-readable sentence for a code; `subject` is the field's name when known ("amount ..."). */
export const describeIssue = (code: IssueCode, params: IssueParams, subject = "value"): string =>
  templates[code](params, subject);

export const rowIssue = (
  line: number,
  code: IssueCode,
  params: IssueParams = {},
  column: string | null = null,
  value: string | null = null,
  subject?: string,
): RowIssue => ({
  line,
  column,
  value: value === null ? null : shorten(value, 200),
  code,
  params,
  message: describeIssue(code, params, subject ?? column ?? "value"),
});
