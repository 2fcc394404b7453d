import { parseEmail, parsePhone } from "./contacts.ts";
import { minorDigits, parseCurrency } from "./currency.ts";
import { type DateOptions, fastIsoDateTime, parseDateTimeGeneral } from "./dates.ts";
import { type EnumName, parseEnum } from "./enums.ts";
import { ENTITIES, type FieldSpec } from "./fields.ts";
import type { ColumnFormats, FormatHints } from "./formats.ts";
import { type IssueCode, type IssueParams, type RowIssue, rowIssue } from "./issues.ts";
import type { Mapping } from "./mapping.ts";
import { readMoney } from "./money.ts";
import type { DecimalSeparator } from "./numbers.ts";
import { parseInteger } from "./numbers.ts";
import type { JsonValue, RawCell, SourceRow } from "./source.ts";
import { cellText, fail, isBlank, parseText, type ValueResult } from "./values.ts";

export type ConvertOptions = {
  /** The workspace's IANA time zone: times without an offset are local to it. */
  timeZone: string;
  /** The workspace's currency (ISO 4217): used when neither a column nor the amount names one. */
  currency: string;
  /** Formats decided on the preview sample; without them the first batch decides (convertBatch). */
  formats?: ColumnFormats;
  /** The user's word on formats (date order, decimal mark): wins over what the sample suggests. */
  hints?: FormatHints;
  /** How many recent distinct rows the derived-id duplicate counter remembers. */
  duplicateWindow?: number;
};

const MAX_ID = 256;
const MAX_TEXT = 100_000;

/** A field resolved against the mapping once per file: its column, default and formats. */
export type Field = {
  readonly name: string;
  readonly index: number | undefined;
  readonly column: string | null;
  readonly fallback: string | undefined;
  readonly enumName: EnumName | undefined;
  dateOptions: DateOptions;
  decimal: DecimalSeparator | null;
};

/**
 * Reads one row's fields with the right parser, collecting every bad cell of the row (not just the first)
 * as errors, and broken contacts as warnings (the row still lands without them). Builders resolve their
 * fields once (`field("amount")`) and read them per row: nothing is looked up by name per row.
 */
export class RowContext {
  readonly errors: RowIssue[] = [];
  readonly warnings: RowIssue[] = [];
  line = 0;
  readonly options: ConvertOptions;
  /** The currency written in the last money cell read ("$12" → USD), or null. */
  readonly written: { currency: string | null } = { currency: null };
  private formatsSet = false;
  private cells: readonly RawCell[] = [];
  private readonly mapping: Mapping;
  private readonly fields = new Map<string, Field>();
  private readonly used: ReadonlySet<number>;

  constructor(mapping: Mapping, options: ConvertOptions) {
    this.mapping = mapping;
    this.options = options;
    const specs = new Map<string, FieldSpec>(ENTITIES[mapping.entity].fields.map((f) => [f.name, f]));
    for (const [name, spec] of specs) {
      const index = mapping.byField[name];
      this.fields.set(name, {
        name,
        index,
        column: index === undefined ? null : (mapping.columns[index] ?? null),
        fallback: mapping.defaults[name] ?? spec.fallback,
        enumName: spec.enumName,
        dateOptions: { timeZone: options.timeZone },
        decimal: null,
      });
    }
    this.used = new Set(Object.values(mapping.byField));
    if (options.formats) this.setFormats(options.formats);
  }

  get hasFormats(): boolean {
    return this.formatsSet;
  }

  setFormats(formats: ColumnFormats): void {
    this.formatsSet = true;
    for (const f of this.fields.values()) {
      f.dateOptions = { timeZone: this.options.timeZone, order: formats.dates[f.name]?.order };
      f.decimal = formats.decimals[f.name]?.separator ?? null;
    }
  }

  /** The field by name, for builders to keep; a name the entity lacks reads as always empty. */
  field(name: string): Field {
    let f = this.fields.get(name);
    if (!f) {
      const dateOptions = { timeZone: this.options.timeZone };
      f = {
        name,
        index: undefined,
        column: null,
        fallback: undefined,
        enumName: undefined,
        dateOptions,
        decimal: null,
      };
      this.fields.set(name, f);
    }
    return f;
  }

  begin(row: SourceRow): void {
    this.line = row.line;
    this.cells = row.cells;
    if (this.errors.length > 0) this.errors.length = 0;
    if (this.warnings.length > 0) this.warnings.length = 0;
  }

  /** The field's cell, or its default when the column is missing or the cell blank; undefined when neither. */
  get(f: Field): RawCell {
    if (f.index !== undefined) {
      const cell = this.cells[f.index];
      if (!isBlank(cell)) return cell;
    }
    return f.fallback;
  }

