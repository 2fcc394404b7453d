import {
  Anchor,
  Badge,
  Group,
  Stack,
  Table,
  Text,
  Tooltip,
  UnstyledButton,
  VisuallyHidden,
} from "@mantine/core";
import { Link } from "react-router-dom";
import { formatNumber, useI18n } from "../../i18n/index.ts";
import { distinctive, formatFeature, formatShare, segmentName } from "./format.ts";
import type { Feature, SegmentView, Stated } from "./segments-api.ts";

type Props = {
  segments: SegmentView[];
  base: string;
  currency: string;
  showProfile?: boolean;
  testId: string;
};

export function StatedCell({ x }: { x: Stated | null }) {
  const { t, language } = useI18n();
  if (!x) return <>—</>;
  if (!x.enough || x.value === null)
    return (
      <Text span size="xs" c="gray.7" style={{ whiteSpace: "nowrap" }}>
        {t("segmentsPage.notEnough")}
      </Text>
    );
  return <>{formatNumber(x.value, language, { maximumFractionDigits: 0 })}</>;
}

function FeatureHead({ f, label }: { f: Feature; label: string }) {
  const { t } = useI18n();
  const help = t(`segmentsPage.featureHelp.${f}`);
  return (
    <Table.Th ta="right">
      <Tooltip label={help} multiline w={260} withArrow events={{ hover: true, focus: true, touch: true }}>
        <UnstyledButton
          aria-description={help}
          fz="sm"
          fw={700}
          style={{ borderBottom: "1px dotted currentColor", cursor: "help", textAlign: "right" }}
        >
          {label}
        </UnstyledButton>
      </Tooltip>
    </Table.Th>
  );
}

/** One table per kind of segment: size, share, the main means, CCI, the top problem and the manager. */
export function SegmentTable({ segments, base, currency, showProfile, testId }: Props) {
  const { t, language } = useI18n();
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table striped highlightOnHover data-testid={testId} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("segmentsPage.table.name")}</Table.Th>
            <Table.Th ta="right">{t("segmentsPage.table.size")}</Table.Th>
            <Table.Th ta="right">{t("segmentsPage.table.share")}</Table.Th>
            <FeatureHead f="recency" label={t("segmentsPage.table.recency")} />
            <FeatureHead f="frequency" label={t("segmentsPage.table.orders")} />
            <FeatureHead f="monetary" label={t("segmentsPage.table.spend")} />
            <FeatureHead f="nps" label={t("segmentsPage.table.nps")} />
            <Table.Th ta="right">{t("segmentsPage.table.cci")}</Table.Th>
            {showProfile ? <Table.Th>{t("segmentsPage.table.profile")}</Table.Th> : null}
            <Table.Th>{t("segmentsPage.table.topProblem")}</Table.Th>
            <Table.Th>{t("segmentsPage.table.owner")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {segments.map((s) => {
            const m = s.profile?.means ?? {};
            return (
              <Table.Tr key={s.id} data-testid={`segment-row-${s.code ?? s.id}`}>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Anchor component={Link} to={`${base}/${s.id}`} fw={600}>
                      {segmentName(s, t)}
                    </Anchor>
                    {s.isTarget ? (
                      <Badge size="sm" color="teal.9" variant="filled">
                        {t("segmentsPage.target")}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td ta="right">{formatNumber(s.size, language)}</Table.Td>
                <Table.Td ta="right">{formatShare(s.share, language)}</Table.Td>
                <Table.Td ta="right">{formatFeature("recency", m.recency, language, currency)}</Table.Td>
                <Table.Td ta="right">{formatFeature("frequency", m.frequency, language, currency)}</Table.Td>
                <Table.Td ta="right">{formatFeature("monetary", m.monetary, language, currency)}</Table.Td>
                <Table.Td ta="right">{formatFeature("nps", m.nps, language, currency)}</Table.Td>
                <Table.Td ta="right">
                  <StatedCell x={s.cci} />
                </Table.Td>
                {showProfile ? (
                  <Table.Td miw={200}>
                    {(s.profile?.distinctive ?? []).length === 0 ? (
                      "—"
                    ) : (
                      <>
                        <VisuallyHidden>{distinctive(s, t)}</VisuallyHidden>
                        <Stack gap={2} aria-hidden>
                          {s.profile!.distinctive.map((d) => (
                            <Text key={d.feature} size="sm">
                              {d.lift > 0 ? "▲" : "▼"} {t(`segmentsPage.features.${d.feature}`)}
                            </Text>
                          ))}
                        </Stack>
                      </>
                    )}
                  </Table.Td>
                ) : null}
                <Table.Td>
                  <Text size="sm" lineClamp={2}>
                    {s.topProblems[0]?.label ?? "—"}
                  </Text>
                </Table.Td>
                <Table.Td>{s.ownerName ?? "—"}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
