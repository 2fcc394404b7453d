import { Stack, Text, Tooltip, UnstyledButton } from "@mantine/core";
import type { ReactNode } from "react";
import { formatParts, intlLocale, minorDigits } from "../../i18n/format.ts";
import { formatNumber, type Language, useI18n } from "../../i18n/index.ts";
import { Tag } from "../intake/tag.tsx";
import type { MoneyAtStake, ProblemItem, ScoreParts, Status, Trend } from "./problems-api.ts";
import { explainScore, round, sparkPoints } from "./score.ts";

const W = 80;
const H = 28;

/** Twelve months of mentions as a line; the numbers are in its label and tooltip for those who read. */
export function Sparkline({ problem }: { problem: ProblemItem }) {
  const { t, language } = useI18n();
  const values = problem.sparkline.map((s) => s.mentions);
  const month = (m: string) =>
    new Intl.DateTimeFormat(language, { month: "short", year: "2-digit", timeZone: "UTC" }).format(
      new Date(`${m}-01T00:00:00Z`),
    );
  const text = problem.sparkline
    .map((s) => `${month(s.month)}: ${formatNumber(s.mentions, language)}`)
    .join(", ");
  const colour =
    problem.trend === "up"
      ? "var(--mantine-color-red-8)"
      : problem.trend === "down"
        ? "var(--mantine-color-teal-8)"
        : "var(--mantine-color-indigo-7)";
  const label = t("problemsPage.sparkline.label", {
    trend: t(`problemsPage.trend.${problem.trend}`),
    months: text,
  });
  return (
    <Tooltip label={label} multiline w={280} withArrow events={{ hover: true, focus: true, touch: true }}>
      <UnstyledButton
        aria-label={label}
        data-testid="sparkline"
        style={{ display: "inline-flex", alignItems: "center", gap: 6 }}
      >
        <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true" focusable="false">
          <line
            x1="2"
            x2={W - 2}
            y1={H - 2}
            y2={H - 2}
            stroke="var(--mantine-color-gray-4)"
            strokeWidth="1"
          />
          <polyline
            points={sparkPoints(values, W, H)}
            fill="none"
            stroke={colour}
            strokeWidth="2"
            strokeLinejoin="round"
          />
        </svg>
        <TrendMark trend={problem.trend} />
      </UnstyledButton>
    </Tooltip>
  );
}

export function TrendMark({ trend }: { trend: Trend }) {
  const { t } = useI18n();
  const arrow = trend === "up" ? "↑" : trend === "down" ? "↓" : "→";
  const c = trend === "up" ? "red.9" : trend === "down" ? "teal.9" : "gray.7";
  return (
    <Text span size="sm" fw={700} c={c} title={t(`problemsPage.trend.${trend}`)}>
      <span aria-hidden="true">{arrow}</span>
    </Text>
  );
}

export const percent = (x: number, language: Language, signed = true) =>
  formatNumber(x, language, {
    style: "percent",
    maximumFractionDigits: 0,
    signDisplay: signed ? "exceptZero" : "auto",
  });

/** The formula behind each part, with this problem's own numbers. */
export function useExplain() {
  const { t, language } = useI18n();
  const n = (x: number, digits = 2) => formatNumber(round(x, digits), language);
  return {
    growth: (p: ScoreParts) => {
      const e = explainScore(p);
      return [
        t("problemsPage.explain.growth", {
          recent: n(p.recentMentions),
          expected: n(p.expectedRecent, 1),
          mentions: n(p.mentions),
          growth: percent(e.rawGrowth, language),
        }),
        e.bounded ? t("problemsPage.explain.bounded", { growth: percent(e.growth, language) }) : "",
      ].join(" ");
    },
    severity: (p: ScoreParts) =>
      t("problemsPage.explain.severity", {
        severe: n(p.severeMentions),
        mentions: n(p.mentions),
        severity: n(explainScore(p).severity),
      }),
    customers: (p: ScoreParts) => t("problemsPage.explain.customers", { customers: n(p.customers) }),
    score: (p: ScoreParts) => {
      const e = explainScore(p);
      return t("problemsPage.explain.score", {
        customers: n(p.customers),
        growth: n(e.growth),
        severity: n(e.severity),
        score: n(p.score, 1),
      });
    },
    money: (m: MoneyAtStake) =>
      t(m.source === "clv" ? "problemsPage.explain.moneyClv" : "problemsPage.explain.moneyRevenue", {
        counted: n(m.counted),
        customers: n(m.customers),
      }),
  };
}

/** A figure whose formula opens on hover or keyboard focus. */
export function Explained({ value, why, testId }: { value: ReactNode; why: string; testId?: string }) {
  return (
    <Tooltip label={why} multiline w={320} withArrow events={{ hover: true, focus: true, touch: true }}>
      <UnstyledButton
        fz="sm"
        aria-description={why}
        data-testid={testId}
        style={{
          borderBottom: "1px dotted var(--mantine-color-gray-6)",
          cursor: "help",
          whiteSpace: "nowrap",
        }}
      >
        {value}
      </UnstyledButton>
    </Tooltip>
  );
}

export function MoneyValue({ money }: { money: MoneyAtStake }) {
  const { language } = useI18n();
  const explain = useExplain();
  // Whole units read faster in a ranking; the CSV keeps the cents.
  const format = new Intl.NumberFormat(intlLocale[language], {
    style: "currency",
    currency: money.currency,
    maximumFractionDigits: 0,
  });
  const whole = formatParts(format, money.amount / 10 ** minorDigits(money.currency));
  return <Explained value={whole} why={explain.money(money)} testId="money" />;
}

const statusTone: Record<Status, "good" | "info" | "warn" | "bad" | "neutral"> = {
  new: "bad",
  acknowledged: "warn",
  in_progress: "info",
  solved: "good",
  wont_fix: "neutral",
};

export function StatusTag({ status }: { status: Status }) {
  const { t } = useI18n();
  return <Tag tone={statusTone[status]}>{t(`problemsPage.status.${status}`)}</Tag>;
}

/** One labelled figure of a problem's page. */
export function Figure({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Stack gap={2} data-testid={testId}>
      <Text size="xs" c="gray.7" fw={600} tt="uppercase">
        {label}
      </Text>
      <Text fz="lg" fw={700} component="div">
        {children}
      </Text>
    </Stack>
  );
}
