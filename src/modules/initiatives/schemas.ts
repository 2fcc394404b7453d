import { z } from "zod";
import { componentKeys, MONTH_RE } from "../speedometer/index.ts";

/** The initiatives API's shapes (they feed the OpenAPI docs). */

const targetValue = z.union([z.string().min(1).max(200), z.number().int()]).transform(String);
export const targetSchema = z.union([
  z.object({ location: targetValue }).strict(),
  z.object({ channel: targetValue }).strict(),
  z.object({ segment: targetValue }).strict(),
  z.object({ problem: targetValue }).strict(),
  z.object({}).strict(),
]);

const kind = z.enum(["product", "process", "people"]);
const status = z.enum(["planned", "active", "done", "cancelled"]);

export const createBody = z.object({
  title: z.string().trim().min(1).max(300),
  description: z.string().max(10_000).nullable().optional(),
  kind,
  lever: z.string().max(300).nullable().optional(),
  status: status.optional(),
  startedAt: z.coerce.date(),
  cost: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional().describe("minor units"),
  currency: z
    .string()
    .regex(/^[A-Za-z]{3}$/)
    .transform((s) => s.toUpperCase())
    .optional(),
  owner: z.string().max(200).nullable().optional(),
  target: targetSchema.optional(),
  externalId: z.string().max(200).nullable().optional(),
});

export const updateBody = createBody.partial();

export const initiativeOut = z.object({
  id: z.number(),
  externalId: z.string().nullable(),
  title: z.string(),
  description: z.string().nullable(),
  kind,
  lever: z.string().nullable(),
  status,
  startedAt: z.date(),
  cost: z.number(),
  currency: z.string(),
  owner: z.string().nullable(),
  target: z.record(z.string(), z.unknown()),
  createdAt: z.date(),
  updatedAt: z.date(),
});

const num = z.number().nullable();
const cell = z.object({ value: num, lower: num, upper: num, n: z.number(), enough: z.boolean() });
const verdict = z.enum(["improved", "worsened", "no_clear_change", "not_enough_data"]);
const did = z.object({
  target: z.object({ before: cell, after: cell }),
  comparison: z.object({ before: cell, after: cell }).nullable(),
  effect: num.describe(
    "(target after − before) − (rest after − before); proportions 0–1, CCI 0–100, NPS −100–100",
  ),
  lower: num,
  upper: num,
  verdict,
});
const month = z.string().regex(MONTH_RE);

export const effectOut = z.object({
  startMonth: month,
  before: z.object({ from: month, to: month }),
  after: z.object({ from: month, to: month }).nullable(),
  monthsAfter: z.number(),
  target: z.object({
    kind: z.enum(["all", "location", "channel", "segment", "problem"]),
    value: z.string().nullable(),
    label: z.string().nullable(),
  }),
  verdict,
  reason: z
    .enum(["not_started", "no_complete_month_after_start", "unknown_target", "too_little_data"])
    .nullable(),
  needsRebuild: z.boolean(),
  estimate: z
    .object({
      cci: did.extend({ components: z.array(z.enum(componentKeys)) }),
      components: z.record(z.enum(componentKeys), did),
      nps: did,
    })
    .nullable(),
});
