import { Badge, Button, Card, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router-dom";
import { builtModules, moduleKeys, workspacePath } from "../../app/modules.ts";
import type { Overview, OverviewCounts } from "../../app/types.ts";
import { useCurrentWorkspace, useOverview } from "../../app/workspace.ts";
import { EmptyState } from "../../components/empty-state.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { formatDate, formatNumber, useI18n } from "../../i18n/index.ts";

const countKeys = [
  "customers",
  "orders",
  "requests",
  "feedback",
  "locations",
  "initiatives",
] as const satisfies readonly (keyof OverviewCounts)[];

function LoadedCounts({ overview }: { overview: Overview }) {
  const { t, language } = useI18n();
  const { slug } = useCurrentWorkspace();
  const total = countKeys.reduce((sum, key) => sum + overview.counts[key], 0);
  if (total === 0) {
    return (
      <EmptyState
        title={t("cockpit.emptyTitle")}
        text={t("cockpit.emptyText")}
        action={
          <Button component={Link} to={workspacePath(slug, "intake")}>
            {t("cockpit.emptyAction")}
          </Button>
        }
      />
    );
  }
  const { firstOrderAt, lastOrderAt } = overview;
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm">
        {countKeys.map((key) => {
          const count = overview.counts[key];
          return (
            <Card key={key} withBorder padding="md" data-testid={`count-${key}`}>
              <Text
                fz={{ base: 22, sm: 26 }}
                fw={700}
                lh={1.1}
                style={{ fontVariantNumeric: "tabular-nums" }}
              >
                {formatNumber(count, language)}
              </Text>
              <Text size="sm" c="dimmed" mt={4}>
                {t(`cockpit.counts.${key}`, { count })}
              </Text>
            </Card>
          );
        })}
      </SimpleGrid>
      <Text size="sm" c="dimmed">
        {firstOrderAt && lastOrderAt
          ? t("cockpit.ordersRange", {
              from: formatDate(firstOrderAt, language),
              to: formatDate(lastOrderAt, language),
            })
          : t("cockpit.noOrders")}
      </Text>
    </Stack>
  );
}

function ComingNext() {
  const { t } = useI18n();
  const { slug } = useCurrentWorkspace();
  const pending = moduleKeys.filter((key) => !builtModules[key]);
  if (pending.length === 0) return null;
  return (
    <Stack gap="sm" component="section" aria-labelledby="coming-title">
      <div>
        <Title order={2} size="h3" id="coming-title">
          {t("cockpit.comingTitle")}
        </Title>
        <Text c="dimmed" size="sm">
          {t("cockpit.comingText")}
        </Text>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        {pending.map((key) => (
          <Card
            key={key}
            withBorder
            padding="md"
            component={Link}
            to={workspacePath(slug, key)}
            className="card-link"
            data-testid={`coming-${key}`}
          >
            <Stack gap={6}>
              <Text fw={600}>{t(`modules.${key}.name`)}</Text>
              <Text size="sm">{t(`modules.${key}.question`)}</Text>
              <div>
                <Badge color="gray" variant="light" size="sm" tt="none">
                  {t("common.notBuiltYet")}
                </Badge>
              </div>
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

/** The home page: what is loaded, honestly, and a door to every module. */
export function CockpitPage() {
  const { t } = useI18n();
  const workspace = useCurrentWorkspace();
  const overview = useOverview(workspace.slug);
  return (
    <>
      <PageHeader
        name={t("nav.cockpit")}
        title={t("cockpit.question")}
        badge={
          workspace.isDemo ? (
            <Badge variant="light" color="indigo" size="sm">
              {t("workspace.demo")}
            </Badge>
          ) : null
        }
        description={workspace.name}
      />
      <Stack gap="xl">
        <Stack gap="sm" component="section" aria-labelledby="loaded-title">
          <div>
            <Title order={2} size="h3" id="loaded-title">
              {t("cockpit.loadedTitle")}
            </Title>
            <Text c="dimmed" size="sm">
              {t("cockpit.loadedText")}
            </Text>
          </div>
          {overview.isPending ? (
            <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="sm" aria-busy="true">
              {countKeys.map((key) => (
                <Skeleton key={key} h={84} radius="md" />
              ))}
            </SimpleGrid>
          ) : overview.isError ? (
            <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />
          ) : (
            <LoadedCounts overview={overview.data} />
          )}
        </Stack>
        <ComingNext />
      </Stack>
    </>
  );
}
