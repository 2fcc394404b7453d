import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { ApiError } from "../../app/api.ts";
import { workspacePath } from "../../app/modules.ts";
import { useCurrentWorkspace } from "../../app/workspace.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { Loading } from "../../components/loading.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useI18n } from "../../i18n/index.ts";
import { formatSpans, minutesToHours } from "./figures.ts";
import {
  type Clock,
  canManageSettings,
  channels,
  kinds,
  type ServiceSettings,
  useSaveServiceSettings,
  useServiceSettings,
  weekdays,
} from "./service-api.ts";
import {
  type Draft,
  fromDraft,
  type HolidayDraft,
  type PolicyDraft,
  type Problems,
  type RuleDraft,
  toDraft,
} from "./settings-draft.ts";

/** Working hours, holidays and promises (SLAs): what the service figures are judged against. */
export function SettingsView() {
  const { t } = useI18n();
  const workspace = useCurrentWorkspace();
  const settings = useServiceSettings(workspace.slug);
  const back = workspacePath(workspace.slug, "service");
  return (
    <>
      <PageHeader
        name={t("modules.service.name")}
        title={t("servicePage.settings.title")}
        description={t("servicePage.settings.description")}
        actions={
          <Button component={Link} to={back} variant="default" data-testid="back-to-report">
            {t("servicePage.settings.back")}
          </Button>
        }
      />
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm
          settings={settings.data}
          editable={canManageSettings(workspace.role)}
          reportPath={back}
        />
      )}
    </>
  );
}

