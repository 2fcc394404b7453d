import { addMonths, compareMonths, type Month, monthSpan } from "../speedometer/index.ts";

/**
 * The months compared: up to MAX_MONTHS complete months after the start month against the MAX_MONTHS
 * before it. The start month itself is left out on both sides: it is part before, part after.
 */
export const MAX_MONTHS = 6;

export type EffectWindows = {
  startMonth: Month;
  before: { from: Month; to: Month };
  after: { from: Month; to: Month } | null;
  monthsAfter: number;
};

export function effectWindows(startMonth: Month, lastComplete: Month, maxMonths = MAX_MONTHS): EffectWindows {
  const before = { from: addMonths(startMonth, -maxMonths), to: addMonths(startMonth, -1) };
  const firstAfter = addMonths(startMonth, 1);
  if (compareMonths(firstAfter, lastComplete) > 0) return { startMonth, before, after: null, monthsAfter: 0 };
  const cap = addMonths(startMonth, maxMonths);
  const to = compareMonths(cap, lastComplete) < 0 ? cap : lastComplete;
  return { startMonth, before, after: { from: firstAfter, to }, monthsAfter: monthSpan(firstAfter, to) };
}
