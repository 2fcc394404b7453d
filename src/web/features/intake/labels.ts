import type { Role } from "../../app/types.ts";
import { formatNumber, type Language, useI18n } from "../../i18n/index.ts";
import { type Entity, entityFields } from "./fields.ts";
import { splitDuration } from "./progress.ts";
import { readIssue } from "./reasons.ts";

// Mirrors the server's grants (src/platform/http/roles.ts): the page only hides what the server refuses.
export const canImport = (role: Role): boolean => role === "owner" || role === "manager";
export const canExport = (role: Role): boolean =>
  role === "owner" || role === "manager" || role === "advocate" || role === "analyst";

/** The reader's name for a field of an entity; an unknown name is shown as it is. */
export function useFieldLabel(): (entity: Entity, field: string) => string {
  const { t } = useI18n();
  return (entity, field) =>
    (entityFields[entity] as readonly string[]).includes(field)
      ? t(`intake.fields.${entity}.${field}` as "intake.fields.orders.amount")
      : field;
}

/** Several fields as "A, B or C" in the reader's language. */
export function useFieldList(): (entity: Entity, fields: readonly string[]) => string {
  const { language } = useI18n();
  const label = useFieldLabel();
  return (entity, fields) =>
    new Intl.ListFormat(language, { type: "disjunction" }).format(fields.map((f) => label(entity, f)));
}

/**
 * A server reason in the reader's language: the field it is about and what is wrong, e.g. «Сумма»: не
 * число: «abc». Falls back to the server's English sentence when the wording is new to this page.
 */
export function useIssueText(): (
  entity: Entity,
  message: string,
  code?: string,
  withField?: boolean,
) => string {
  const { t } = useI18n();
  const label = useFieldLabel();
  return (entity, message, code, withField = true) => {
    const read = readIssue(message, code);
    if (!read) return message;
    const { subject, other, ...rest } = read.params;
    const params = { ...rest, other: other ? label(entity, other) : "" };
    const reason = t(`intake.issue.${read.code}` as "intake.issue.required", params);
    return withField && subject && subject !== "value" ? `${label(entity, subject)}: ${reason}` : reason;
  };
}

/** A duration in its two largest units ("1 h 5 min", "40 s") with Intl's unit names. */
export function formatDuration(totalSeconds: number, language: Language): string {
  const { hours, minutes, seconds } = splitDuration(totalSeconds);
  const unit = (value: number, name: "hour" | "minute" | "second") =>
    formatNumber(value, language, { style: "unit", unit: name, unitDisplay: "short" });
  if (hours > 0)
    return minutes > 0 ? `${unit(hours, "hour")} ${unit(minutes, "minute")}` : unit(hours, "hour");
  if (minutes > 0)
    return seconds > 0 ? `${unit(minutes, "minute")} ${unit(seconds, "second")}` : unit(minutes, "minute");
  return unit(seconds, "second");
}

/** A file size with Intl's byte units (KB, МБ…). */
export function formatBytes(bytes: number, language: Language): string {
  const units = ["byte", "kilobyte", "megabyte", "gigabyte"] as const;
  let value = bytes;
  let index = 0;
  while (value >= 1024 && index < units.length - 1) {
    value /= 1024;
    index++;
  }
  return formatNumber(value, language, {
    style: "unit",
    unit: units[index],
    unitDisplay: "short",
    maximumFractionDigits: index === 0 ? 0 : 1,
  });
}
