import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/index.ts";
import { downloadCsv, toCsv } from "../intake/csv.ts";
import type { FitView, ParamView } from "./money-api.ts";
import { formatSignedShare, relativeError } from "./money-format.ts";
import { DownloadIcon, InfoTip, Section } from "./parts.tsx";
import { TrackingChart } from "./tracking-chart.tsx";
import type { Format } from "./use-format.ts";

/** Greek letters where the papers use them; the API names them in Latin. */
const symbol: Record<string, string> = { alpha: "α", beta: "β", gamma: "γ" };
export const paramSymbol = (name: string) => symbol[name] ?? name;

function Fact({
  label,
  value,
  formula,
  testId,
}: {
  label: string;
  value: ReactNode;
  formula?: string;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <Group gap={2} wrap="nowrap">
        <Text size="sm" c="dimmed">
          {label}
        </Text>
        {formula ? <InfoTip text={formula} /> : null}
      </Group>
      <Text fw={600} className="money-num" ta="left" data-value>
        {value}
      </Text>
    </div>
  );
}

type ModelProps = {
  id: string;
  title: string;
  params: ParamView[];
  facts: ReactNode;
  f: Format;
  empty?: string;
};

function ModelCard({ id, title, params, facts, f, empty }: ModelProps) {
  const { t } = useI18n();
  return (
    <Paper withBorder p="md" data-testid={`model-${id}`}>
      <Stack gap="sm">
        <Title order={3} size="h5">
          {title}
        </Title>
        {params.length === 0 ? (
          <Text size="sm" c="dimmed">
            {empty}
          </Text>
        ) : (
          <Table fz="sm" verticalSpacing={4} data-testid={`params-${id}`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("moneyPage.diagnostics.parameter")}</Table.Th>
                <Table.Th className="money-num">{t("moneyPage.diagnostics.estimate")}</Table.Th>
                <Table.Th className="money-num">
                  <Group gap={2} justify="flex-end" wrap="nowrap">
                    {t("moneyPage.diagnostics.se")}
                    <InfoTip text={t("moneyPage.formulas.se")} />
                  </Group>
                </Table.Th>
                <Table.Th className="money-num" visibleFrom="sm">
                  {t("moneyPage.diagnostics.interval")}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {params.map((p) => (
                <Table.Tr key={p.name} data-testid={`param-${id}-${p.name}`}>
                  <Table.Th scope="row" fw={500} ff="serif" fs="italic">
                    {paramSymbol(p.name)}
                  </Table.Th>
                  <Table.Td className="money-num" data-col="estimate" data-value={p.estimate}>
                    {f.decimal(p.estimate)}
                  </Table.Td>
                  <Table.Td className="money-num" data-col="se" data-value={p.standardError ?? ""}>
                    {p.standardError === null ? "—" : f.decimal(p.standardError)}
                  </Table.Td>
                  <Table.Td className="money-num" visibleFrom="sm">
                    {p.lower === null || p.upper === null
                      ? "—"
                      : `${f.decimal(p.lower)} … ${f.decimal(p.upper)}`}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <SimpleGrid cols={2} spacing="xs">
          {facts}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}

type Props = { fit: FitView; f: Format; slug: string; canExport: boolean };

/** The model's diagnostics: parameters with errors, log-likelihoods, the holdout check and its tracking chart. */
export function DiagnosticsSection({ fit, f, slug, canExport }: Props) {
  const { t, language } = useI18n();
  const yesNo = (v: boolean | null) => (v === null ? "—" : t(v ? "moneyPage.yes" : "moneyPage.no"));
  const logLik = (v: number | null) => (v === null ? "—" : f.decimal(v));
  const h = fit.holdout;
  const error = h ? relativeError(h.totalPredicted, h.totalActual) : undefined;
  const aliveTitle =
    fit.alive.model === "pareto-nbd"
      ? t("moneyPage.diagnostics.models.pareto-nbd")
      : t("moneyPage.diagnostics.models.aliveBgnbd");
  const exportParams = () => {
    const models: [string, ParamView[]][] = [
      ["bgnbd", fit.purchase.params],
      [fit.alive.model, fit.alive.params],
      [fit.spend.model, fit.spend.params],
    ];
    const header = ["model", "parameter", "estimate", "standard_error", "lower_95", "upper_95"];
    const rows = models.flatMap(([model, params]) =>
      params.map((p) => [model, p.name, p.estimate, p.standardError, p.lower, p.upper]),
    );
    downloadCsv(`money-parameters-${slug}.csv`, toCsv(header, rows));
  };
  return (
    <Section
      id="money-diagnostics"
      title={t("moneyPage.diagnostics.title")}
      text={t("moneyPage.diagnostics.text")}
      actions={
        canExport ? (
          <Button
            variant="default"
            size="xs"
            leftSection={<DownloadIcon />}
            onClick={exportParams}
            data-testid="export-params"
          >
            {t("moneyPage.exportTable")}
          </Button>
        ) : null
      }
    >
      <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }} spacing="md">
        <ModelCard
          id="purchase"
          title={t("moneyPage.diagnostics.models.bgnbd")}
          params={fit.purchase.params}
          f={f}
          facts={
            <>
              <Fact
                label={t("moneyPage.diagnostics.logLik")}
                value={logLik(fit.purchase.logLik)}
                formula={t("moneyPage.formulas.logLik")}
                testId="loglik-purchase"
              />
              <Fact label={t("moneyPage.diagnostics.converged")} value={yesNo(fit.purchase.converged)} />
              <Fact label={t("moneyPage.diagnostics.fittedOn")} value={f.count(fit.customers)} />
            </>
          }
        />
        <ModelCard
          id="alive"
          title={aliveTitle}
          params={fit.alive.params}
          f={f}
          facts={
            <>
              <Fact
                label={t("moneyPage.diagnostics.logLik")}
                value={logLik(fit.alive.logLik)}
                formula={t("moneyPage.formulas.logLik")}
              />
              <Fact label={t("moneyPage.diagnostics.converged")} value={yesNo(fit.alive.converged)} />
              <Fact
                label={t("moneyPage.diagnostics.fittedOn")}
                value={
                  fit.alive.subsample === null
                    ? f.count(fit.customers)
                    : t("moneyPage.diagnostics.subsample", {
                        count: fit.alive.subsample,
                        formatted: f.count(fit.alive.subsample),
                      })
                }
              />
              {fit.alive.boundary ? <Text size="sm">{t("moneyPage.diagnostics.boundary")}</Text> : null}
            </>
          }
        />
        <ModelCard
          id="spend"
          title={t(`moneyPage.diagnostics.models.${fit.spend.model}`)}
          params={fit.spend.params}
          f={f}
          empty={t("moneyPage.diagnostics.noParams")}
          facts={
            <>
              <Fact
                label={t("moneyPage.diagnostics.logLik")}
                value={logLik(fit.spend.logLik)}
                formula={t("moneyPage.formulas.logLik")}
              />
              <Fact label={t("moneyPage.diagnostics.fittedOn")} value={f.count(fit.spend.customers)} />
              <Fact
                label={t("moneyPage.diagnostics.correlation")}
                value={fit.spend.correlation === null ? "—" : f.decimal(fit.spend.correlation)}
              />
              <Fact
                label={t("moneyPage.diagnostics.meanSpend")}
                value={fit.spend.meanSpend === null ? "—" : f.money(Math.round(fit.spend.meanSpend))}
              />
            </>
          }
        />
      </SimpleGrid>
      <Paper withBorder p="md" data-testid="money-holdout">
        <Stack gap="sm">
          <Group gap={4}>
            <Title order={3} size="h4">
              {t("moneyPage.diagnostics.holdoutTitle")}
            </Title>
            <InfoTip text={t("moneyPage.formulas.tracking")} />
          </Group>
          {h ? (
            <>
              <Text size="sm" c="dimmed">
                {t("moneyPage.diagnostics.holdoutText", {
                  cutoff: f.day(h.cutoff),
                  end: f.day(h.end),
                  weeks: f.decimal(h.weeks),
                })}
              </Text>
              <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
                <Fact label={t("moneyPage.diagnostics.holdoutCustomers")} value={f.count(h.customers)} />
                <Fact
                  label={t("moneyPage.diagnostics.actual")}
                  value={f.count(h.totalActual)}
                  testId="holdout-actual"
                />
                <Fact
                  label={t("moneyPage.diagnostics.predicted")}
                  value={f.decimal(h.totalPredicted)}
                  testId="holdout-predicted"
                />
                <Fact
                  label={t("moneyPage.diagnostics.totalError")}
                  value={error === undefined ? "—" : formatSignedShare(error, language)}
                  formula={t("moneyPage.formulas.totalError")}
                  testId="holdout-error"
                />
                <Fact
                  label={t("moneyPage.diagnostics.mae")}
                  value={f.decimal(h.meanAbsoluteError)}
                  formula={t("moneyPage.formulas.mae")}
                  testId="holdout-mae"
                />
                <Fact
                  label={t("moneyPage.diagnostics.naiveMae")}
                  value={f.decimal(h.naiveMeanAbsoluteError)}
                  formula={t("moneyPage.formulas.naiveMae")}
                  testId="holdout-naive"
                />
              </SimpleGrid>
            </>
          ) : (
            <Text size="sm">
              {t(`moneyPage.reading.holdoutSkipped.${fit.holdoutSkipped ?? "too_short"}`)}
            </Text>
          )}
          <Text fw={600} size="sm">
            {t("moneyPage.diagnostics.trackingTitle")}
          </Text>
          {fit.tracking.length > 0 ? (
            <div data-testid="tracking-chart">
              <TrackingChart points={fit.tracking} f={f} />
            </div>
          ) : (
            <Text size="sm" c="dimmed">
              {t("moneyPage.diagnostics.noTracking")}
            </Text>
          )}
        </Stack>
      </Paper>
    </Section>
  );
}
