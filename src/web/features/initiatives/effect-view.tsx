import { Alert, Paper, Table, Text, Title } from "@mantine/core";
import type { EChartsCoreOption } from "echarts/core";
import { useMemo } from "react";
import { Chart } from "../../components/chart.tsx";
import { formatNumber, type Language, useI18n } from "../../i18n/index.ts";
import { Tag, type Tone } from "../intake/tag.tsx";
import { monthLabel } from "../speedometer/trend-chart.tsx";
import { type Cell, componentKeys, type Did, type Effect, type Verdict } from "./initiatives-api.ts";
import { TargetTrend } from "./target-trend.tsx";

const verdictTone: Record<Verdict, Tone> = {
  improved: "good",
  worsened: "bad",
  no_clear_change: "neutral",
  not_enough_data: "warn",
};

type Scale = "points" | "share";

/** Shares 0–1 are shown in percentage points; the CCI and NPS are points already. */
function fmt(v: number | null, scale: Scale, language: Language, signed = false): string {
  if (v === null) return "—";
  const x = scale === "share" ? v * 100 : v;
  return formatNumber(x, language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: signed ? "exceptZero" : "auto",
  });
}

function CellText({ c, scale }: { c: Cell; scale: Scale }) {
  const { t, language } = useI18n();
  if (!c.enough) {
    return (
      <Text size="sm" c="dimmed">
        {t("initiativesPage.effect.few", { n: formatNumber(Math.round(c.n), language) })}
      </Text>
    );
  }
  return (
    <Text size="sm" title={`${fmt(c.lower, scale, language)}–${fmt(c.upper, scale, language)}`}>
      {fmt(c.value, scale, language)}
      <Text span size="xs" c="dimmed">
        {" "}
        (n = {formatNumber(Math.round(c.n), language)})
      </Text>
    </Text>
  );
}

/** One line of the difference-in-differences table: four cells, the effect with its interval, the verdict. */
function DidRow({ name, d, scale, testId }: { name: string; d: Did; scale: Scale; testId: string }) {
  const { t, language } = useI18n();
  return (
    <Table.Tr data-testid={testId} data-verdict={d.verdict}>
      <Table.Td fw={600}>{name}</Table.Td>
      <Table.Td>
        <CellText c={d.target.before} scale={scale} />
      </Table.Td>
      <Table.Td>
        <CellText c={d.target.after} scale={scale} />
      </Table.Td>
      <Table.Td>{d.comparison ? <CellText c={d.comparison.before} scale={scale} /> : "—"}</Table.Td>
      <Table.Td>{d.comparison ? <CellText c={d.comparison.after} scale={scale} /> : "—"}</Table.Td>
      <Table.Td style={{ whiteSpace: "nowrap" }}>
        <Text size="sm" fw={700}>
          {fmt(d.effect, scale, language, true)}
        </Text>
        {d.lower !== null && d.upper !== null ? (
          <Text size="xs" c="dimmed">
            {t("initiativesPage.effect.interval", {
              lower: fmt(d.lower, scale, language, true),
              upper: fmt(d.upper, scale, language, true),
            })}
          </Text>
        ) : null}
      </Table.Td>
      <Table.Td>
        <Tag tone={verdictTone[d.verdict]}>
          {d.verdict === "not_enough_data"
            ? t("initiativesPage.tooLittle")
            : t(`initiativesPage.verdicts.${d.verdict}`)}
        </Tag>
      </Table.Td>
    </Table.Tr>
  );
}

/** Target and rest, before and after: the CCI as bars with their 95% intervals in the tooltip. */
function EffectChart({ d, targetName }: { d: Did; targetName: string }) {
  const { t, language } = useI18n();
  const option = useMemo((): EChartsCoreOption => {
    const periods = [t("initiativesPage.effect.before"), t("initiativesPage.effect.after")];
    const bar = (name: string, cells: [Cell, Cell], color: string) => ({
      name,
      type: "bar",
      barMaxWidth: 56,
      itemStyle: { color },
      label: {
        show: true,
        position: "top",
        color: "#212529",
        formatter: (p: { value: number | null }) => fmt(p.value, "points", language),
      },
      data: cells.map((c) => (c.enough ? c.value : null)),
    });
    const series = [bar(targetName, [d.target.before, d.target.after], "#364fc7")];
    if (d.comparison)
      series.push(
        bar(t("initiativesPage.effect.rest"), [d.comparison.before, d.comparison.after], "#adb5bd"),
      );
    return {
      animation: false,
      legend: { top: 0, textStyle: { color: "#343a40" } },
      grid: { left: 40, right: 16, top: 40, bottom: 28 },
      tooltip: { trigger: "axis" },
      xAxis: { type: "category", data: periods, axisLabel: { color: "#343a40" } },
      yAxis: { type: "value", min: 0, max: 100, axisLabel: { color: "#495057" } },
      series,
    };
  }, [d, targetName, t, language]);
  return <Chart option={option} label={t("initiativesPage.effect.chartLabel")} height={280} />;
}

