import { Grid, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useI18n } from "../../i18n/index.ts";
import type { Format } from "./explain.ts";
import { FigureHint } from "./figure-hint.tsx";
import { Gauge } from "./gauge.tsx";
import { changeArrow, changeColour } from "./labels.ts";
import type { Change, SpeedometerReport } from "./speedometer-api.ts";

function ChangeLine({ change, previous }: { change: Change; previous: string }) {
  const { t } = useI18n();
  return (
    <Text size="sm" c={changeColour(change)} fw={change === "up" || change === "down" ? 600 : 400}>
      {changeArrow(change)} {t(`speedometerPage.change.${change}`)} ·{" "}
      {t("speedometerPage.previous", { value: previous })}
    </Text>
  );
}

/** The needle (the CCI with its interval) and, beside it, what customers say: NPS, CSAT and CES. */
export function Headline({ report: r, f }: { report: SpeedometerReport; f: Format }) {
  const { t } = useI18n();
  const { nps, csat, ces } = r.stated;
  const stated = [
    {
      key: "nps",
      name: t("speedometerPage.stated.nps"),
      enough: nps.enough,
      value: nps.enough ? f.signed(nps.value) : t("speedometerPage.notEnough"),
      interval: f.interval(nps.lower, nps.upper, f.score),
      n: nps.n,
      explain: f.nps(nps),
      change: nps.change,
      previous: f.signed(nps.previous.value),
    },
    {
      key: "csat",
      name: t("speedometerPage.stated.csat"),
      enough: csat.enough,
      value: csat.enough ? f.pct(csat.value) : t("speedometerPage.notEnough"),
      interval: f.interval(csat.lower, csat.upper, f.pct),
      n: csat.n,
      explain: f.csat(csat),
      change: csat.change,
      previous: f.pct(csat.previous.value),
    },
    {
      key: "ces",
      name: t("speedometerPage.stated.ces"),
      enough: ces.enough,
      value: ces.enough ? f.score(ces.value, 2) : t("speedometerPage.notEnough"),
      interval: f.interval(ces.lower, ces.upper, (v) => f.score(v, 2)),
      n: ces.n,
      explain: f.ces(ces),
      change: ces.change,
      previous: f.score(ces.previous.value, 2),
    },
  ] as const;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Paper withBorder p="md" radius="md" h="100%" data-testid="cci-card">
          <Group justify="space-between" align="flex-start" wrap="wrap">
            <Stack gap={6} maw={360}>
              <Title order={2} fz="lg">
                {t("speedometerPage.cci.name")}
              </Title>
              <Text size="sm" c="dimmed">
                {t("speedometerPage.cci.what")}
              </Text>
              <Text fz={40} fw={700} lh={1.1} data-testid="cci-value">
                <FigureHint explain={f.cci(r)} testId="cci-hint">
                  {r.cci.enough ? f.score(r.cci.value) : t("speedometerPage.notEnough")}
                </FigureHint>
              </Text>
              {r.cci.enough ? (
                <Text size="sm" data-testid="cci-interval">
                  {t("speedometerPage.intervalLabel")}: {f.interval(r.cci.lower, r.cci.upper, f.score)}
                </Text>
              ) : (
                <Text size="sm">{t("speedometerPage.cci.notEnoughText")}</Text>
              )}
              <ChangeLine change={r.cci.change} previous={f.score(r.cci.previous.value)} />
            </Stack>
            <div style={{ flex: "1 1 280px", minWidth: 260, maxWidth: 420 }} data-testid="cci-gauge">
              <Gauge
                value={r.cci.value}
                lower={r.cci.lower}
                upper={r.cci.upper}
                display={r.cci.enough ? f.score(r.cci.value) : "—"}
                label={t("speedometerPage.cci.gaugeLabel", {
                  value: f.score(r.cci.value),
                  interval: f.interval(r.cci.lower, r.cci.upper, f.score),
                })}
                height={240}
                big
              />
            </div>
          </Group>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Paper withBorder p="md" radius="md" h="100%" data-testid="stated-card">
          <Title order={2} fz="lg">
            {t("speedometerPage.stated.title")}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t("speedometerPage.stated.what")}
          </Text>
          <Stack gap="md">
            {stated.map((s) => (
              <div key={s.key} data-testid={`stated-${s.key}`}>
                <Group justify="space-between" wrap="nowrap" align="baseline">
                  <Text size="sm" fw={600}>
                    {s.name}
                  </Text>
                  <Text fz={s.enough ? "xl" : "sm"} fw={700} data-testid={`stated-${s.key}-value`}>
                    <FigureHint explain={s.explain}>{s.value}</FigureHint>
                  </Text>
                </Group>
                <Text size="xs" c="dimmed">
                  {t("speedometerPage.intervalLabel")}: {s.interval} · n = {f.count(s.n)}
                </Text>
                <Text size="xs" c={changeColour(s.change)}>
                  {changeArrow(s.change)} {t(`speedometerPage.change.${s.change}`)} ·{" "}
                  {t("speedometerPage.previous", { value: s.previous })}
                </Text>
              </div>
            ))}
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