function SettingsForm({
  settings,
  editable,
  reportPath,
}: {
  settings: ServiceSettings;
  editable: boolean;
  reportPath: string;
}) {
  const { t } = useI18n();
  const workspace = useCurrentWorkspace();
  const save = useSaveServiceSettings(workspace.slug);
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [problems, setProblems] = useState<Problems>({});
  const [saved, setSaved] = useState(false);
  // A save answers with the settings as stored; show them (normalised) from then on.
  useEffect(() => {
    if (save.data) setDraft(toDraft(save.data));
  }, [save.data]);
  const change = (next: Draft) => {
    setDraft(next);
    setSaved(false);
  };
  const fallback = settings.effective.fallbackHours;
  const locationOptions = [
    { value: "", label: t("servicePage.filters.allLocations") },
    ...settings.locations.map((l) => ({ value: String(l.id), label: l.name })),
  ];
  const channelOptions = [
    { value: "", label: t("servicePage.filters.allChannels") },
    ...channels.map((c) => ({ value: c, label: t(`servicePage.channels.${c}`) })),
  ];
  const kindOptions = [
    { value: "", label: t("servicePage.filters.allKinds") },
    ...kinds.map((k) => ({ value: k, label: t(`servicePage.kinds.${k}`) })),
  ];
  const problem = (key: string) => {
    const p = problems[key];
    return p ? t(`servicePage.settings.problem.${p}` as "servicePage.settings.problem.spans") : undefined;
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const { input, problems: found } = fromDraft(draft);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    save.mutate(input, { onSuccess: () => setSaved(true) });
  };
  const serverProblems = save.error instanceof ApiError ? Object.entries(save.error.fieldErrors()) : [];
  const newRule = (): RuleDraft => ({
    locationId: "",
    channel: "",
    timeZone: settings.timeZone,
    alwaysOpen: fallback.alwaysOpen,
    week: Object.fromEntries(
      weekdays.map((d) => [d, formatSpans(fallback.week[d] ?? [])]),
    ) as RuleDraft["week"],
  });
  return (
    <form onSubmit={submit} noValidate data-testid="settings-form">
      <fieldset disabled={!editable || save.isPending} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack gap={36}>
          {!editable ? (
            <Alert
              color="gray"
              variant="light"
              data-testid="settings-read-only"
              styles={{ message: { color: "var(--mantine-color-black)" } }}
            >
              {t("servicePage.settings.readOnly", { role: t(`roles.${workspace.role}`) })}
            </Alert>
          ) : null}
          {settings.stale ? (
            <Alert
              color="yellow"
              variant="light"
              data-testid="settings-stale"
              styles={{ message: { color: "var(--mantine-color-black)" } }}
            >
              {t("servicePage.stale.text")}
            </Alert>
          ) : null}

          <section aria-labelledby="hours-title">
            <Title order={2} fz={20} id="hours-title">
              {t("servicePage.settings.hoursTitle")}
            </Title>
            <Text size="sm" c="gray.7" mb="sm" maw={820}>
              {t("servicePage.settings.hoursText", { zone: settings.timeZone })}
            </Text>
            <Text size="sm" data-testid="fallback-hours">
              {t("servicePage.settings.fallback", {
                week: fallback.alwaysOpen
                  ? t("servicePage.settings.alwaysOpen")
                  : weekdays
                      .map(
                        (d) =>
                          `${t(`servicePage.weekdaysShort.${d}`)} ${formatSpans(fallback.week[d] ?? []) || t("servicePage.settings.closed")}`,
                      )
                      .join("; "),
              })}
            </Text>
            <Text size="xs" c="gray.7" mb="sm">
              {t(`servicePage.hoursSource.${fallbackKey(fallback.source)}`)}
            </Text>
            {settings.locations.some((l) => l.openingHours) ? (
              <Stack gap={2} mb="sm" data-testid="location-hours">
                <Text size="sm">{t("servicePage.settings.openingHours")}</Text>
                {settings.locations.map((l) =>
                  l.openingHours ? (
                    <Text key={l.id} size="xs" c="gray.8">
                      {l.name}:{" "}
                      {l.openingHours.alwaysOpen
                        ? t("servicePage.settings.alwaysOpen")
                        : weekdays
                            .map(
                              (d) =>
                                `${t(`servicePage.weekdaysShort.${d}`)} ${formatSpans(l.openingHours?.week[d] ?? []) || t("servicePage.settings.closed")}`,
                            )
                            .join("; ")}
                    </Text>
                  ) : null,
                )}
              </Stack>
            ) : null}
            <Stack gap="md">
              {draft.hours.map((rule, i) => {
                const set = (patch: Partial<RuleDraft>) =>
                  change({ ...draft, hours: draft.hours.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
                return (
                  // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id; the index is their place in the list
                  <Paper key={i} withBorder radius="md" p="md" data-testid={`rule-${i}`}>
                    <Group align="flex-end" gap="sm" wrap="wrap" mb="sm">
                      <NativeSelect
                        label={t("servicePage.filters.location")}
                        value={rule.locationId}
                        data={locationOptions}
                        onChange={(e) => set({ locationId: e.currentTarget.value })}
                        w={220}
                        data-testid={`rule-${i}-location`}
                      />
                      <NativeSelect
                        label={t("servicePage.filters.channel")}
                        value={rule.channel}
                        data={channelOptions}
                        onChange={(e) => set({ channel: e.currentTarget.value })}
                        w={180}
                        data-testid={`rule-${i}-channel`}
                      />
                      <TextInput
                        label={t("servicePage.settings.timeZone")}
                        value={rule.timeZone}
                        onChange={(e) => set({ timeZone: e.currentTarget.value })}
                        w={200}
                        data-testid={`rule-${i}-zone`}
                      />
                      <Checkbox
                        label={t("servicePage.settings.alwaysOpen")}
                        checked={rule.alwaysOpen}
                        onChange={(e) => set({ alwaysOpen: e.currentTarget.checked })}
                        mb={8}
                        data-testid={`rule-${i}-always`}
                      />
                      <Button
                        variant="subtle"
                        color="red"
                        onClick={() => change({ ...draft, hours: draft.hours.filter((_, j) => j !== i) })}
                        data-testid={`rule-${i}-remove`}
                      >
                        {t("servicePage.settings.remove")}
                      </Button>
                    </Group>
                    {!rule.alwaysOpen ? (
                      <SimpleGrid cols={{ base: 1, xs: 2, md: 4, lg: 7 }} spacing="xs">
                        {weekdays.map((d) => (
                          <TextInput
                            key={d}
                            label={t(`servicePage.weekdays.${d}`)}
                            value={rule.week[d]}
                            placeholder={t("servicePage.settings.closed")}
                            onChange={(e) => set({ week: { ...rule.week, [d]: e.currentTarget.value } })}
                            error={problem(`rule-${i}-${d}`)}
                            data-testid={`rule-${i}-${d}`}
                          />
                        ))}
                      </SimpleGrid>
                    ) : null}
                  </Paper>
                );
              })}
              <Text size="xs" c="gray.7">
                {t("servicePage.settings.spansHelp")}
              </Text>
              <Button
                variant="default"
                w="fit-content"
                onClick={() => change({ ...draft, hours: [...draft.hours, newRule()] })}
                data-testid="add-rule"
              >
                {t("servicePage.settings.addRule")}
              </Button>
            </Stack>
          </section>

          <section aria-labelledby="holidays-title">
            <Title order={2} fz={20} id="holidays-title">
              {t("servicePage.settings.holidaysTitle")}
            </Title>
            <Text size="sm" c="gray.7" mb="sm" maw={820}>
              {t("servicePage.settings.holidaysText")}
            </Text>
            {draft.holidays.length > 0 ? (
              <Table.ScrollContainer minWidth={760}>
                <Table verticalSpacing="xs" data-testid="holidays-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("servicePage.settings.date")}</Table.Th>
                      <Table.Th>{t("servicePage.settings.name")}</Table.Th>
                      <Table.Th>{t("servicePage.filters.location")}</Table.Th>
                      <Table.Th>{t("servicePage.settings.openOnDay")}</Table.Th>
                      <Table.Th>
                        <span className="service-sr">{t("servicePage.settings.remove")}</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {draft.holidays.map((h, i) => {
                      const set = (patch: Partial<HolidayDraft>) =>
                        change({
                          ...draft,
                          holidays: draft.holidays.map((x, j) => (j === i ? { ...x, ...patch } : x)),
                        });
                      return (
                        // biome-ignore lint/suspicious/noArrayIndexKey: holidays have no id
                        <Table.Tr key={i}>
                          <Table.Td>
                            <TextInput
                              type="date"
                              aria-label={t("servicePage.settings.date")}
                              value={h.date}
                              onChange={(e) => set({ date: e.currentTarget.value })}
                              error={problem(`holiday-${i}-date`)}
                              data-testid={`holiday-${i}-date`}
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              aria-label={t("servicePage.settings.name")}
                              value={h.name}
                              onChange={(e) => set({ name: e.currentTarget.value })}
                              error={problem(`holiday-${i}-name`)}
                              data-testid={`holiday-${i}-name`}
                            />
                          </Table.Td>
                          <Table.Td>
                            <NativeSelect
                              aria-label={t("servicePage.filters.location")}
                              value={h.locationId}
                              data={locationOptions}
                              onChange={(e) => set({ locationId: e.currentTarget.value })}
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              aria-label={t("servicePage.settings.openOnDay")}
                              placeholder={t("servicePage.settings.closed")}
                              value={h.hours}
                              onChange={(e) => set({ hours: e.currentTarget.value })}
                              error={problem(`holiday-${i}-hours`)}
                            />
                          </Table.Td>
                          <Table.Td>
                            <Button
                              variant="subtle"
                              color="red"
                              onClick={() =>
                                change({ ...draft, holidays: draft.holidays.filter((_, j) => j !== i) })
                              }
                            >
                              {t("servicePage.settings.remove")}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            ) : (
              <Text size="sm" mb="sm">
                {t("servicePage.settings.noHolidays")}
              </Text>
            )}
            <Button
              variant="default"
              mt="sm"
              onClick={() =>
                change({
                  ...draft,
                  holidays: [...draft.holidays, { date: "", name: "", locationId: "", hours: "" }],
                })
              }
              data-testid="add-holiday"
            >
              {t("servicePage.settings.addHoliday")}
            </Button>
          </section>

          <section aria-labelledby="sla-title">
            <Title order={2} fz={20} id="sla-title">
              {t("servicePage.settings.slaTitle")}
            </Title>
            <Text size="sm" c="gray.7" mb="sm" maw={820}>
              {t("servicePage.settings.slaText")}
            </Text>
            {draft.policies.length === 0 ? (
              <Text size="sm" mb="sm" data-testid="sla-default">
                {t("servicePage.settings.slaDefault")}
              </Text>
            ) : (
              <Table.ScrollContainer minWidth={820}>
                <Table verticalSpacing="xs" data-testid="policies-table">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th>{t("servicePage.filters.channel")}</Table.Th>
                      <Table.Th>{t("servicePage.filters.kind")}</Table.Th>
                      <Table.Th>{t("servicePage.clock.label")}</Table.Th>
                      <Table.Th>{t("servicePage.settings.firstHours")}</Table.Th>
                      <Table.Th>{t("servicePage.settings.resolutionHours")}</Table.Th>
                      <Table.Th>
                        <span className="service-sr">{t("servicePage.settings.remove")}</span>
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {draft.policies.map((p, i) => {
                      const set = (patch: Partial<PolicyDraft>) =>
                        change({
                          ...draft,
                          policies: draft.policies.map((x, j) => (j === i ? { ...x, ...patch } : x)),
                        });
                      return (
                        // biome-ignore lint/suspicious/noArrayIndexKey: policies have no id
                        <Table.Tr key={i}>
                          <Table.Td>
                            <NativeSelect
                              aria-label={t("servicePage.filters.channel")}
                              value={p.channel}
                              data={channelOptions}
                              onChange={(e) => set({ channel: e.currentTarget.value })}
                            />
                          </Table.Td>
                          <Table.Td>
                            <NativeSelect
                              aria-label={t("servicePage.filters.kind")}
                              value={p.kind}
                              data={kindOptions}
                              onChange={(e) => set({ kind: e.currentTarget.value })}
                            />
                          </Table.Td>
                          <Table.Td>
                            <NativeSelect
                              aria-label={t("servicePage.clock.label")}
                              value={p.clock}
                              data={[
                                { value: "business", label: t("servicePage.clock.business") },
                                { value: "calendar", label: t("servicePage.clock.calendar") },
                              ]}
                              onChange={(e) => set({ clock: e.currentTarget.value as Clock })}
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              aria-label={t("servicePage.settings.firstHours")}
                              inputMode="decimal"
                              placeholder={t("servicePage.settings.noTarget")}
                              value={p.first}
                              onChange={(e) => set({ first: e.currentTarget.value })}
                              error={problem(`policy-${i}-first`)}
                            />
                          </Table.Td>
                          <Table.Td>
                            <TextInput
                              aria-label={t("servicePage.settings.resolutionHours")}
                              inputMode="decimal"
                              placeholder={t("servicePage.settings.noTarget")}
                              value={p.resolution}
                              onChange={(e) => set({ resolution: e.currentTarget.value })}
                              error={problem(`policy-${i}-resolution`)}
                            />
                          </Table.Td>
                          <Table.Td>
                            <Button
                              variant="subtle"
                              color="red"
                              onClick={() =>
                                change({ ...draft, policies: draft.policies.filter((_, j) => j !== i) })
                              }
                            >
                              {t("servicePage.settings.remove")}
                            </Button>
                          </Table.Td>
                        </Table.Tr>
                      );
                    })}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
            <Button
              variant="default"
              mt="sm"
              onClick={() =>
                change({
                  ...draft,
                  policies: [
                    ...draft.policies,
                    ...(draft.policies.length === 0
                      ? settings.effective.slaPolicies.map((p) => ({
                          channel: p.channel ?? "",
                          kind: p.kind ?? "",
                          clock: p.clock,
                          first: minutesToHours(p.firstResponseMinutes),
                          resolution: minutesToHours(p.resolutionMinutes),
                        }))
                      : [{ channel: "", kind: "", clock: "business" as Clock, first: "", resolution: "" }]),
                  ],
                })
              }
              data-testid="add-policy"
            >
              {t("servicePage.settings.addPolicy")}
            </Button>
          </section>

          {editable ? (
            <Stack gap="sm">
              {Object.keys(problems).length > 0 ? (
                <Alert color="red" variant="light" role="alert" data-testid="settings-problems">
                  {t("servicePage.settings.fixFirst")}
                </Alert>
              ) : null}
              {save.isError ? (
                <Stack gap={4}>
                  <ErrorAlert error={save.error} />
                  {serverProblems.map(([path, message]) => (
                    <Text key={path} size="sm" c="red.9">
                      {path}: {message}
                    </Text>
                  ))}
                </Stack>
              ) : null}
              {saved ? (
                <Alert
                  color="teal"
                  variant="light"
                  role="status"
                  data-testid="settings-saved"
                  styles={{ message: { color: "var(--mantine-color-black)" } }}
                >
                  {t("servicePage.settings.saved")}{" "}
                  <Anchor component={Link} to={reportPath} c="indigo.9">
                    {t("servicePage.settings.back")}
                  </Anchor>
                </Alert>
              ) : null}
              <Button type="submit" w="fit-content" loading={save.isPending} data-testid="settings-save">
                {t("common.save")}
              </Button>
            </Stack>
          ) : null}
        </Stack>
      </fieldset>
    </form>
  );
}

const fallbackKey = (source: string) =>
  (["service_settings", "location", "workspace_settings", "assumed"] as const).find((s) => s === source) ??
  "service_settings";
