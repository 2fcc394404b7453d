import { formatMoney, type Language, type useI18n } from "../../i18n/index.ts";
import { sliceLabel } from "../speedometer/labels.ts";
import { type Effect, type Initiative, targetOf } from "./initiatives-api.ts";

type T = ReturnType<typeof useI18n>["t"];

// Mirrors the server's grant (src/platform/http/roles.ts): only owners and managers log pedals.
export const canManage = (role: string): boolean => role === "owner" || role === "manager";

/** What a pedal aims at, in words: "Location: Store on Khreshchatyk", or the whole business. */
export function targetText(t: T, i: Initiative, effect?: Effect): string {
  const given = targetOf(i.target);
  if (given.kind === "all") return t("initiativesPage.targets.all");
  const resolved = effect && effect.target.kind === given.kind ? effect.target : undefined;
  let name = resolved?.label ?? given.value ?? "";
  if (given.kind === "channel") name = sliceLabel(t, "channel", given.value ?? "", name);
  return `${t(`initiativesPage.targets.${given.kind}`)}: ${name}`;
}

export const costLabel = (i: Initiative, language: Language) => formatMoney(i.cost, i.currency, language);