/** What the pedal did: the plain answer first, then the table and the chart behind it. */
export function EffectView({
  slug,
  effect,
  targetName,
}: {
  slug: string;
  effect: Effect;
  targetName: string;
}) {
  const { t, language } = useI18n();
  const e = effect.estimate;
  const months = {
    start: monthLabel(effect.startMonth, language),
    beforeFrom: monthLabel(effect.before.from, language),
    beforeTo: monthLabel(effect.before.to, language),
    afterFrom: effect.after ? monthLabel(effect.after.from, language) : "",
    afterTo: effect.after ? monthLabel(effect.after.to, language) : "",
  };
  let sentence: string;
  if (effect.reason && effect.reason !== "too_little_data") {
    sentence = t(`initiativesPage.reasons.${effect.reason}`, {
      start: months.start,
      value: effect.target.value ?? "",
    });
  } else if (!e || effect.verdict === "not_enough_data") {
    sentence = t("initiativesPage.reasons.too_little_data");
  } else {
    const c = e.cci;
    sentence = t(
      `initiativesPage.sentences.${effect.verdict}${c.comparison ? "" : "All"}` as "initiativesPage.sentences.improved",
      {
        target: targetName,
        effect: fmt(c.effect === null ? null : Math.abs(c.effect), "points", language),
        lower: fmt(c.lower, "points", language, true),
        upper: fmt(c.upper, "points", language, true),
      },
    );
  }
  return (
    <section aria-labelledby="initiative-effect">
      <Title order={2} fz="lg" id="initiative-effect" mb="xs">
        {t("initiativesPage.effect.title")}
      </Title>
      <Alert
        color={effect.verdict === "improved" ? "teal" : effect.verdict === "worsened" ? "red" : "gray"}
        variant="light"
        mb="md"
        data-testid="effect-verdict"
        data-verdict={effect.verdict}
        data-reason={effect.reason ?? ""}
        title={t(`initiativesPage.verdicts.${effect.verdict}`)}
        styles={{ title: { color: "var(--mantine-color-black)" } }}
      >
        <Text size="sm" c="gray.9">
          {sentence}
        </Text>
        <Text size="xs" c="gray.8" mt={6}>
          {effect.after
            ? t("initiativesPage.effect.windows", { ...months, count: effect.monthsAfter })
            : t("initiativesPage.effect.windowsBefore", months)}
        </Text>
      </Alert>
      {e ? (
        <>
          <Paper withBorder p="sm" radius="md" mb="md" data-testid="effect-chart">
            <EffectChart d={e.cci} targetName={targetName} />
          </Paper>
          <TargetTrend slug={slug} effect={effect} targetName={targetName} />
          <Table.ScrollContainer minWidth={820}>
            <Table verticalSpacing="xs" fz="sm" data-testid="effect-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("initiativesPage.effect.measure")}</Table.Th>
                  <Table.Th>{t("initiativesPage.effect.targetBefore")}</Table.Th>
                  <Table.Th>{t("initiativesPage.effect.targetAfter")}</Table.Th>
                  <Table.Th>{t("initiativesPage.effect.restBefore")}</Table.Th>
                  <Table.Th>{t("initiativesPage.effect.restAfter")}</Table.Th>
                  <Table.Th>{t("initiativesPage.effect.effect")}</Table.Th>
                  <Table.Th>{t("initiativesPage.effect.verdict")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <DidRow
                  name={t("initiativesPage.effect.cci")}
                  d={e.cci}
                  scale="points"
                  testId="effect-row-cci"
                />
                {componentKeys.map((k) => (
                  <DidRow
                    key={k}
                    name={t(`speedometerPage.components.${k}.name`)}
                    d={e.components[k]}
                    scale="share"
                    testId={`effect-row-${k}`}
                  />
                ))}
                <DidRow
                  name={t("speedometerPage.stated.nps")}
                  d={e.nps}
                  scale="points"
                  testId="effect-row-nps"
                />
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Text size="xs" c="dimmed" mt="xs" maw={820}>
            {t("initiativesPage.effect.how")}
          </Text>
        </>
      ) : null}
    </section>
  );
}
