import { List, Paper, SimpleGrid, ThemeIcon } from "@mantine/core";
import { useI18n } from "../../i18n/index.ts";
import type { FitView, MoneyFigures, ReadingLine } from "./money-api.ts";
import { capitalize, readingKey, readingParams } from "./money-format.ts";
import { Section, StatCard } from "./parts.tsx";
import type { Format } from "./use-format.ts";

const toneColour = { good: "teal", neutral: "gray", warning: "orange" } as const;
const toneText = { good: "teal.9", neutral: "gray.8", warning: "orange.9" } as const;

function ToneMark({ tone }: { tone: ReadingLine["tone"] }) {
  return (
    <ThemeIcon size={20} radius="xl" variant="light" color={toneColour[tone]} c={toneText[tone]} mt={2}>
      <svg width="12" height="12" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        {tone === "good" ? (
          <path d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" strokeWidth="3" />
        ) : tone === "warning" ? (
          <path
            d="M12 5v9M12 18.5v.5"
            fill="none"
            stroke="currentColor"
            strokeWidth="3"
            strokeLinecap="round"
          />
        ) : (
          <circle cx="12" cy="12" r="4" fill="currentColor" />
        )}
      </svg>
    </ThemeIcon>
  );
}

/** The plain-language reading of the figures, each line worded in the reader's language. */
export function ReadingSection({ lines, currency }: { lines: ReadingLine[]; currency: string }) {
  const { t, language } = useI18n();
  // The keys come from the server, so they are looked up untyped.
  const word = t as unknown as (key: string, params: Record<string, string>) => string;
  const groupName = (code: string) =>
    t(`moneyPage.satisfaction.names.${code}` as "moneyPage.satisfaction.names.fast");
  return (
    <Section id="money-reading" title={t("moneyPage.reading.title")}>
      <Paper withBorder p={{ base: "md", sm: "lg" }} bg="gray.0">
        <List spacing="sm" listStyleType="none" data-testid="money-reading-list">
          {lines.map((line, i) => (
            <List.Item
              // The lines have no id; their order is the server's and stable for one summary.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              key={`${line.key}-${i}`}
              icon={<ToneMark tone={line.tone} />}
              data-key={line.key}
              data-tone={line.tone}
            >
              {capitalize(word(readingKey(line.key), readingParams(line, language, currency, groupName)))}
            </List.Item>
          ))}
        </List>
      </Paper>
    </Section>
  );
}

/** The headline figures: total value, customers, who is likely active, revenue at risk. */
export function SummaryCards({ fit, figures, f }: { fit: FitView; figures: MoneyFigures; f: Format }) {
  const { t } = useI18n();
  const s = fit.settings;
  const totals = figures.totals;
  const risk = figures.atRisk;
  const settingsText = {
    months: s.horizonMonths,
    margin: f.share(s.margin),
    rate: f.share(s.annualDiscountRate),
  };
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, lg: 4 }} spacing="sm" data-testid="money-cards">
      <StatCard
        testId="card-clv"
        label={t("moneyPage.cards.clv")}
        value={f.money(totals.clv)}
        note={t("moneyPage.cards.clvNote", { months: s.horizonMonths, margin: f.share(s.margin) })}
        formula={t("moneyPage.formulas.clvTotal", settingsText)}
      />
      <StatCard
        testId="card-customers"
        label={t("moneyPage.cards.customers")}
        value={f.count(totals.customers)}
        note={t("moneyPage.cards.customersNote", { repeat: f.count(totals.repeatCustomers) })}
        formula={t("moneyPage.formulas.customers")}
      />
      <StatCard
        testId="card-active"
        label={t("moneyPage.cards.likelyActive")}
        value={f.count(totals.likelyActive)}
        note={
          totals.meanPAlive === null
            ? undefined
            : t("moneyPage.cards.likelyActiveNote", { mean: f.share(totals.meanPAlive) })
        }
        formula={`${t("moneyPage.formulas.likelyActive")} ${t("moneyPage.formulas.pAlive")}`}
      />
      <StatCard
        testId="card-at-risk"
        tone={risk.customers > 0 ? "warn" : undefined}
        label={t("moneyPage.cards.atRisk")}
        value={f.money(risk.amount)}
        note={t("moneyPage.cards.atRiskNote", {
          share: f.share(risk.share ?? 0),
          customers: f.count(risk.customers),
        })}
        formula={t("moneyPage.formulas.atRisk", {
          threshold: f.share(risk.threshold),
          days: risk.periodDays,
        })}
      />
    </SimpleGrid>
  );
}
