import { Alert, Button, Group, Modal, MultiSelect, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { useNavigate } from "react-router-dom";
import { ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { ErrorAlert } from "../../components/error-alert.tsx";
import { useI18n } from "../../i18n/index.ts";
import {
  type Filters,
  type ProblemDetail,
  useMerge,
  useNotAProblem,
  useProblemList,
  useSplit,
} from "./problems-api.ts";

type Props = {
  slug: string;
  detail: ProblemDetail;
  filters: Filters;
  search: string;
  selected: string[];
  onSplit: () => void;
};

/** Merge others into this one, split the chosen mentions off, or say it is not a problem. */
export function Decisions({ slug, detail, filters, search, selected, onSplit }: Props) {
  const { t } = useI18n();
  const p = detail.problem;
  const [open, setOpen] = useState<"merge" | "split" | "dismiss">();
  const notAProblem = useNotAProblem(slug, p.id);
  return (
    <Group gap="sm" wrap="wrap" data-testid="decisions">
      <Button variant="default" onClick={() => setOpen("merge")} data-testid="merge-open">
        {t("problemsPage.merge.action")}
      </Button>
      <Button
        variant="default"
        onClick={() => setOpen("split")}
        disabled={selected.length === 0}
        data-testid="split-open"
      >
        {t("problemsPage.split.action", { count: selected.length })}
      </Button>
      {p.dismissed ? (
        <Button
          variant="default"
          loading={notAProblem.isPending}
          onClick={() => notAProblem.mutate(true)}
          data-testid="restore"
        >
          {t("problemsPage.dismiss.undo")}
        </Button>
      ) : (
        <Button variant="default" color="red" onClick={() => setOpen("dismiss")} data-testid="dismiss-open">
          {t("problemsPage.dismiss.action")}
        </Button>
      )}
      {notAProblem.isError ? <ErrorAlert error={notAProblem.error} /> : null}
      <MergeDialog
        slug={slug}
        detail={detail}
        filters={filters}
        opened={open === "merge"}
        onClose={() => setOpen(undefined)}
      />
      <SplitDialog
        slug={slug}
        detail={detail}
        search={search}
        selected={selected}
        opened={open === "split"}
        onClose={() => setOpen(undefined)}
        onDone={onSplit}
      />
      <ConfirmDialog
        opened={open === "dismiss"}
        title={t("problemsPage.dismiss.title")}
        text={t("problemsPage.dismiss.text", { label: p.displayLabel })}
        confirm={t("problemsPage.dismiss.confirm")}
        busy={notAProblem.isPending}
        onConfirm={() => notAProblem.mutate(false, { onSuccess: () => setOpen(undefined) })}
        onClose={() => setOpen(undefined)}
      />
    </Group>
  );
}

function MergeDialog({
  slug,
  detail,
  filters,
  opened,
  onClose,
}: {
  slug: string;
  detail: ProblemDetail;
  filters: Filters;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const p = detail.problem;
  const list = useProblemList(slug, { ...filters, dismissed: true });
  const merge = useMerge(slug, p.id);
  const [ids, setIds] = useState<string[]>([]);
  const [sure, setSure] = useState(false);
  const others = (list.data?.problems ?? []).filter((o) => o.id !== p.id);
  const close = () => {
    setIds([]);
    setSure(false);
    merge.reset();
    onClose();
  };
  const names = others.filter((o) => ids.includes(String(o.id))).map((o) => o.displayLabel);
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={t("problemsPage.merge.title", { label: p.displayLabel })}
      size="lg"
    >
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          if (ids.length === 0) return;
          if (!sure) return setSure(true);
          merge.mutate(ids.map(Number), { onSuccess: close });
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t("problemsPage.merge.text")}</Text>
          <MultiSelect
            label={t("problemsPage.merge.others")}
            data={others.map((o) => ({
              value: String(o.id),
              label: `${o.rank > 0 ? `${o.rank}. ` : ""}${o.displayLabel}`,
            }))}
            value={ids}
            onChange={(v) => {
              setIds(v);
              setSure(false);
            }}
            searchable
            data-autofocus
            nothingFoundMessage={t("problemsPage.merge.nothing")}
            data-testid="merge-select"
          />
          {sure ? (
            <Alert color="orange" variant="light" data-testid="merge-confirm-text">
              <Text size="sm" c="gray.9">
                {t("problemsPage.merge.confirmText", { names: names.join("; "), label: p.displayLabel })}
              </Text>
            </Alert>
          ) : null}
          {merge.isError ? <ErrorAlert error={merge.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button
              type="submit"
              color={sure ? "red.9" : undefined}
              disabled={ids.length === 0}
              loading={merge.isPending}
              data-testid="merge-submit"
            >
              {sure ? t("problemsPage.merge.confirm", { count: ids.length }) : t("problemsPage.merge.next")}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function SplitDialog({
  slug,
  detail,
  search,
  selected,
  opened,
  onClose,
  onDone,
}: {
  slug: string;
  detail: ProblemDetail;
  search: string;
  selected: string[];
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const split = useSplit(slug, detail.problem.id);
  const [label, setLabel] = useState("");
  const close = () => {
    split.reset();
    onClose();
  };
  return (
    <Modal opened={opened} onClose={close} title={t("problemsPage.split.title")} size="lg">
      <form
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          split.mutate(
            { mentionIds: selected, label: label.trim() || null },
            {
              onSuccess: ({ id }) => {
                onDone();
                close();
                navigate(`../${id}${search}`, { relative: "path" });
              },
            },
          );
        }}
      >
        <Stack gap="md">
          <Text size="sm">{t("problemsPage.split.text", { count: selected.length })}</Text>
          <TextInput
            label={t("problemsPage.split.name")}
            description={t("problemsPage.split.nameHint")}
            value={label}
            maxLength={200}
            onChange={(e) => setLabel(e.currentTarget.value)}
            data-autofocus
            data-testid="split-name"
          />
          {split.isError ? <ErrorAlert error={split.error} /> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t("common.cancel")}
            </Button>
            <Button type="submit" loading={split.isPending} data-testid="split-submit">
              {t("problemsPage.split.confirm", { count: selected.length })}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
