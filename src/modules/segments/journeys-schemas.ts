import { z } from "zod";

/** The journey maps API's shapes (validated on the way in, documented in the OpenAPI description). */

/** The channels a request can come through (request.channel); a touchpoint names one of them. */
export const JOURNEY_CHANNELS = [
  "email",
  "phone",
  "telegram",
  "whatsapp",
  "viber",
  "vk",
  "instagram",
  "web",
  "in_person",
  "other",
] as const;
export type JourneyChannel = (typeof JOURNEY_CHANNELS)[number];

const name = z.string().trim().min(1).max(200);
const id = z.number().int().positive();
const channel = z.enum(JOURNEY_CHANNELS);

export const figuresOut = z.object({
  requests: z.number(),
  complaints: z.number(),
  /** complaints / requests; null without requests */
  complaintShare: z.number().nullable(),
  /** median wall-clock time to the first response, in hours, over the requests that got one */
  medianFirstResponseHours: z.number().nullable(),
  /** requests with a first response (the median's n) */
  responded: z.number(),
  /** mentions of the linked problems through this touchpoint */
  mentions: z.number(),
});

export const touchpointOut = z.object({
  id: z.number(),
  stageId: z.number(),
  position: z.number(),
  name: z.string(),
  channel: channel.nullable(),
  locationId: z.number().nullable(),
  locationName: z.string().nullable(),
  note: z.string(),
  problems: z.array(
    z.object({ id: z.number(), label: z.string(), status: z.string(), mentions: z.number() }),
  ),
  pain: z.boolean(),
  painSuggested: z.boolean(),
  /** null when the touchpoint names neither a channel nor a location (nothing to count) */
  figures: figuresOut.nullable(),
});

export const stageOut = z.object({
  id: z.number(),
  position: z.number(),
  name: z.string(),
  touchpoints: z.array(touchpointOut),
});

export const journeyOut = z.object({
  id: z.number(),
  name: z.string(),
  segmentId: z.number().nullable(),
  segmentName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** the figures' window: the 90 days up to the workspace's latest request */
  window: z.object({ from: z.string().nullable(), to: z.string().nullable(), days: z.number() }),
  painRule: z.object({ minRequests: z.number(), minComplaintShare: z.number() }),
  stages: z.array(stageOut),
});

export const journeySummaryOut = z.object({
  id: z.number(),
  name: z.string(),
  segmentId: z.number().nullable(),
  segmentName: z.string().nullable(),
  stages: z.number(),
  touchpoints: z.number(),
  pains: z.number(),
  updatedAt: z.string(),
});

export const journeyListOut = z.object({ journeys: z.array(journeySummaryOut) });

export const journeyOptionsOut = z.object({
  channels: z.array(channel),
  locations: z.array(z.object({ id: z.number(), name: z.string() })),
  problems: z.array(z.object({ id: z.number(), label: z.string(), status: z.string() })),
  segments: z.array(z.object({ id: z.number(), name: z.string() })),
});

export const journeyCreateBody = z.object({ name, segmentId: id.nullable().optional() }).strict();
export const journeyUpdateBody = z
  .object({ name: name.optional(), segmentId: id.nullable().optional() })
  .strict();

export const stageCreateBody = z.object({ name, position: z.number().int().min(0).optional() }).strict();
export const stageUpdateBody = z
  .object({ name: name.optional(), position: z.number().int().min(0).optional() })
  .strict();

const touchpointFields = {
  channel: channel.nullable().optional(),
  locationId: id.nullable().optional(),
  note: z.string().max(2000).optional(),
  problemIds: z.array(id).max(50).optional(),
  pain: z.boolean().optional(),
};
export const touchpointCreateBody = z
  .object({ name, position: z.number().int().min(0).optional(), ...touchpointFields })
  .strict();
export const touchpointUpdateBody = z
  .object({
    name: name.optional(),
    stageId: id.optional(),
    position: z.number().int().min(0).optional(),
    ...touchpointFields,
  })
  .strict();

export type JourneyOut = z.infer<typeof journeyOut>;
export type JourneySummary = z.infer<typeof journeySummaryOut>;
export type JourneyOptions = z.infer<typeof journeyOptionsOut>;
export type Figures = z.infer<typeof figuresOut>;
export type TouchpointCreate = z.infer<typeof touchpointCreateBody>;
export type TouchpointUpdate = z.infer<typeof touchpointUpdateBody>;
