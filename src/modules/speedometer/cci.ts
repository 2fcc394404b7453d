import { standardErrorOf, Z95 } from "./proportion.ts";
import type { Weights } from "./settings.ts";
import { type ComponentKey, componentKeys, type Proportion } from "./types.ts";

export type Cci = {
  /** 0–100, or null when no component has enough data. */
  value: number | null;
  lower: number | null;
  upper: number | null;
  standardError: number | null;
  enough: boolean;
  /** The weights actually applied: the settings' weights renormalised over the components present. */
  weightsUsed: Partial<Record<ComponentKey, number>>;
};

/**
 * DOMAIN.md CCI = 100 × weighted mean of the components that have enough data, weights renormalised over
 * the components present. `only` restricts the components further (the initiative page compares like with
 * like). Interval: delta method, treating the components as independent samples,
 * SE = 100 · √Σ (w_k · SE_k)², with SE_k read off each component's Wilson interval; clamped to [0, 100].
 */
export function computeCci(
  components: Readonly<Record<ComponentKey, Proportion>>,
  weights: Weights,
  only?: readonly ComponentKey[],
): Cci {
  const present = componentKeys.filter(
    (k) => components[k].enough && weights[k] > 0 && (only === undefined || only.includes(k)),
  );
  const total = present.reduce((s, k) => s + weights[k], 0);
  if (present.length === 0 || total <= 0) {
    return { value: null, lower: null, upper: null, standardError: null, enough: false, weightsUsed: {} };
  }
  const weightsUsed: Partial<Record<ComponentKey, number>> = {};
  let mean = 0;
  let variance = 0;
  for (const k of present) {
    const w = weights[k] / total;
    weightsUsed[k] = w;
    mean += w * (components[k].value as number);
    const se = standardErrorOf(components[k]) as number;
    variance += (w * se) ** 2;
  }
  const value = clamp100(100 * mean);
  const standardError = 100 * Math.sqrt(variance);
  return {
    value,
    lower: clamp100(value - Z95 * standardError),
    upper: clamp100(value + Z95 * standardError),
    standardError,
    enough: true,
    weightsUsed,
  };
}

const clamp100 = (x: number) => Math.min(100, Math.max(0, x));

/** The components present (with enough data) in every one of the given sets. */
export function commonComponents(
  sets: ReadonlyArray<Readonly<Record<ComponentKey, Proportion>>>,
): ComponentKey[] {
  return componentKeys.filter((k) => sets.every((s) => s[k].enough));
}
