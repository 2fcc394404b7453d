import { twoProportionZTest } from "../../platform/stats/intervals.ts";
import { normalCdf } from "../../platform/stats/special.ts";
import type { Cci } from "./cci.ts";
import type { Change, Proportion } from "./types.ts";

/** DOMAIN.md: a change is called up or down only when the test says so at 95%. */
export const SIGNIFICANCE = 0.05;

export type ChangeCall = { change: Change; difference: number | null; pValue: number | null };

const unknown: ChangeCall = { change: "unknown", difference: null, pValue: null };

const call = (difference: number, pValue: number): ChangeCall => ({
  change: pValue < SIGNIFICANCE ? (difference > 0 ? "up" : "down") : "no_change",
  difference,
  pValue,
});

/**
 * Two-proportion z-test (pooled) between a period and the one before. A revenue share enters with its
 * effective counts (value × n_eff of n_eff). Consecutive months share part of their repeat cohorts; the
 * test treats them as independent, which only makes it slower to call a change, never quicker.
 */
export function proportionChange(current: Proportion, previous: Proportion): ChangeCall {
  if (!current.enough || !previous.enough || current.value === null || previous.value === null)
    return unknown;
  const t = twoProportionZTest(
    current.value * current.effectiveN,
    current.effectiveN,
    previous.value * previous.effectiveN,
    previous.effectiveN,
  );
  return call(t.difference, t.pValue);
}

/**
 * For the CCI (and any estimate with a standard error): z = (a − b) / √(SE_a² + SE_b²). Called only when
 * both periods use the same components, so the needle is compared with itself.
 */
export function estimateChange(
  current: { value: number | null; standardError: number | null },
  previous: { value: number | null; standardError: number | null },
): ChangeCall {
  if (
    current.value === null ||
    previous.value === null ||
    current.standardError === null ||
    previous.standardError === null
  ) {
    return unknown;
  }
  const difference = current.value - previous.value;
  const se = Math.sqrt(current.standardError ** 2 + previous.standardError ** 2);
  if (se === 0)
    return {
      change: difference === 0 ? "no_change" : difference > 0 ? "up" : "down",
      difference,
      pValue: difference === 0 ? 1 : 0,
    };
  return call(difference, 2 * normalCdf(-Math.abs(difference / se)));
}

export function cciChange(current: Cci, previous: Cci): ChangeCall {
  const a = Object.keys(current.weightsUsed).sort().join();
  const b = Object.keys(previous.weightsUsed).sort().join();
  if (!current.enough || !previous.enough || a !== b) return unknown;
  return estimateChange(current, previous);
}
