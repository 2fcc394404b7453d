import { z } from "zod";

/** The problems API's shapes (they feed the OpenAPI docs at /api/docs). */

import { CHANNELS } from "../../platform/domain/channels.ts";

export { CHANNELS };
export const STATUSES = ["new", "acknowledged", "in_progress", "solved", "wont_fix"] as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2025-03-31");
const flag = z.enum(["true", "false"]).transform((v) => v === "true");

export const wsParams = z.object({ ws: z.string().min(1).max(64) });
export const idParams = wsParams.extend({ id: z.coerce.number().int().positive() });
export const mentionParams = idParams.extend({
  mid: z.string().regex(/^(request|feedback|audit)-\d{1,18}$/, "like request-12"),
});
export const initiativeParams = idParams.extend({ initiativeId: z.coerce.number().int().positive() });
export const notificationParams = wsParams.extend({ nid: z.coerce.number().int().positive() });

export const listQuery = z.object({
  window: z.coerce.number().int().min(7).max(730).optional().describe("days, default 90"),
  from: z.coerce.date().optional().describe("start of the period (instead of window)"),
  to: z.coerce.date().optional().describe("end of the period, default now"),
  channel: z.enum(CHANNELS).optional(),
  location: z.coerce.number().int().positive().optional(),
  segment: z.coerce.number().int().positive().optional(),
  dismissed: flag.optional().describe("also list problems marked 'not a problem'"),
});

export const detailQuery = listQuery.extend({
  source: z.enum(["request", "feedback", "audit"]).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const parts = z.object({
  customers: z.number().describe("unique customers affected in the window"),
  mentions: z.number(),
  recentMentions: z.number().describe("mentions in the last 30 days"),
  expectedRecent: z.number().describe("what the last 30 days would hold at the window's rate"),
  rawGrowth: z.number(),
  growth: z.number().describe("recent / expected − 1, bounded to [−0.5, 2]"),
  severeMentions: z.number().describe("from detractors, 1–2 star ratings or customers who did not buy again"),
  severity: z.number().describe("1 + severe share"),
  score: z.number().describe("customers × (1 + growth) × severity"),
});

const money = z.object({
  amount: z.number().describe("minor units"),
  currency: z.string(),
  source: z.enum(["clv", "revenue_12m"]),
  customers: z.number(),
  counted: z.number().describe("affected customers who have not bought since"),
});

export const problemItem = z.object({
  rank: z.number().describe("1 = worst; 0 when not ranked (dismissed, merged, no mentions in the window)"),
  top: z.boolean(),
  id: z.number(),
  label: z.string(),
  customLabel: z.string().nullable(),
  displayLabel: z.string(),
  labelLang: z.string().nullable(),
  phrases: z.array(z.string()),
  status: z.enum(STATUSES),
  owner: z.object({ id: z.number(), name: z.string() }).nullable(),
  dueDate: z.string().nullable(),
  dismissed: z.boolean(),
  parts,
  money,
  sparkline: z.array(z.object({ month: z.string(), mentions: z.number() })),
  trend: z.enum(["up", "down", "flat"]),
  trendCounts: z.object({ lastHalfYear: z.number(), halfYearBefore: z.number() }),
  initiatives: z.number(),
  createdAt: z.date(),
  solvedAt: z.date().nullable(),
  reopenedAt: z.date().nullable(),
});

const windowOut = z.object({ from: z.date(), to: z.date(), days: z.number() });

export const listResponse = z.object({
  window: windowOut,
  months: z.array(z.string()),
  problems: z.array(problemItem),
  unsorted: z.number().describe("complaint texts in the window that belong to no problem yet"),
  lastClustering: z.object({ builtAt: z.date(), texts: z.number(), problems: z.number() }).nullable(),
});

const mention = z.object({
  id: z.string().describe("stable mention id, e.g. request-12"),
  source: z.enum(["request", "feedback", "audit"]),
  sourceId: z.number(),
  text: z.string(),
  customer: z.object({ id: z.number(), name: z.string().nullable() }).nullable(),
  channel: z.string().nullable(),
  location: z.object({ id: z.number(), name: z.string().nullable() }).nullable(),
  createdAt: z.date(),
  similarity: z.number(),
  manual: z.boolean(),
  score: z.string().nullable(),
});

export const detailResponse = z.object({
  window: windowOut,
  problem: problemItem.extend({
    mergedInto: z.number().nullable(),
    splitFrom: z.number().nullable(),
    dissolvedAt: z.date().nullable(),
    mergedFrom: z.array(z.object({ id: z.number(), label: z.string() })),
  }),
  quotes: z.array(z.object({ mentionId: z.string(), text: z.string(), createdAt: z.date() })),
  mentions: z.object({ total: z.number(), offset: z.number(), limit: z.number(), items: z.array(mention) }),
  history: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      actor: z.object({ id: z.number(), name: z.string().nullable() }).nullable(),
      payload: z.record(z.string(), z.unknown()),
      createdAt: z.date(),
    }),
  ),
  comments: z.array(
    z.object({
      id: z.number(),
      author: z.object({ id: z.number(), name: z.string().nullable() }).nullable(),
      body: z.string(),
      createdAt: z.date(),
    }),
  ),
  initiatives: z.array(
    z.object({
      id: z.number(),
      title: z.string(),
      kind: z.string(),
      status: z.string(),
      startedAt: z.date(),
      linkedAt: z.date(),
      before: z.number().describe("mentions in the 180 days before the start (with the page's filters)"),
      after: z.number().describe("mentions from 30 days after the start, up to 180 days"),
      afterDays: z.number(),
      per30Before: z.number(),
      per30After: z.number().nullable().describe("null until 30 days of effect have passed"),
      change: z.enum(["up", "down", "flat"]).describe("rate after vs before, at 95%"),
    }),
  ),
});

export const patchBody = z
  .object({
    customLabel: z
      .string()
      .max(200)
      .nullable()
      .optional()
      .describe("rename; null or empty restores the automatic name"),
    ownerId: z.number().int().positive().nullable().optional(),
    status: z.enum(STATUSES).optional(),
    dueDate: day.nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), "Send at least one field to change");

export const mergeBody = z.object({
  ids: z.array(z.number().int().positive()).min(1).max(50).describe("problems to merge into this one"),
});
export const splitBody = z.object({
  mentionIds: z
    .array(z.string().regex(/^(request|feedback|audit)-\d{1,18}$/))
    .min(1)
    .max(10_000),
  label: z.string().max(200).nullable().optional(),
});
export const moveBody = z.object({
  to: z.number().int().positive().nullable().describe("null: not about any problem"),
});
export const notAProblemBody = z.object({ undo: z.boolean().default(false) });
export const commentBody = z.object({ body: z.string().trim().min(1).max(10_000) });
export const linkBody = z.object({ initiativeId: z.number().int().positive() });

export const reclusterResponse = z.object({
  texts: z.number(),
  problems: z.number(),
  matched: z.number(),
  created: z.number(),
  dissolved: z.number(),
  unsorted: z.number(),
  reopened: z.array(z.number()),
  ms: z.number(),
});

export const notificationsResponse = z.object({
  notifications: z.array(
    z.object({
      id: z.number(),
      kind: z.string(),
      payload: z.record(z.string(), z.unknown()),
      createdAt: z.date(),
      readAt: z.date().nullable(),
    }),
  ),
});
