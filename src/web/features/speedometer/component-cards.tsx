import { Paper, SimpleGrid, Text, Title } from "@mantine/core";
import { useI18n } from "../../i18n/index.ts";
import type { Format } from "./explain.ts";
import { FigureHint } from "./figure-hint.tsx";
import { Gauge } from "./gauge.tsx";
import { changeArrow, changeColour } from "./labels.ts";
import type { ComponentFigure } from "./speedometer-api.ts";

/** One gauge per component of the needle, each with its interval and n, or an honest "not enough data". */
export function ComponentCards({
  components,
  f,
  minSample,
}: {
  components: ComponentFigure[];
  f: Format;
  minSample: number;
}) {
  const { t } = useI18n();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="md">
      {components.map((c) => {
        const name = t(`speedometerPage.components.${c.key}.name`);
        const pct = c.value === null ? null : c.value * 100;
        return (
          <Paper
            key={c.key}
            withBorder
            p="sm"
            radius="md"
            data-testid={`component-${c.key}`}
            data-enough={c.enough}
          >
            <Title order={3} fz="md">
              {name}
            </Title>
            <Text size="xs" c="dimmed" mih={36}>
              {t(`speedometerPage.components.${c.key}.what`)}
            </Text>
            <Gauge
              value={pct}
              lower={c.lower === null ? null : c.lower * 100}
              upper={c.upper === null ? null : c.upper * 100}
              // The figure is printed below as text (with its explanation); the small arc needs no second copy.
              display=""
              label={t("speedometerPage.componentGaugeLabel", {
                name,
                value: c.enough ? f.pct(c.value) : t("speedometerPage.notEnough"),
              })}
              height={150}
            />
            <Text ta="center" fz={c.enough ? "xl" : "sm"} fw={700} data-testid={`component-${c.key}-value`}>
              <FigureHint explain={f.component(c, c.unit)}>
                {c.enough ? f.pct(c.value) : t("speedometerPage.notEnough")}
              </FigureHint>
            </Text>
            <Text ta="center" size="xs">
              {c.enough
                ? `${f.interval(c.lower, c.upper, f.pct)} · n = ${f.count(c.n)}`
                : t("speedometerPage.notEnoughN", { n: f.count(c.n), count: minSample })}
            </Text>
            <Text ta="center" size="xs" c={changeColour(c.change)}>
              {changeArrow(c.change)} {t(`speedometerPage.change.${c.change}`)}
            </Text>
          </Paper>
        );
      })}
    </SimpleGrid>
  );
}
