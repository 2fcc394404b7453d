import { z } from "zod";
import { type ComponentKey, componentKeys } from "./types.ts";

export type Weights = Record<ComponentKey, number>;

/** DOMAIN.md CCI: "repeat 0.30, full price 0.20, recovery 0.20, wait tolerance 0.15, referral 0.15". */
export const defaultWeights: Weights = {
  repeat: 0.3,
  fullPrice: 0.2,
  recovery: 0.2,
  waitTolerance: 0.15,
  referral: 0.15,
};

/** DOMAIN.md: "Window W is the business's purchase cycle (setting, default 90 days)". */
export const DEFAULT_WINDOW_DAYS = 90;

export type SpeedometerSettings = { windowDays: number; weights: Weights };

const weight = z.number().min(0).max(100);
export const settingsSchema = z.object({
  windowDays: z.number().int().min(7).max(730).optional(),
  weights: z
    .object(
      Object.fromEntries(componentKeys.map((k) => [k, weight.optional()])) as Record<
        ComponentKey,
        z.ZodOptional<typeof weight>
      >,
    )
    .optional(),
});

/**
 * The speedometer's settings from workspace.settings.speedometer. Anything malformed falls back to the
 * defaults rather than breaking the page; weights that are all zero fall back too.
 */
export function parseSettings(raw: unknown): SpeedometerSettings {
  const parsed = settingsSchema.safeParse(raw ?? {});
  const s = parsed.success ? parsed.data : {};
  const weights: Weights = { ...defaultWeights };
  for (const k of componentKeys) {
    const w = s.weights?.[k];
    if (w !== undefined) weights[k] = w;
  }
  const total = componentKeys.reduce((sum, k) => sum + weights[k], 0);
  return {
    windowDays: s.windowDays ?? DEFAULT_WINDOW_DAYS,
    weights: total > 0 ? weights : { ...defaultWeights },
  };
}
