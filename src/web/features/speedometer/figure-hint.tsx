import { Stack, Text, Tooltip, UnstyledButton, VisuallyHidden } from "@mantine/core";
import type { ReactNode } from "react";
import "./speedometer.css";

export type Explanation = {
  /** What is shown, in words (e.g. "Repeat purchases"). */
  title: string;
  /** The formula in the reader's language. */
  formula: string;
  /** Numerator, denominator, n, interval… each already formatted. */
  lines: readonly { label: string; value: string }[];
};

/**
 * A number that explains itself: hovering, focusing (Tab) or touching it shows its formula, numerator,
 * denominator and n. The explanation is also in the accessible name, so a screen reader hears it.
 */
export function FigureHint({
  explain,
  children,
  testId,
}: {
  explain: Explanation;
  children: ReactNode;
  testId?: string;
}) {
  const label = (
    <Stack gap={4} maw={340}>
      <Text size="sm" fw={700} c="white">
        {explain.title}
      </Text>
      <Text size="xs" c="white">
        {explain.formula}
      </Text>
      {explain.lines.map((l) => (
        <Text key={l.label} size="xs" c="white">
          {l.label}: <b>{l.value}</b>
        </Text>
      ))}
    </Stack>
  );
  const spoken = [explain.formula, ...explain.lines.map((l) => `${l.label}: ${l.value}`)].join("; ");
  return (
    <Tooltip label={label} multiline withArrow events={{ hover: true, focus: true, touch: true }}>
      <UnstyledButton className="speedo-figure" data-testid={testId}>
        {children}
        <VisuallyHidden>{` (${spoken})`}</VisuallyHidden>
      </UnstyledButton>
    </Tooltip>
  );
}
