import { Badge } from "@mantine/core";
import type { ReactNode } from "react";

export type Tone = "good" | "info" | "warn" | "bad" | "neutral";

// Mantine's light badges put shade-9 text on a shade-1 tint, below WCAG AA for teal and yellow; a shade-0
// tint keeps teal, indigo and red above 4.5:1, and a guess reads dark text on yellow.
const tones: Record<Tone, { bg: string; c: string }> = {
  good: { bg: "teal.0", c: "teal.9" },
  info: { bg: "indigo.0", c: "indigo.9" },
  warn: { bg: "yellow.2", c: "gray.9" },
  bad: { bg: "red.0", c: "red.9" },
  neutral: { bg: "gray.1", c: "gray.9" },
};

/** A small status word with a tint that says its tone, readable by contrast alone. */
export function Tag({ tone, children }: { tone: Tone; children: ReactNode }) {
  const { bg, c } = tones[tone];
  return (
    // A narrow table column must not cut the word short: the tag is as wide as its text.
    <Badge
      variant="filled"
      bg={bg}
      c={c}
      tt="none"
      fw={600}
      size="md"
      radius="sm"
      style={{ minWidth: "max-content" }}
    >
      {children}
    </Badge>
  );
}
