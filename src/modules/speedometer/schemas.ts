import { z } from "zod";
import { MONTH_RE } from "./months.ts";
import { componentKeys } from "./types.ts";

/** The speedometer API's shapes (they feed the OpenAPI docs at /api/docs). */

const num = z.number().nullable();
const month = z.string().regex(MONTH_RE, "a month like 2025-03");
const change = z.enum(["up", "down", "no_change", "unknown"]);
const dimension = z.enum(["location", "channel", "segment"]);

export const speedometerQuery = z.object({
  from: month.optional(),
  to: month.optional(),
  by: dimension.optional(),
  location: z.string().min(1).max(200).optional(),
  channel: z.string().min(1).max(200).optional(),
  segment: z.string().min(1).max(200).optional(),
});

const proportion = z.object({
  numerator: z.number(),
  denominator: z.number(),
  value: num.describe("0–1; null when n < 30 (not enough data)"),
  lower: num,
  upper: num,
  n: z.number().describe("sample size the 30-minimum applies to"),
  effectiveN: z.number().describe("size the interval uses (Kish's effective n for revenue shares)"),
  enough: z.boolean(),
});
const compared = { change, pValue: num };
const explained = { formulaKey: z.string(), formula: z.string() };

const cci = z.object({
  value: num.describe("0–100"),
  lower: num,
  upper: num,
  standardError: num,
  enough: z.boolean(),
  weightsUsed: z.partialRecord(z.enum(componentKeys), z.number()),
});
const npsShape = z.object({
  value: num.describe("−100…100"),
  lower: num,
  upper: num,
  n: z.number(),
  promoters: z.number(),
  passives: z.number(),
  detractors: z.number(),
  enough: z.boolean(),
});
const meanShape = z.object({
  value: num,
  lower: num,
  upper: num,
  n: z.number(),
  sum: z.number(),
  enough: z.boolean(),
});

const component = proportion.extend({
  key: z.enum(componentKeys),
  unit: z.enum(["customers", "revenue", "orders"]),
  weight: z.number(),
  weightUsed: num,
  previous: proportion,
  ...explained,
  ...compared,
});

const trendPoint = z.object({
  month,
  partial: z.boolean(),
  cci: z.object({ value: num, lower: num, upper: num, enough: z.boolean(), ...compared }),
  components: z.record(z.enum(componentKeys), proportion.extend(compared)),
  nps: z.object({ value: num, lower: num, upper: num, n: z.number(), enough: z.boolean(), ...compared }),
});

const gapRow = z.object({
  value: z.string(),
  label: z.string(),
  cci: z.object({ value: num, lower: num, upper: num, enough: z.boolean() }),
  cciRank: num,
  nps: z.object({ value: num, lower: num, upper: num, n: z.number(), enough: z.boolean() }),
  npsRank: num,
  disagree: z.boolean(),
});

const option = z.object({ value: z.string(), label: z.string() });

export const speedometerResponse = z.object({
  workspace: z.object({ id: z.number(), slug: z.string(), timeZone: z.string(), currency: z.string() }),
  settings: z.object({
    windowDays: z.number(),
    weights: z.record(z.enum(componentKeys), z.number()),
    minSample: z.number(),
  }),
  freshness: z.object({
    rebuiltAt: z.date().nullable(),
    refreshedAt: z.date().nullable(),
    firstMonth: month.nullable(),
    lastMonth: month.nullable(),
    needsRebuild: z.boolean(),
  }),
  period: z.object({
    from: month,
    to: month,
    months: z.number(),
    previousFrom: month,
    previousTo: month,
    trendFrom: month,
    partial: z.boolean(),
  }),
  filter: z.object({ dim: dimension, value: z.string(), label: z.string() }).nullable(),
  cci: cci.extend({ previous: cci, ...explained, ...compared }),
  components: z.array(component),
  stated: z.object({
    nps: npsShape.extend({ previous: npsShape, ...explained, ...compared }),
    csat: proportion.extend({ previous: proportion, ...explained, ...compared }),
    ces: meanShape.extend({ previous: meanShape, ...explained, ...compared }),
  }),
  trend: z.array(trendPoint),
  gap: z.object({ by: dimension, rows: z.array(gapRow) }),
  dimensions: z.object({ location: z.array(option), channel: z.array(option), segment: z.array(option) }),
});
