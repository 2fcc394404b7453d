import { Group, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

type SectionProps = { id: string; title: string; text?: string; aside?: ReactNode; children: ReactNode };

/** One titled block of the settings page, labelled for assistive technology by its heading. */
export function Section({ id, title, text, aside, children }: SectionProps) {
  return (
    <Stack gap="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" align="flex-end" gap="xs">
        <div>
          <Title order={2} size="h3" id={id}>
            {title}
          </Title>
          {text ? (
            <Text c="dimmed" size="sm" maw={720}>
              {text}
            </Text>
          ) : null}
        </div>
        {aside}
      </Group>
      {children}
    </Stack>
  );
}
