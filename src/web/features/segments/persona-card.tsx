import { Blockquote, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { formatDate, formatNumber, useI18n } from "../../i18n/index.ts";
import { formatFeature, formatShare } from "./format.ts";
import { type Persona, type SegmentDetail, useUpdateSegment } from "./segments-api.ts";

type Props = { slug: string; detail: SegmentDetail; currency: string; editable: boolean };

/** The persona: facts computed from the data, the team's own words about needs and value, and quotes. */
export function PersonaCard({ slug, detail, currency, editable }: Props) {
  const { t, language } = useI18n();
  const s = detail.segment;
  const [draft, setDraft] = useState<Persona>(s.persona);
  useEffect(() => setDraft(s.persona), [s.persona]);
  const update = useUpdateSegment(slug, s.id);
  const m = s.profile?.means ?? {};
  const facts = [
    t("segmentsPage.persona.factSize", {
      count: s.size,
      share: formatShare(s.share ?? s.profile?.share, language),
    }),
    m.recency !== null && m.recency !== undefined
      ? t("segmentsPage.persona.factRecency", {
          days: formatFeature("recency", m.recency, language, currency),
        })
      : null,
    m.frequency !== null && m.frequency !== undefined
      ? t("segmentsPage.persona.factOrders", {
          orders: formatFeature("frequency", m.frequency, language, currency),
          spend: formatFeature("monetary", m.monetary, language, currency),
        })
      : null,
    m.nps !== null && m.nps !== undefined
      ? t("segmentsPage.persona.factNps", {
          nps: formatNumber(m.nps, language, { maximumFractionDigits: 1 }),
        })
      : null,
  ].filter((x): x is string => x !== null);
  const field = (key: keyof Persona) =>
    editable ? (
      <Textarea
        label={t(`segmentsPage.persona.${key}`)}
        value={draft[key]}
        maxLength={5000}
        autosize
        minRows={3}
        onChange={(e) => {
          const v = e.currentTarget.value;
          setDraft((d) => ({ ...d, [key]: v }));
        }}
        data-testid={`persona-${key}`}
      />
    ) : (
      <Stack gap={2}>
        <Text size="sm" fw={600}>
          {t(`segmentsPage.persona.${key}`)}
        </Text>
        <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
          {draft[key] || "—"}
        </Text>
      </Stack>
    );
  return (
    <Paper
      withBorder
      p="lg"
      radius="md"
      component="section"
      aria-labelledby="persona-title"
      data-testid="persona"
    >
      <Stack gap="md">
        <div>
          <Title order={2} fz="h3" id="persona-title">
            {t("segmentsPage.persona.title")}
          </Title>
          <Text size="sm" c="gray.7">
            {t("segmentsPage.persona.text")}
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <Stack gap="sm">
            <Text fw={600} size="sm">
              {t("segmentsPage.persona.facts")}
            </Text>
            <Stack gap={4} component="ul" m={0} pl="md" data-testid="persona-facts">
              {facts.map((f) => (
                <Text component="li" size="sm" key={f}>
                  {f}
                </Text>
              ))}
            </Stack>
            <Text fw={600} size="sm" mt="sm">
              {t("segmentsPage.persona.quotes")}
            </Text>
            {detail.quotes.length === 0 ? (
              <Text size="sm" c="gray.7">
                {t("segmentsPage.persona.noQuotes")}
              </Text>
            ) : (
              detail.quotes.map((q) => (
                <Blockquote
                  key={q.feedbackId}
                  p="sm"
                  color="gray"
                  cite={`${q.kind.toUpperCase()} ${q.score} · ${formatDate(q.createdAt, language)}`}
                  data-testid="quote"
                >
                  {q.comment}
                </Blockquote>
              ))
            )}
          </Stack>
          <Stack gap="sm">
            {field("needs")}
            {field("jobs")}
            {field("valueProposition")}
            {editable ? (
              <Group>
                <Button
                  onClick={() => update.mutate({ persona: draft })}
                  loading={update.isPending}
                  data-testid="save-persona"
                >
                  {t("segmentsPage.persona.save")}
                </Button>
                {update.isSuccess ? (
                  <Text size="sm" c="teal.9" aria-live="polite">
                    {t("segmentsPage.detail.saved")}
                  </Text>
                ) : null}
                {update.isError ? (
                  <Text size="sm" c="red.9">
                    {(update.error as Error).message}
                  </Text>
                ) : null}
              </Group>
            ) : null}
          </Stack>
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