  /** Records a problem with the field's current cell (its column and value go into the report). */
  issue(f: Field, code: IssueCode, params: IssueParams, warn = false): void {
    const raw = f.index === undefined ? undefined : this.cells[f.index];
    const fromColumn = raw !== undefined && !isBlank(raw);
    const value = fromColumn ? cellText(raw) : (f.fallback ?? null);
    const full = { value: value ?? "", ...params, field: f.name };
    const issue = rowIssue(this.line, code, full, fromColumn ? f.column : null, value, f.name);
    (warn ? this.warnings : this.errors).push(issue);
  }

  private take<T>(f: Field, result: ValueResult<T>, warn = false): T | null {
    if (result.ok) return result.value;
    this.issue(f, result.code, result.params, warn);
    return null;
  }

  required<T>(f: Field, value: T | null): T | null {
    if (value === null && !this.errors.some((e) => e.params.field === f.name)) this.issue(f, "required", {});
    return value;
  }

  text(f: Field): string | null {
    const cell = this.get(f);
    if (cell === undefined) return null;
    const t = typeof cell === "string" ? cell.trim() : cellText(cell).trim();
    if (t.length > MAX_TEXT) return this.take(f, parseText(t, MAX_TEXT));
    return t === "" ? null : t;
  }

  id(f: Field): string | null {
    const cell = this.get(f);
    if (cell === undefined) return null;
    if (Array.isArray(cell)) return this.take(f, fail("not_scalar", { value: cellText(cell) }));
    const t = typeof cell === "string" ? cell.trim() : cellText(cell).trim();
    if (t.length > MAX_ID) return this.take(f, parseText(t, MAX_ID));
    return t === "" ? null : t;
  }

  date(f: Field): string | null {
    const cell = this.get(f);
    if (cell === undefined) return null;
    if (typeof cell === "string") {
      const fast = fastIsoDateTime(cell, f.dateOptions.timeZone);
      if (fast !== null) return fast;
    }
    return this.take(f, parseDateTimeGeneral(cell, f.dateOptions));
  }

  /** Minor units in `currency` (its digits); the currency written in the cell goes to `written`. */
  money(f: Field, currency: string): number | null {
    const cell = this.get(f);
    this.written.currency = null;
    if (cell === undefined) return null;
    const digits = minorDigits(currency);
    let minor = readMoney(cell, { digits, decimal: f.decimal }, this.written);
    const found = this.written.currency;
    // "12,345 KWD" in a RUB workspace: the written currency decides how many minor digits there are.
    if (typeof minor === "number" && found && minorDigits(found) !== digits)
      minor = readMoney(cell, { digits: minorDigits(found), decimal: f.decimal }, this.written);
    if (typeof minor === "number") return minor;
    this.issue(f, minor.code, minor.params);
    return null;
  }

  integer(f: Field): number | null {
    const cell = this.get(f);
    if (cell === undefined) return null;
    if (typeof cell === "string" && cell.length <= 9) {
      // Plain digits ("0", "14"): the usual wait_days and score, read without the general number reader.
      let n = 0;
      let k = 0;
      for (; k < cell.length; k++) {
        const d = cell.charCodeAt(k) - 48;
        if (d < 0 || d > 9) break;
        n = n * 10 + d;
      }
      if (k === cell.length && k > 0) return n;
    }
    return this.take(f, parseInteger(cell));
  }

  choice<T extends string>(f: Field): T | null {
    const cell = this.get(f);
    if (cell === undefined || !f.enumName) return null;
    return this.take(f, parseEnum<T>(f.enumName, cell));
  }

  email(f: Field): string | null {
    const cell = this.get(f);
    return cell === undefined ? null : this.take(f, parseEmail(cell), true);
  }

  phone(f: Field): string | null {
    const cell = this.get(f);
    return cell === undefined ? null : this.take(f, parsePhone(cell), true);
  }

  currency(f: Field): string | null {
    const cell = this.get(f);
    return cell === undefined ? null : this.take(f, parseCurrency(cell));
  }

  /** Every column the mapping left unused, as customer attributes (column name → value). */
  attributes(): Record<string, JsonValue> {
    const out: Record<string, JsonValue> = {};
    const { columns, ignored } = this.mapping;
    for (let k = 0; k < this.cells.length; k++) {
      if (this.used.has(k) || ignored.has(k)) continue;
      const cell = this.cells[k];
      if (isBlank(cell)) continue;
      const name = columns[k] ?? `column_${k + 1}`;
      if (typeof cell === "string") out[name] = cell.trim();
      else if (cell instanceof Date) out[name] = cell.toISOString();
      else out[name] = cell ?? null;
    }
    return out;
  }
}
