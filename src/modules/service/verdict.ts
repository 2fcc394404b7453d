import type { Channel, Proportion } from "./types.ts";

/**
 * The page's plain sentences, as message keys with numbers so the web app says them in ru/uk/en
 * (keys live under `service.verdict.*` in the i18n files); `english` renders them for the CLI.
 * Thresholds are stated here once: a gap "matters" from a fifth of demand outside the hours and an
 * hour of extra waiting; a channel is "not answered" when fewer than half its requests got an answer.
 */

export type Tone = "bad" | "warn" | "good" | "info";
export const VERDICT_KEYS = [
  "outside_hours_wait_longer",
  "outside_hours_covered",
  "outside_hours_rare",
  "not_enough_data",
  "unanswered_channels",
  "slowest_channel",
  "sla_met",
  "two_channel_customers",
  "wait_cancellation",
] as const;
export type VerdictKey = (typeof VERDICT_KEYS)[number];

export type Verdict = { key: VerdictKey; tone: Tone; values: Record<string, number | string | string[]> };

export const OUTSIDE_SHARE_MATTERS = 0.2;
export const EXTRA_WAIT_MATTERS_HOURS = 1;
export const UNANSWERED_BELOW = 0.5;
const MIN_N = 30;

export type VerdictInput = {
  outside: Proportion;
  medianInsideHours: number | null;
  medianOutsideHours: number | null;
  channels: Array<{
    channel: Channel;
    requests: number;
    answered: Proportion;
    medianFirstResponseHours: number | null;
  }>;
  slaFirstResponse: Proportion;
  twoChannelCustomers: number;
  waitBuckets: Array<{ label: string; cancellation: Proportion }>;
};

/** Hours to a tenth, or to a hundredth (36 s) below one hour, so that minutes survive. */
const round1 = (x: number) => (Math.abs(x) < 1 ? Math.round(x * 100) / 100 : Math.round(x * 10) / 10);
const percent = (x: number) => Math.round(x * 100);

export function verdicts(v: VerdictInput): Verdict[] {
  const out: Verdict[] = [];
  const o = v.outside;
  if (!o.enough || o.value === null) {
    out.push({ key: "not_enough_data", tone: "info", values: { requests: o.denominator, needed: MIN_N } });
  } else {
    const extra =
      v.medianOutsideHours !== null && v.medianInsideHours !== null
        ? v.medianOutsideHours - v.medianInsideHours
        : null;
    const share = percent(o.value);
    if (o.value < OUTSIDE_SHARE_MATTERS) {
      out.push({
        key: "outside_hours_rare",
        tone: "good",
        values: { sharePercent: share, requests: o.numerator },
      });
    } else if (extra !== null && extra >= EXTRA_WAIT_MATTERS_HOURS) {
      out.push({
        key: "outside_hours_wait_longer",
        tone: "bad",
        values: {
          sharePercent: share,
          requests: o.numerator,
          extraHours: round1(extra),
          medianOutsideHours: round1(v.medianOutsideHours as number),
          medianInsideHours: round1(v.medianInsideHours as number),
        },
      });
    } else {
      out.push({
        key: "outside_hours_covered",
        tone: "good",
        values: { sharePercent: share, requests: o.numerator, extraHours: round1(extra ?? 0) },
      });
    }
  }
  const unanswered = v.channels.filter(
    (c) => c.requests >= MIN_N && c.answered.value !== null && c.answered.value < UNANSWERED_BELOW,
  );
  if (unanswered.length > 0) {
    out.push({
      key: "unanswered_channels",
      tone: "bad",
      values: {
        channels: unanswered.map((c) => c.channel),
        requests: unanswered.reduce((s, c) => s + c.requests, 0),
        answeredPercent: percent(
          unanswered.reduce((s, c) => s + c.answered.numerator, 0) /
            unanswered.reduce((s, c) => s + c.requests, 0),
        ),
      },
    });
  }
  const timed = v.channels.filter(
    (c) => c.answered.numerator >= MIN_N && c.medianFirstResponseHours !== null,
  );
  if (timed.length >= 2) {
    const sorted = [...timed].sort(
      (a, b) => (a.medianFirstResponseHours as number) - (b.medianFirstResponseHours as number),
    );
    const fast = sorted[0] as (typeof timed)[number];
    const slow = sorted[sorted.length - 1] as (typeof timed)[number];
    const ratio =
      (slow.medianFirstResponseHours as number) / Math.max(1 / 60, fast.medianFirstResponseHours as number);
    if (ratio >= 3) {
      out.push({
        key: "slowest_channel",
        tone: "warn",
        values: {
          channel: slow.channel,
          medianHours: round1(slow.medianFirstResponseHours as number),
          fastestChannel: fast.channel,
          fastestMedianHours: round1(fast.medianFirstResponseHours as number),
        },
      });
    }
  }
  const sla = v.slaFirstResponse;
  if (sla.enough && sla.value !== null) {
    const tone: Tone = sla.value >= 0.9 ? "good" : sla.value >= 0.75 ? "warn" : "bad";
    out.push({
      key: "sla_met",
      tone,
      values: { metPercent: percent(sla.value), breached: sla.denominator - sla.numerator },
    });
  }
  if (v.twoChannelCustomers > 0) {
    out.push({ key: "two_channel_customers", tone: "warn", values: { customers: v.twoChannelCustomers } });
  }
  const waits = waitVerdict(v.waitBuckets);
  if (waits) out.push(waits);
  return out;
}

