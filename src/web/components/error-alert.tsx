import { Alert, Button } from "@mantine/core";
import { ApiError } from "../app/api.ts";
import { useI18n } from "../i18n/index.ts";

/** The translated sentence for an error from the API client (the server's own text is English). */
export function useErrorText(): (error: unknown) => string {
  const { t } = useI18n();
  return (error) => t(`errors.${error instanceof ApiError ? error.code : "internal"}`);
}

export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useI18n();
  const text = useErrorText();
  return (
    <Alert color="red" variant="light" title={t("errors.title")} role="alert">
      {text(error)}
      {onRetry ? (
        <Button variant="default" size="xs" mt="sm" display="block" onClick={onRetry}>
          {t("common.retry")}
        </Button>
      ) : null}
    </Alert>
  );
}
