import { Anchor, Button, Paper, Stack, TextInput } from "@mantine/core";
import { useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { workspacePath } from "../../app/modules.ts";
import { useCurrentWorkspace } from "../../app/workspace.ts";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { PageHeader } from "../../components/page-header.tsx";
import { useI18n } from "../../i18n/index.ts";
import { blankCondition, isComplete, RuleBuilder } from "./rule-builder.tsx";
import { type RuleDefinition, useCreateSegment, useSegments } from "./segments-api.ts";

/** A new rule segment: a name and conditions, with a live count of the customers who match. */
export function NewView() {
  const { t } = useI18n();
  const workspace = useCurrentWorkspace();
  const navigate = useNavigate();
  const list = useSegments(workspace.slug);
  const create = useCreateSegment(workspace.slug);
  const [name, setName] = useState("");
  const [def, setDef] = useState<RuleDefinition>({ match: "all", conditions: [blankCondition("orders")] });
  const base = workspacePath(workspace.slug, "segments");
  return (
    <Stack gap="md">
      <Anchor component={Link} to={base} size="sm">
        ← {t("segmentsPage.detail.back")}
      </Anchor>
      <PageHeader name={t("modules.segments.name")} title={t("segmentsPage.builder.title")} />
      <Paper withBorder p="lg" radius="md">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            create.mutate(
              { name: name.trim(), definition: def },
              { onSuccess: (s) => navigate(`${base}/${s.id}`) },
            );
          }}
        >
          <Stack gap="md">
            <TextInput
              label={t("segmentsPage.builder.name")}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              required
              maxLength={200}
              w={360}
              data-testid="rule-name"
            />
            <RuleBuilder
              slug={workspace.slug}
              value={def}
              onChange={setDef}
              locations={list.data?.options.locations ?? []}
              channels={list.data?.options.channels ?? []}
            />
            {create.isError ? <ErrorAlert error={create.error} /> : null}
            <Button
              type="submit"
              w="fit-content"
              loading={create.isPending}
              disabled={!name.trim() || !isComplete(def)}
              data-testid="create-rule"
            >
              {t("segmentsPage.builder.create")}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