/**
 * "How long customers are willing to wait": the first wait bucket whose cancellation rate is clearly
 * above the no-wait rate (its interval lies wholly above the no-wait interval).
 */
function waitVerdict(buckets: VerdictInput["waitBuckets"]): Verdict | null {
  const base = buckets[0]?.cancellation;
  if (!base?.enough || base.value === null || base.upper === null) return null;
  for (const b of buckets.slice(1)) {
    const c = b.cancellation;
    if (c.enough && c.value !== null && c.lower !== null && c.lower > base.upper) {
      return {
        key: "wait_cancellation",
        tone: "bad",
        values: { bucket: b.label, cancelPercent: percent(c.value), baseCancelPercent: percent(base.value) },
      };
    }
  }
  return null;
}

const hours = (x: unknown): string => {
  const n = Number(x);
  return n < 1 ? `${Math.round(n * 60)} min` : `${n} h`;
};

/** English sentences for the CLI; the web app has its own in three languages. */
export function english(v: Verdict): string {
  const x = v.values;
  switch (v.key) {
    case "outside_hours_wait_longer":
      return `${x.sharePercent}% of requests arrive when nobody answers; they wait ${hours(x.extraHours)} longer for a first answer (median ${hours(x.medianOutsideHours)} vs ${hours(x.medianInsideHours)}).`;
    case "outside_hours_covered":
      return `${x.sharePercent}% of requests arrive outside working hours, and they are answered about as fast.`;
    case "outside_hours_rare":
      return `Only ${x.sharePercent}% of requests arrive outside working hours.`;
    case "not_enough_data":
      return `Not enough requests to judge (${x.requests}; at least ${x.needed} needed).`;
    case "unanswered_channels":
      return `Customers write through ${(x.channels as string[]).join(", ")}, but only ${x.answeredPercent}% of those ${x.requests} requests get an answer.`;
    case "slowest_channel":
      return `${x.channel} is the slowest channel: a median ${hours(x.medianHours)} to a first answer, against ${hours(x.fastestMedianHours)} in ${x.fastestChannel}.`;
    case "sla_met":
      return `First-response promises kept: ${x.metPercent}% (${x.breached} broken).`;
    case "two_channel_customers":
      return `${x.customers} customers had to try a second channel for the same matter.`;
    case "wait_cancellation":
      return `After a wait of ${x.bucket} days, ${x.cancelPercent}% of orders are cancelled (${x.baseCancelPercent}% without a wait).`;
  }
}
