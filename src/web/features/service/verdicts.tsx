import { Alert, Stack } from "@mantine/core";
import { formatNumber, useI18n } from "../../i18n/index.ts";
import type { Verdict } from "./service-api.ts";
import { formatHours } from "./ui.tsx";

const colour = { bad: "red", warn: "yellow", good: "teal", info: "indigo" } as const;

/** The server's plain sentences (keys with numbers) in the reader's language. */
export function useVerdictText(): (v: Verdict) => string {
  const { t, language } = useI18n();
  const hours = (x: unknown) => formatHours(typeof x === "number" ? x : Number(x), language);
  const channel = (c: unknown) => t(`servicePage.channels.${String(c)}` as "servicePage.channels.email");
  return (v) => {
    const x = v.values;
    const n = (k: string) => formatNumber(Number(x[k] ?? 0), language);
    switch (v.key) {
      case "outside_hours_wait_longer":
        return t("servicePage.verdict.outside_hours_wait_longer", {
          share: n("sharePercent"),
          extra: hours(x.extraHours),
          outside: hours(x.medianOutsideHours),
          inside: hours(x.medianInsideHours),
        });
      case "outside_hours_covered":
        return t("servicePage.verdict.outside_hours_covered", { share: n("sharePercent") });
      case "outside_hours_rare":
        return t("servicePage.verdict.outside_hours_rare", { share: n("sharePercent") });
      case "not_enough_data":
        return t("servicePage.verdict.not_enough_data", {
          count: Number(x.requests ?? 0),
          formatted: n("requests"),
          needed: n("needed"),
        });
      case "unanswered_channels":
        return t("servicePage.verdict.unanswered_channels", {
          channels: new Intl.ListFormat(language).format(
            (Array.isArray(x.channels) ? x.channels : []).map(channel),
          ),
          share: n("answeredPercent"),
          requests: n("requests"),
        });
      case "slowest_channel":
        return t("servicePage.verdict.slowest_channel", {
          channel: channel(x.channel),
          median: hours(x.medianHours),
          fastest: channel(x.fastestChannel),
          fastestMedian: hours(x.fastestMedianHours),
        });
      case "sla_met":
        return t("servicePage.verdict.sla_met", {
          share: n("metPercent"),
          count: Number(x.breached ?? 0),
          formatted: n("breached"),
        });
      case "two_channel_customers":
        return t("servicePage.verdict.two_channel_customers", {
          count: Number(x.customers ?? 0),
          formatted: n("customers"),
        });
      case "wait_cancellation":
        return t("servicePage.verdict.wait_cancellation", {
          bucket: String(x.bucket),
          share: n("cancelPercent"),
          base: n("baseCancelPercent"),
        });
    }
  };
}

export function Verdicts({ verdicts }: { verdicts: Verdict[] }) {
  const text = useVerdictText();
  return (
    <Stack gap="xs" data-testid="verdicts">
      {verdicts.map((v) => (
        <Alert
          key={v.key}
          color={colour[v.tone]}
          variant="light"
          data-testid={`verdict-${v.key}`}
          styles={{
            message: { color: "var(--mantine-color-black)", fontSize: "var(--mantine-font-size-md)" },
          }}
        >
          {text(v)}
        </Alert>
      ))}
    </Stack>
  );
}
