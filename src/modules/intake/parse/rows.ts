import { AppError } from "../../../platform/errors.ts";
import { isCurrencyCode } from "./currency.ts";
import { OccurrenceCounter } from "./derive-id.ts";
import type { EntityKind } from "./fields.ts";
import { inferColumnFormats } from "./formats.ts";
import type { RowIssue } from "./issues.ts";
import type { Mapping } from "./mapping.ts";
import type { DecimalSeparator } from "./numbers.ts";
import { type Builder, builders } from "./row-builders.ts";
import { type ConvertOptions, RowContext } from "./row-context.ts";
import type { EntityRows } from "./row-types.ts";
import type { SourceRow } from "./source.ts";
import { isValidTimeZone } from "./time-zone.ts";

export type { ConvertOptions } from "./row-context.ts";
export type { CustomerRef, CustomerRow, EntityRows, FeedbackRow, OrderRow, RequestRow } from "./row-types.ts";

export type RowResult<T> =
  | { ok: true; row: T; warnings: RowIssue[] }
  | { ok: false; errors: RowIssue[]; warnings: RowIssue[] };

export type ConvertedBatch<T> = { rows: T[]; errors: RowIssue[]; warnings: RowIssue[] };

export type RowConverter<T> = {
  convert(row: SourceRow): RowResult<T>;
  /** Converts a batch; the first call decides column formats from its rows unless options.formats was given. */
  convertBatch(rows: readonly SourceRow[]): ConvertedBatch<T>;
  /** The decimal mark decided for a money field (null: undecided or not mapped). */
  decimalOf(field: string): DecimalSeparator | null;
};

/**
 * Turns reader rows into validated rows of one entity. Stateful (the duplicate counter for derived ids,
 * the column formats): one converter per file, rows in file order.
 */
export const createRowConverter = <E extends EntityKind>(
  mapping: Mapping<E>,
  options: ConvertOptions,
): RowConverter<EntityRows[E]> => {
  // Settings errors are the caller's, not the file's: fail before the first row.
  if (!isValidTimeZone(options.timeZone))
    throw new AppError("bad_request", `unknown time zone "${options.timeZone}"`, {
      timeZone: options.timeZone,
    });
  if (!isCurrencyCode(options.currency))
    throw new AppError("bad_request", `unknown currency "${options.currency}"`, {
      currency: options.currency,
    });
  const context = new RowContext(mapping, options);
  const build = (builders[mapping.entity] as Builder<EntityRows[E]>)(
    context,
    new OccurrenceCounter(options.duplicateWindow),
  );
  const convert = (row: SourceRow): RowResult<EntityRows[E]> => {
    if (row.issue) return { ok: false, errors: [row.issue], warnings: [] };
    context.begin(row);
    const built = build();
    const warnings = context.warnings.length > 0 ? [...context.warnings] : [];
    if (built && context.errors.length === 0) return { ok: true, row: built, warnings };
    return { ok: false, errors: [...context.errors], warnings };
  };
  return {
    convert,
    decimalOf: (field) => context.field(field).decimal,
    convertBatch(rows) {
      if (!context.hasFormats) context.setFormats(inferColumnFormats(mapping, rows, options.hints));
      const out: ConvertedBatch<EntityRows[E]> = { rows: [], errors: [], warnings: [] };
      // What convert() does, without its per-row result object and arrays (millions of rows).
      const { errors, warnings } = context;
      for (let k = 0; k < rows.length; k++) {
        const row = rows[k]!;
        if (row.issue) {
          out.errors.push(row.issue);
          continue;
        }
        context.begin(row);
        const built = build();
        if (built && errors.length === 0) out.rows.push(built);
        else for (let e = 0; e < errors.length; e++) out.errors.push(errors[e]!);
        for (let w = 0; w < warnings.length; w++) out.warnings.push(warnings[w]!);
      }
      return out;
    },
  };
};
