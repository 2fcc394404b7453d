// The server explains a rejected value in English ("amount is not a number: 'abc'"). The run's issues carry
// a code, the preview's row errors only the sentence; both are read back here into a code and its
// parameters so the page can say it in the reader's language. A sentence that matches nothing is shown
// as the server wrote it.

export const issueCodes = [
  "required",
  "not_a_number",
  "not_an_integer",
  "negative",
  "too_large",
  "not_a_date",
  "date_out_of_range",
  "not_a_boolean",
  "unknown_value",
  "bad_email",
  "bad_phone",
  "unknown_currency",
  "currency_conflict",
  "out_of_range",
  "time_order",
  "not_scalar",
  "too_long",
  "field_too_long",
  "record_too_long",
  "too_many_fields",
  "extra_fields",
  "unclosed_quote",
  "text_after_quote",
  "bad_json",
  "not_an_object",
  "line_too_long",
  "wrong_field_count",
  "bad_sheet",
  "nul_bytes",
  "replacement_chars",
  "unknown_order",
  "unknown_request",
] as const;
export type IssueCode = (typeof issueCodes)[number];

export type ReadIssue = { code: IssueCode; params: Record<string, string> };

const S = "(?<subject>[\\w.]+) ";
const V = "'(?<value>.*)'";

// One pattern per code, as src/modules/intake/parse/issues.ts words it.
const patterns: Record<IssueCode, RegExp> = {
  required: new RegExp(`^${S}is required but empty$`),
  not_a_number: new RegExp(`^${S}is not a number: ${V}$`),
  not_an_integer: new RegExp(`^${S}is not a whole number: ${V}$`),
  negative: new RegExp(`^${S}must not be negative: ${V}$`),
  too_large: new RegExp(`^${S}is too large: ${V}$`),
  not_a_date: new RegExp(`^${S}is not a date(?: \\(expected (?<expected>[^)]*)\\))?: ${V}$`),
  date_out_of_range: new RegExp(`^${S}is outside the years 1900–2100: ${V}$`),
  not_a_boolean: new RegExp(`^${S}is not yes/no: ${V}$`),
  unknown_value: new RegExp(`^${S}has an unknown value ${V} \\(expected one of: (?<allowed>.*)\\)$`),
  bad_email: new RegExp(`^${S}is not an e-mail address: ${V}$`),
  bad_phone: new RegExp(`^${S}is not a phone number: ${V}$`),
  unknown_currency: new RegExp(`^${S}is not a known currency: ${V}$`),
  currency_conflict: new RegExp(`^${S}says (?<found>\\S+) but the currency column says (?<currency>\\S+)$`),
  out_of_range: new RegExp(`^${S}must be between (?<min>\\S+) and (?<max>\\S+): ${V}$`),
  time_order: new RegExp(`^${S}is earlier than (?<other>[\\w.]+): ${V}$`),
  not_scalar: new RegExp(`^${S}must be a single value, not a list: ${V}$`),
  too_long: new RegExp(`^${S}is longer than (?<limit>\\d+) characters$`),
  field_too_long: /^a field is longer than (?<limit>\d+) characters/,
  record_too_long: /^the row is longer than (?<limit>\d+) characters/,
  too_many_fields: /^the row has more than (?<limit>\d+) fields/,
  extra_fields: /^the row has (?<count>\d+) fields but the header has (?<expected>\d+)$/,
  unclosed_quote: /^a quote opened on line (?<from>\d+) is never closed/,
  text_after_quote: /^text follows a closing quote on line (?<at>\d+)/,
  bad_json: /^the line is not valid JSON/,
  not_an_object: /^the line is JSON but not an object/,
  line_too_long: /^the line is longer than (?<limit>\d+) characters/,
  wrong_field_count: /^the line has (?<count>\d+) values, expected (?<expected>\d+)$/,
  bad_sheet: /^the spreadsheet cannot be read/,
  nul_bytes: /^(?<count>\d+) NUL byte\(s\) were removed \(first on line (?<line>\d+)\)$/,
  replacement_chars: /^(?<count>\d+) character\(s\) could not be decoded/,
  unknown_order: /^order '(?<value>.*)' is not in the workspace/,
  unknown_request: /^request '(?<value>.*)' is not in the workspace/,
};

function isIssueCode(value: string): value is IssueCode {
  return (issueCodes as readonly string[]).includes(value);
}

function match(pattern: RegExp, message: string): Record<string, string> | undefined {
  const found = pattern.exec(message);
  if (!found) return undefined;
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(found.groups ?? {})) if (value !== undefined) params[key] = value;
  return params;
}

/** The code and parameters of a server sentence; with a known code only that code's wording is tried. */
export function readIssue(message: string, code?: string): ReadIssue | undefined {
  const text = message.trim();
  if (code !== undefined) {
    if (!isIssueCode(code)) return undefined;
    const params = match(patterns[code], text);
    return params ? { code, params } : undefined;
  }
  for (const candidate of issueCodes) {
    const params = match(patterns[candidate], text);
    if (params) return { code: candidate, params };
  }
  return undefined;
}

export type MappingProblem =
  | { code: "missing_field"; fields: string[] }
  | { code: "unknown_field"; field: string }
  | { code: "unknown_column"; column: string }
  | { code: "duplicate_field"; field: string; columns: string }
  | { code: "other"; message: string };

/** A mapping error of the preview, with the field names it is about. */
export function readMappingError(error: { code: string; message: string }): MappingProblem {
  const quoted = /"([^"]*)"/.exec(error.message)?.[1];
  if (quoted !== undefined) {
    if (error.code === "missing_field")
      return { code: "missing_field", fields: quoted.split("/").map((f) => f.trim()) };
    if (error.code === "unknown_field") return { code: "unknown_field", field: quoted };
    if (error.code === "unknown_column") return { code: "unknown_column", column: quoted };
    if (error.code === "duplicate_field") {
      const columns = /two columns: (.*)$/.exec(error.message)?.[1] ?? "";
      return { code: "duplicate_field", field: quoted, columns };
    }
  }
  return { code: "other", message: error.message };
}
