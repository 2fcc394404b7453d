import { parseEmail, parsePhone } from "./contacts.ts";
import { minorDigits, parseCurrency } from "./currency.ts";
import { parseDateTime } from "./dates.ts";
import { type EnumName, parseEnum } from "./enums.ts";
import { ENTITIES, type FieldSpec } from "./fields.ts";
import type { ColumnFormats } from "./formats.ts";
import { type IssueCode, type IssueParams, type RowIssue, rowIssue } from "./issues.ts";
import type { Mapping } from "./mapping.ts";
import { parseInteger, parseMoney } from "./numbers.ts";
import type { JsonValue, RawCell, SourceRow } from "./source.ts";
import { cellText, fail, isBlank, parseText, type ValueResult } from "./values.ts";

export type ConvertOptions = {
  /** The workspace's IANA time zone: times without an offset are local to it. */
  timeZone: string;
  /** The workspace's currency (ISO 4217): used when neither a column nor the amount names one. */
  currency: string;
  /** Formats decided on the preview sample; without them the first batch decides (convertBatch). */
  formats?: ColumnFormats;
  /** How many recent distinct rows the derived-id duplicate counter remembers. */
  duplicateWindow?: number;
};

const MAX_ID = 256;
const MAX_TEXT = 100_000;

type Slot = {
  index: number | undefined;
  column: string | null;
  fallback: string | undefined;
  spec: FieldSpec | undefined;
};
const NO_SLOT: Slot = { index: undefined, column: null, fallback: undefined, spec: undefined };

/**
 * Reads one row's fields by name with the right parser, collecting every bad cell of the row (not just
 * the first) as errors, and broken contacts as warnings (the row still lands without them).
 * Runs once per field per row, so it allocates nothing on the good path.
 */
export class RowContext {
  readonly errors: RowIssue[] = [];
  readonly warnings: RowIssue[] = [];
  line = 0;
  formats: ColumnFormats | null;
  readonly options: ConvertOptions;
  private cells: readonly RawCell[] = [];
  private readonly mapping: Mapping;
  private readonly slots: Record<string, Slot> = {};
  private readonly used: ReadonlySet<number>;

  constructor(mapping: Mapping, options: ConvertOptions) {
    this.mapping = mapping;
    this.options = options;
    this.formats = options.formats ?? null;
    for (const spec of ENTITIES[mapping.entity].fields) {
      const index = mapping.byField[spec.name];
      const column = index === undefined ? null : (mapping.columns[index] ?? null);
      this.slots[spec.name] = { index, column, fallback: mapping.defaults[spec.name] ?? spec.fallback, spec };
    }
    this.used = new Set(Object.values(mapping.byField));
  }

  begin(row: SourceRow): void {
    this.line = row.line;
    this.cells = row.cells;
    if (this.errors.length > 0) this.errors.length = 0;
    if (this.warnings.length > 0) this.warnings.length = 0;
  }

  private slot(field: string): Slot {
    return this.slots[field] ?? NO_SLOT;
  }

  /** The field's cell, or its default when the column is missing or the cell blank; undefined when neither. */
  get(field: string): RawCell {
    const slot = this.slot(field);
    if (slot.index !== undefined) {
      const cell = this.cells[slot.index];
      if (!isBlank(cell)) return cell;
    }
    return slot.fallback;
  }

  /** Records a problem with the field's current cell (its column and value go into the report). */
  issue(field: string, code: IssueCode, params: IssueParams, warn = false): void {
    const slot = this.slot(field);
    const raw = slot.index === undefined ? undefined : this.cells[slot.index];
    const fromColumn = raw !== undefined && !isBlank(raw);
    const value = fromColumn ? cellText(raw) : slot.fallback === undefined ? null : slot.fallback;
    const full = { value: value ?? "", ...params, field };
    const issue = rowIssue(this.line, code, full, fromColumn ? slot.column : null, value, field);
    (warn ? this.warnings : this.errors).push(issue);
  }

  private take<T>(field: string, result: ValueResult<T>, warn = false): T | null {
    if (result.ok) return result.value;
    this.issue(field, result.code, result.params, warn);
    return null;
  }

  required<T>(field: string, value: T | null): T | null {
    if (value === null && !this.errors.some((e) => e.params.field === field))
      this.issue(field, "required", {});
    return value;
  }

  text(field: string): string | null {
    const cell = this.get(field);
    if (cell === undefined) return null;
    const t = typeof cell === "string" ? cell.trim() : cellText(cell).trim();
    if (t.length > MAX_TEXT) return this.take(field, parseText(t, MAX_TEXT));
    return t === "" ? null : t;
  }

  id(field: string): string | null {
    const cell = this.get(field);
    if (cell === undefined) return null;
    if (Array.isArray(cell)) return this.take(field, fail("not_scalar", { value: cellText(cell) }));
    const t = typeof cell === "string" ? cell.trim() : cellText(cell).trim();
    if (t.length > MAX_ID) return this.take(field, parseText(t, MAX_ID));
    return t === "" ? null : t;
  }

  date(field: string): string | null {
    const cell = this.get(field);
    if (cell === undefined) return null;
    const order = this.formats?.dates[field]?.order;
    return this.take(field, parseDateTime(cell, { timeZone: this.options.timeZone, order }));
  }

  /** Minor units in `currency` (its digits), plus the currency written in the cell, if any. */
  money(field: string, currency: string): { minor: number; currency: string | null } | null {
    const cell = this.get(field);
    if (cell === undefined) return null;
    const decimal = this.formats?.decimals[field]?.separator ?? null;
    const first = parseMoney(cell, { digits: minorDigits(currency), decimal });
    // "12,345 KWD" in a RUB workspace: the written currency decides how many minor digits there are.
    if (first.ok && first.value.currency && minorDigits(first.value.currency) !== minorDigits(currency))
      return this.take(field, parseMoney(cell, { digits: minorDigits(first.value.currency), decimal }));
    return this.take(field, first);
  }

  integer(field: string): number | null {
    const cell = this.get(field);
    return cell === undefined ? null : this.take(field, parseInteger(cell));
  }

  choice<T extends string>(field: string): T | null {
    const cell = this.get(field);
    const name = this.slot(field).spec?.enumName as EnumName;
    return cell === undefined ? null : this.take(field, parseEnum<T>(name, cell));
  }

  email(field: string): string | null {
    const cell = this.get(field);
    return cell === undefined ? null : this.take(field, parseEmail(cell), true);
  }

  phone(field: string): string | null {
    const cell = this.get(field);
    return cell === undefined ? null : this.take(field, parsePhone(cell), true);
  }

  currency(field: string): string | null {
    const cell = this.get(field);
    return cell === undefined ? null : this.take(field, parseCurrency(cell));
  }

  /** Every column the mapping left unused, as customer attributes (column name → value). */
  attributes(): Record<string, JsonValue> {
    const out: Record<string, JsonValue> = {};
    const used = this.used;
    const { columns, ignored } = this.mapping;
    for (let k = 0; k < this.cells.length; k++) {
      if (used.has(k) || ignored.has(k)) continue;
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
