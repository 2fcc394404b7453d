/** The vocabulary of the service module; the unions mirror the CHECK constraints of migrations/0002. */

import { CHANNELS, type Channel } from "../../platform/domain/channels.ts";

export { CHANNELS, type Channel };

export const KINDS = ["complaint", "question", "suggestion", "praise"] as const;
export type Kind = (typeof KINDS)[number];

export const isChannel = (s: string): s is Channel => (CHANNELS as readonly string[]).includes(s);
export const isKind = (s: string): s is Kind => (KINDS as readonly string[]).includes(s);

/** "YYYY-MM", a calendar month in the workspace's time zone. */
export type Month = string;

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** A share with its 95% Wilson interval; `value` is null below the sample minimum (DOMAIN.md: 30). */
export type Proportion = {
  numerator: number;
  denominator: number;
  value: number | null;
  lower: number | null;
  upper: number | null;
  enough: boolean;
};
