import { z } from "zod";
import { DATE_RE } from "./hours.ts";
import { MONTH_RE } from "./period.ts";
import { holidaySchema, hoursRuleSchema, slaPolicySchema, weekSchema } from "./settings.ts";
import { CHANNELS, KINDS } from "./types.ts";
import { VERDICT_KEYS } from "./verdict.ts";

/** The service API's shapes (they feed the OpenAPI docs at /api/docs). */

const month = z.string().regex(MONTH_RE, "a month like 2025-03");
const flag = z.enum(["true", "false"]).transform((v) => v === "true");
const channel = z.enum(CHANNELS);
const kind = z.enum(KINDS);
const sla = z.enum(["met", "breached", "running"]);
const num = z.number().nullable();

export const serviceQuery = z.object({
  from: month.optional().describe("first month, workspace clock; default: two months before `to`"),
  to: month.optional().describe("last month; default: the last complete month with data"),
  location: z.coerce.number().int().min(0).optional().describe("location id; 0 = requests with no location"),
  channel: channel.optional(),
  kind: kind.optional(),
});

const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

export const requestsQuery = serviceQuery.extend({
  weekday: z.coerce.number().int().min(0).max(6).optional().describe("0 = Monday"),
  hour: z.coerce.number().int().min(0).max(23).optional(),
  inHours: flag.optional(),
  month: month.optional(),
  week: z.string().regex(DATE_RE).optional().describe("the Monday of a week"),
  answered: flag.optional(),
  resolved: flag.optional(),
  firstResponseSla: sla.optional(),
  resolutionSla: sla.optional(),
  secondChannel: flag.optional(),
  ...page,
});

export const ordersQuery = serviceQuery.extend({
  waitFrom: z.coerce.number().int().min(0).optional(),
  waitTo: z.coerce.number().int().min(0).optional(),
  status: z.enum(["completed", "cancelled", "returned"]).optional(),
  weekday: z.coerce.number().int().min(0).max(6).optional(),
  hour: z.coerce.number().int().min(0).max(23).optional(),
  ...page,
});

const proportion = z.object({
  numerator: z.number(),
  denominator: z.number(),
  value: num.describe("0–1; null below 30 in the denominator (not enough data)"),
  lower: num,
  upper: num,
  enough: z.boolean(),
});
const duration = z.object({
  median: num.describe("hours"),
  p90: num.describe("hours"),
  mean: num.describe("hours"),
  n: z.number(),
});
const waits = z.object({ calendar: duration, business: duration });
const channelFigures = z.object({
  channel: channel.nullable().describe("null on the total"),
  requests: z.number(),
  answered: proportion,
  insideHours: proportion,
  firstResponse: waits,
  resolution: waits,
  sla: z.object({ firstResponse: proportion, resolution: proportion, running: z.number() }),
  secondChannelTries: z.number(),
  byHour: z
    .object({ requests: z.array(z.number()), meanFirstResponseHours: z.array(num) })
    .describe("24 entries each, index = hour of day (workspace clock)"),
});
const heatmap = z
  .object({
    counts: z.array(z.number()),
    outside: z.array(z.number()).describe("of which outside the working hours"),
    meanFirstResponseHours: z.array(num).optional(),
  })
  .describe("168 cells each, index = weekday × 24 + hour (weekday 0 = Monday, workspace clock)");
const named = z.object({ id: z.number(), name: z.string() });
const policy = z.object({
  channel: channel.nullable(),
  kind: kind.nullable(),
  clock: z.enum(["business", "calendar"]),
  firstResponseMinutes: num,
  resolutionMinutes: num,
});

