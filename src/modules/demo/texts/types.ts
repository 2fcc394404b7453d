import type { Lang } from "../types.ts";

export type { Lang };

/**
 * What customers say about one problem in one language. A text is built from one core (or one short
 * outburst) with optional detail and impact sentences around it, so the phrasings differ in wording,
 * not only in the numbers filled in. Slots in braces are filled from the event: {where} {time} {day}
 * {days} {hours} {minutes} {order} {amount} {fee} {item} {itemNom} {name} {staff}.
 */
export type Phrases = {
  core: readonly string[];
  short: readonly string[];
  detail: readonly string[];
  impact: readonly string[];
};

export type ProblemTexts = Readonly<Record<Lang, Phrases>>;
