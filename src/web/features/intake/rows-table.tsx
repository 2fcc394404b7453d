import { List, Stack, Table, Text, Tooltip, UnstyledButton, VisuallyHidden } from "@mantine/core";
import { formatNumber, useI18n } from "../../i18n/index.ts";
import type { Entity } from "./fields.ts";
import type { Preview, PreviewRow } from "./intake-api.ts";
import { useIssueText } from "./labels.ts";
import { readIssue } from "./reasons.ts";

type RowProblem = {
  line: number;
  column: number | null;
  columnName: string | null;
  /** With the field's name, for the cell's tooltip. */
  reason: string;
  /** Without it, for the list that already names the column. */
  short: string;
};

/**
 * Each error of the preview's rows, placed on its cell: by the column the server names, or, for an empty
 * required cell (the server names no column then), by the column mapped to the field it is about.
 */
function useRowProblems(entity: Entity, preview: Preview): RowProblem[] {
  const issueText = useIssueText();
  const columnOfField = new Map<string, number>();
  preview.mapping.forEach((m, index) => {
    if (m.field) columnOfField.set(m.field, index);
  });
  return preview.rows.flatMap((row) =>
    row.errors.map((error) => {
      let column = error.column === null ? -1 : preview.columns.indexOf(error.column);
      if (column < 0) {
        const subject = readIssue(error.message)?.params.subject;
        column = subject ? (columnOfField.get(subject) ?? -1) : -1;
      }
      return {
        line: row.line,
        column: column < 0 ? null : column,
        columnName: column < 0 ? null : (preview.columns[column] ?? null),
        reason: issueText(entity, error.message),
        short: issueText(entity, error.message, undefined, false),
      };
    }),
  );
}

function Cell({ value, problems }: { value: string | null; problems: RowProblem[] }) {
  if (problems.length === 0) {
    return (
      <Table.Td className="intake-cell" title={value ?? undefined}>
        {value ?? ""}
      </Table.Td>
    );
  }
  const reasons = problems.map((p) => p.reason).join("; ");
  return (
    <Table.Td className="intake-cell intake-bad-cell" aria-invalid="true" data-bad="true">
      <Tooltip
        label={reasons}
        multiline
        maw={320}
        withArrow
        events={{ hover: true, focus: true, touch: true }}
      >
        {/* A button so keyboard readers reach the reason too; the hidden text is what a screen reader says. */}
        <UnstyledButton className="intake-reason" fz="sm">
          {value === null || value === "" ? "∅" : value}
          <VisuallyHidden>{`: ${reasons}`}</VisuallyHidden>
        </UnstyledButton>
      </Tooltip>
    </Table.Td>
  );
}

function Row({
  row,
  width,
  problems,
  checked,
}: {
  row: PreviewRow;
  width: number;
  problems: RowProblem[];
  checked: boolean;
}) {
  const { t, language } = useI18n();
  const whole = problems.filter((p) => p.column === null);
  const cells = Array.from({ length: width }, (_, i) => row.cells[i] ?? null);
  return (
    <Table.Tr
      className={row.ok ? undefined : "intake-bad-row"}
      data-testid={`preview-row-${row.line}`}
      data-ok={row.ok}
    >
      <Table.Td className="intake-sticky intake-num">
        <Text size="sm" fw={row.ok ? 400 : 700} c={row.ok ? undefined : "red.9"}>
          {formatNumber(row.line, language)}
        </Text>
        <VisuallyHidden>
          {!checked && row.ok
            ? null
            : row.ok
              ? t("intake.preview.rowOk")
              : [t("intake.preview.rowBad"), ...whole.map((p) => p.reason)].join(": ")}
        </VisuallyHidden>
      </Table.Td>
      <Table.Td>
        {!checked && row.ok ? null : row.ok ? (
          <Text size="sm" c="teal.9" aria-hidden="true">
            ✓
          </Text>
        ) : (
          <Tooltip
            label={whole.map((p) => p.reason).join("; ") || t("intake.preview.rowBad")}
            multiline
            maw={320}
            withArrow
            events={{ hover: true, focus: true, touch: true }}
          >
            <Text size="sm" c="red.9" fw={700} aria-hidden="true">
              ✕
            </Text>
          </Tooltip>
        )}
      </Table.Td>
      {cells.map((value, index) => (
        <Cell
          // biome-ignore lint/suspicious/noArrayIndexKey: cells are positional; the column index is their identity
          key={index}
          value={value}
          problems={problems.filter((p) => p.column === index)}
        />
      ))}
    </Table.Tr>
  );
}

export function RowsTable({
  entity,
  preview,
  checked,
}: {
  entity: Entity;
  preview: Preview;
  checked: boolean;
}) {
  const { t, language } = useI18n();
  const problems = useRowProblems(entity, preview);
  const bad = preview.rows.filter((r) => !r.ok).length;
  return (
    <Stack gap="sm">
      <Text size="sm" role="status" data-testid="rows-verdict">
        {!checked
          ? t("intake.preview.notChecked")
          : bad === 0
            ? t("intake.preview.allOk", { count: preview.rows.length })
            : t("intake.preview.someBad", { count: bad, total: formatNumber(preview.rows.length, language) })}
      </Text>
      <Table.ScrollContainer minWidth={Math.min(1200, 160 + preview.columns.length * 140)}>
        <Table verticalSpacing={6} horizontalSpacing="sm" striped={false} data-testid="rows-table" fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th className="intake-sticky intake-num">{t("intake.preview.line")}</Table.Th>
              <Table.Th>
                <VisuallyHidden>{t("intake.preview.status")}</VisuallyHidden>
              </Table.Th>
              {preview.columns.map((column, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a file may repeat a header name
                <Table.Th key={index} style={{ whiteSpace: "nowrap" }}>
                  {column}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((row) => (
              <Row
                key={row.line}
                row={row}
                width={preview.columns.length}
                problems={problems.filter((p) => p.line === row.line)}
                checked={checked}
              />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {problems.length > 0 ? (
        <Stack gap={4} data-testid="row-problems">
          <Text size="sm" fw={600}>
            {t("intake.preview.problemsTitle")}
          </Text>
          <List size="sm" spacing={2}>
            {problems.map((p, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: one row may repeat the same reason
              <List.Item key={index}>
                {p.columnName !== null
                  ? t("intake.preview.cellProblem", {
                      line: formatNumber(p.line, language),
                      column: p.columnName,
                      reason: p.short,
                    })
                  : t("intake.preview.rowProblem", {
                      line: formatNumber(p.line, language),
                      reason: p.short,
                    })}
              </List.Item>
            ))}
          </List>
        </Stack>
      ) : null}
    </Stack>
  );
}