export const serviceResponse = z.object({
  workspace: z.object({ id: z.number(), slug: z.string(), name: z.string(), timeZone: z.string() }),
  period: z.object({ from: z.string(), to: z.string(), months: z.number(), trendFrom: z.string() }),
  filters: z.object({ location: named.nullable(), channel: channel.nullable(), kind: kind.nullable() }),
  freshness: z.object({
    rebuiltAt: z.string().nullable(),
    refreshedAt: z.string().nullable(),
    stale: z.boolean(),
  }),
  percentiles: z.object({ method: z.enum(["exact", "binned"]), definition: z.string() }),
  hours: z.object({
    source: z.string().describe("where the hours shown come from"),
    openShare: z.array(z.number()).describe("168 cells, Monday 00–01 first: share of the hour open"),
  }),
  total: channelFigures,
  channels: z.array(channelFigures),
  heatmap: z.object({ requests: heatmap, orders: heatmap }),
  outsideHours: z.object({
    requests: proportion,
    orders: proportion,
    firstResponseInside: waits,
    firstResponseOutside: waits,
    extraWaitHours: num.describe("median calendar first response outside minus inside"),
  }),
  verdicts: z.array(
    z.object({
      key: z.enum(VERDICT_KEYS),
      tone: z.enum(["bad", "warn", "good", "info"]),
      values: z.record(z.string(), z.union([z.number(), z.string(), z.array(z.string())])),
    }),
  ),
  channelShift: z.object({
    months: z.array(z.string()),
    channels: z.array(
      z.object({
        channel,
        counts: z.array(z.number()),
        shares: z.array(num),
        firstShare: num,
        lastShare: num,
        changePoints: num,
      }),
    ),
  }),
  twoChannel: z.object({
    customers: z.number(),
    requests: z.number(),
    windowHours: z.number(),
    pairs: z.array(z.object({ from: channel, to: channel, requests: z.number() })),
  }),
  sla: z.object({
    source: z.enum(["custom", "default"]),
    policies: z.array(policy),
    byLocation: z.array(
      z.object({ location: named, requests: z.number(), firstResponse: proportion, resolution: proportion }),
    ),
    byWeek: z.array(
      z.object({ week: z.string(), requests: z.number(), firstResponse: proportion, resolution: proportion }),
    ),
  }),
  orderWaits: z.object({
    orders: z.number(),
    waited: proportion,
    medianWaitDays: num,
    p90WaitDays: num,
    distribution: z.array(
      z.object({
        waitDays: z.number(),
        orders: z.number(),
        completed: z.number(),
        cancelled: z.number(),
        returned: z.number(),
      }),
    ),
    buckets: z.array(
      z.object({
        label: z.string(),
        from: z.number(),
        to: num,
        orders: z.number(),
        cancellation: proportion,
      }),
    ),
  }),
  locations: z.array(named),
});

const str = z.string().nullable();
export const requestsResponse = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
  requests: z.array(
    z.object({
      id: z.number(),
      externalId: z.string(),
      createdAt: z.string(),
      createdLocal: z.string(),
      channel: z.string(),
      kind: z.string(),
      location: named.nullable(),
      customer: z.object({ id: z.number(), externalId: z.string() }).nullable(),
      status: z.string(),
      assignee: str,
      subject: str,
      inHours: z.boolean(),
      firstResponseAt: str,
      resolvedAt: str,
      firstResponseHours: num,
      firstResponseBusinessHours: num,
      resolutionHours: num,
      resolutionBusinessHours: num,
      firstResponseDueAt: str,
      resolutionDueAt: str,
      firstResponseSla: sla.nullable(),
      resolutionSla: sla.nullable(),
      previousChannel: str,
    }),
  ),
});

export const ordersResponse = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
  orders: z.array(
    z.object({
      id: z.number(),
      externalId: z.string(),
      orderedAt: z.string(),
      orderedLocal: z.string(),
      customerExternalId: str,
      channel: str,
      location: named.nullable(),
      status: z.string(),
      waitDays: z.number(),
      amount: z.number(),
      currency: z.string(),
    }),
  ),
});

const ruleView = hoursRuleSchema;
export const settingsResponse = z.object({
  timeZone: z.string(),
  hours: z.array(ruleView),
  holidays: z.array(holidaySchema),
  slaPolicies: z.array(slaPolicySchema),
  effective: z.object({
    fallbackHours: z.object({
      source: z.string(),
      timeZone: z.string(),
      alwaysOpen: z.boolean(),
      week: weekSchema,
    }),
    slaSource: z.enum(["custom", "default"]),
    slaPolicies: z.array(slaPolicySchema),
  }),
  locations: z.array(
    z.object({
      id: z.number(),
      name: z.string(),
      timeZone: z.string().nullable(),
      openingHours: z.object({ timeZone: z.string(), alwaysOpen: z.boolean(), week: weekSchema }).nullable(),
    }),
  ),
  stale: z.boolean().describe("the figures were computed with other settings; a rebuild is on its way"),
});
