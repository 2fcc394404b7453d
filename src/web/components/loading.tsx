import { Center, Loader } from "@mantine/core";
import { useI18n } from "../i18n/index.ts";

/** A spinner that says what it is to screen readers. */
export function Loading({ fullPage = false }: { fullPage?: boolean }) {
  const { t } = useI18n();
  return (
    <Center h={fullPage ? "100dvh" : 160} role="status" aria-live="polite">
      <Loader aria-label={t("app.loading")} />
    </Center>
  );
}
