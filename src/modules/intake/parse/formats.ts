import { type DateOrder, type DateOrderDecision, inferDateOrder } from "./dates.ts";
import { ENTITIES } from "./fields.ts";
import type { Mapping } from "./mapping.ts";
import { type DecimalDecision, type DecimalSeparator, inferDecimalSeparator } from "./numbers.ts";
import type { RawCell, SourceRow } from "./source.ts";

/** Per field, how its column writes dates and decimals: decided once from a sample, then fixed. */
export type ColumnFormats = {
  dates: Readonly<Record<string, DateOrderDecision>>;
  decimals: Readonly<Record<string, DecimalDecision>>;
};

export type FormatHints = { dateOrder?: DateOrder; decimal?: DecimalSeparator };

function* columnValues(rows: readonly SourceRow[], index: number): Generator<RawCell> {
  for (const row of rows) if (!row.issue) yield row.cells[index];
}

/**
 * Looks at every mapped date and money column of the sample (the preview rows, or the first batch) and
 * decides d/m vs m/d and comma vs dot per column. Hints (`--date-order`, `--decimal`) win over the sample.
 */
export const inferColumnFormats = (
  mapping: Mapping,
  sample: readonly SourceRow[],
  hints: FormatHints = {},
): ColumnFormats => {
  const dates: Record<string, DateOrderDecision> = {};
  const decimals: Record<string, DecimalDecision> = {};
  for (const field of ENTITIES[mapping.entity].fields) {
    const index = mapping.byField[field.name];
    if (index === undefined) continue;
    if (field.type === "datetime") {
      dates[field.name] = hints.dateOrder
        ? { order: hints.dateOrder, decidedBy: "given", dayFirstVotes: 0, monthFirstVotes: 0 }
        : inferDateOrder(columnValues(sample, index));
    } else if (field.type === "money") {
      decimals[field.name] = hints.decimal
        ? { separator: hints.decimal, decidedBy: "given", commaVotes: 0, dotVotes: 0 }
        : inferDecimalSeparator(columnValues(sample, index));
    }
  }
  return { dates, decimals };
};
