import { z } from "zod";
import { FEATURES } from "./features.ts";
import { ruleDefinition } from "./rules.ts";

/** The segments API's shapes (validated on the way in, documented in the OpenAPI description). */

const num = z.number().nullable();
const feature = z.enum(FEATURES);
const stated = z.object({ value: num, lower: num, upper: num, enough: z.boolean() });

export const profileOut = z.object({
  size: z.number(),
  share: z.number(),
  means: z.record(z.string(), num),
  lift: z.record(z.string(), z.number()),
  distinctive: z.array(z.object({ feature, lift: z.number() })),
});

const persona = z.object({
  needs: z.string().max(5000),
  jobs: z.string().max(5000),
  valueProposition: z.string().max(5000),
});

export const segmentOut = z.object({
  id: z.number(),
  kind: z.enum(["rfm", "cluster", "rule", "manual"]),
  code: z.string().nullable(),
  name: z.string(),
  computedName: z.string(),
  customName: z.string().nullable(),
  description: z.string().nullable(),
  ownerId: z.number().nullable(),
  ownerName: z.string().nullable(),
  isTarget: z.boolean(),
  size: z.number(),
  profile: profileOut.nullable(),
  definition: z.record(z.string(), z.unknown()),
  persona,
  retired: z.boolean(),
  updatedAt: z.string(),
});

export const segmentViewOut = segmentOut.extend({
  share: num,
  topProblems: z.array(
    z.object({ problemId: z.number(), label: z.string(), customers: z.number(), mentions: z.number() }),
  ),
  cci: stated.nullable(),
  nps: stated.extend({ n: z.number() }).nullable(),
});

export const runOut = z
  .object({
    asOf: z.string().nullable(),
    customers: z.number(),
    k: z.number().nullable(),
    silhouette: z.array(z.object({ k: z.number(), silhouette: z.number() })),
    features: z.array(feature),
    base: z.record(z.string(), num),
    ms: z.number(),
    builtAt: z.string(),
  })
  .nullable();

export const reportOut = z.object({
  run: runOut,
  segments: z.array(segmentViewOut),
  members: z.array(z.object({ id: z.number(), name: z.string() })).optional(),
  options: z.object({
    locations: z.array(z.object({ id: z.number(), name: z.string() })),
    channels: z.array(z.string()),
  }),
});

export const detailOut = z.object({
  segment: segmentViewOut,
  quotes: z.array(
    z.object({
      feedbackId: z.number(),
      kind: z.enum(["nps", "csat", "ces"]),
      score: z.number(),
      comment: z.string(),
      language: z.string().nullable(),
      createdAt: z.string(),
    }),
  ),
  run: runOut,
});

const name = z.string().trim().min(1).max(200);

export const createBody = z
  .object({
    name,
    description: z.string().max(2000).nullable().optional(),
    definition: ruleDefinition,
    ownerId: z.number().int().positive().nullable().optional(),
    isTarget: z.boolean().optional(),
    persona: persona.partial().optional(),
  })
  .strict();

export const updateBody = z
  .object({
    name: name.optional(),
    description: z.string().max(2000).nullable().optional(),
    definition: ruleDefinition.optional(),
    ownerId: z.number().int().positive().nullable().optional(),
    isTarget: z.boolean().optional(),
    persona: persona.partial().optional(),
  })
  .strict();

export const previewBody = z.object({ definition: ruleDefinition }).strict();

export const rebuildOut = z.object({
  customers: z.number(),
  asOf: z.string().nullable(),
  k: z.number().nullable(),
  segments: z.number(),
  ms: z.record(z.string(), z.number()),
});
