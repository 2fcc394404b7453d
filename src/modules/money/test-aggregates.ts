/**
 * Test-only: what store.ts's SQL streams (day-level occasions per customer, sorted), computed in plain
 * TypeScript from transactions, folded by the same accumulator, so the pure layers can be tested on
 * CDNOW without a database.
 */
import { type AggregateDays, type CustomerAggregates, occasionAccumulator } from "./aggregates.ts";
import { type Transaction, utcDay } from "./summary.ts";

export function aggregatesFromTransactions(
  transactions: readonly Transaction[],
  days: AggregateDays,
): CustomerAggregates {
  const occasions = new Map<string, number>();
  for (const t of transactions) {
    const key = `${t.customerId}|${utcDay(t.time)}`;
    occasions.set(key, (occasions.get(key) ?? 0) + t.amount);
  }
  const rows = [...occasions].map(([key, value]) => {
    const [customer, day] = key.split("|").map(Number) as [number, number];
    return { customer, day, value };
  });
  rows.sort((a, b) => a.customer - b.customer || a.day - b.day);
  const acc = occasionAccumulator(days);
  for (const r of rows) acc.add(r.customer, r.day, r.value);
  return acc.finish();
}
