/** The channels a request can come through; mirrors the CHECK constraint on request.channel (migrations/0002). */
export const CHANNELS = [
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
export type Channel = (typeof CHANNELS)[number];
