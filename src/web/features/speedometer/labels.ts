import type { useI18n } from "../../i18n/index.ts";
import type { Change, Dimension } from "./speedometer-api.ts";

type T = ReturnType<typeof useI18n>["t"];

/** Order and request channels the page has words for; anything else is shown as it was imported. */
export const knownChannels = [
  "store",
  "online",
  "email",
  "phone",
  "telegram",
  "whatsapp",
  "viber",
  "vk",
  "instagram",
  "web",
  "in_person",
  "other",
] as const;
type KnownChannel = (typeof knownChannels)[number];

const isKnownChannel = (v: string): v is KnownChannel => (knownChannels as readonly string[]).includes(v);

/** The name of a slice: channels in the reader's language, locations and segments by their own names. */
export function sliceLabel(t: T, dim: Dimension, value: string, label: string): string {
  return dim === "channel" && isKnownChannel(value) ? t(`speedometerPage.channels.${value}`) : label;
}

/** Mantine colour for a change call. */
export const changeColour = (c: Change): string =>
  c === "up" ? "teal.9" : c === "down" ? "red.9" : "gray.7";

export const changeArrow = (c: Change): string => (c === "up" ? "▲" : c === "down" ? "▼" : "");
