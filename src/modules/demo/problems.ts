import { brokenItem, lateDelivery, slowRefund } from "./texts/problems-delivery.ts";
import { hiddenFees, outOfStock, siteTypos } from "./texts/problems-online.ts";
import { dirtyToilet, entrancePuddle, staffParking } from "./texts/problems-premises.ts";
import { messengerUnavailable, noEveningReply } from "./texts/problems-service.ts";
import { longQueue, rudeGuard } from "./texts/problems-store.ts";
import type { ProblemTexts } from "./texts/types.ts";
import type { Lang, LocationKey, ProblemKey, RequestChannel } from "./types.ts";

/**
 * The problems planted in the demo. Most are met on a visit or an order (`rates`, per order at that
 * location, before the time effects in model.ts); `slow_refund` follows a return or a prepaid
 * cancellation and `no_evening_reply` follows a request left unanswered overnight.
 */
export type ProblemSpec = {
  key: ProblemKey;
  names: Readonly<Record<Lang, string>>;
  trigger: "visit" | "refund" | "unanswered";
  rates: Readonly<Partial<Record<LocationKey, number>>>;
  /** How written complaints about it arrive (weights). */
  channels: Readonly<Partial<Record<RequestChannel, number>>>;
  /** Share of the customers who meet it and then write about it. */
  voice: number;
  /** 0..1: how much it spoils the customer's view of the company, hence scores and churn. */
  severity: number;
  texts: ProblemTexts;
};

const storeChannels = { in_person: 5, phone: 2, instagram: 2, telegram: 2, viber: 2, email: 1.5, web: 1.5 };
const remoteChannels = { email: 3, web: 3, telegram: 2.5, viber: 2.5, phone: 2, instagram: 1, whatsapp: 0.7 };

export const PROBLEMS: readonly ProblemSpec[] = [
  {
    key: "late_delivery",
    names: { ru: "Опоздание доставки", uk: "Запізнення доставки", en: "Late delivery" },
    trigger: "visit",
    rates: { online: 0.0403 },
    channels: remoteChannels,
    voice: 0.66,
    severity: 0.45,
    texts: lateDelivery,
  },
  {
    key: "rude_guard",
    names: { ru: "Грубый охранник", uk: "Грубий охоронець", en: "Rude security guard" },
    trigger: "visit",
    rates: { "store-livoberezhna": 0.0345, "store-khreshchatyk": 0.0069, "store-obolon": 0.0034 },
    channels: { ...storeChannels, in_person: 4 },
    voice: 0.54,
    severity: 0.55,
    texts: rudeGuard,
  },
  {
    key: "dirty_toilet",
    names: { ru: "Грязный туалет", uk: "Брудний туалет", en: "Dirty toilet" },
    trigger: "visit",
    rates: { "store-livoberezhna": 0.0403, "store-khreshchatyk": 0.0092, "store-obolon": 0.0046 },
    channels: storeChannels,
    voice: 0.36,
    severity: 0.3,
    texts: dirtyToilet,
  },
  {
    key: "entrance_puddle",
    names: { ru: "Лужа у входа", uk: "Калюжа біля входу", en: "Puddle at the entrance" },
    trigger: "visit",
    rates: { "store-livoberezhna": 0.0345, "store-khreshchatyk": 0.0092, "store-obolon": 0.0069 },
    channels: storeChannels,
    voice: 0.36,
    severity: 0.2,
    texts: entrancePuddle,
  },
  {
    key: "staff_parking",
    names: {
      ru: "Парковка занята машинами сотрудников",
      uk: "Парковка зайнята авто працівників",
      en: "Parking taken by staff cars",
    },
    trigger: "visit",
    rates: { "store-livoberezhna": 0.0345, "store-obolon": 0.0138, "store-khreshchatyk": 0.0034 },
    channels: { ...storeChannels, in_person: 1.5 },
    voice: 0.36,
    severity: 0.25,
    texts: staffParking,
  },
  {
    key: "site_typos",
    names: { ru: "Ошибки на сайте", uk: "Помилки на сайті", en: "Typos on the website" },
    trigger: "visit",
    rates: { online: 0.0184 },
    channels: { web: 3, email: 3, instagram: 2, telegram: 1.5, viber: 1 },
    voice: 0.42,
    severity: 0.1,
    texts: siteTypos,
  },
  {
    key: "long_queue",
    names: { ru: "Очередь на кассе", uk: "Черга на касі", en: "Long queue at the till" },
    trigger: "visit",
    rates: { "store-khreshchatyk": 0.0575, "store-livoberezhna": 0.0172, "store-obolon": 0.0115 },
    channels: { ...storeChannels, in_person: 2 },
    voice: 0.36,
    severity: 0.3,
    texts: longQueue,
  },
  {
    key: "no_evening_reply",
    names: {
      ru: "Нет ответа вечером и в выходные",
      uk: "Немає відповіді ввечері й на вихідних",
      en: "No reply in the evening",
    },
    trigger: "unanswered",
    rates: {},
    channels: { telegram: 3, viber: 3, email: 2, web: 2, instagram: 1.5, whatsapp: 1, phone: 1 },
    voice: 0.36,
    severity: 0.3,
    texts: noEveningReply,
  },
  {
    key: "hidden_fees",
    names: { ru: "Скрытые платежи", uk: "Приховані платежі", en: "Hidden fees" },
    trigger: "visit",
    rates: {
      online: 0.0161,
      "store-khreshchatyk": 0.0034,
      "store-obolon": 0.0034,
      "store-livoberezhna": 0.0057,
    },
    channels: remoteChannels,
    voice: 0.6,
    severity: 0.45,
    texts: hiddenFees,
  },
  {
    key: "messenger_unavailable",
    names: {
      ru: "Нельзя написать в мессенджер",
      uk: "Не можна написати в месенджер",
      en: "Cannot write in a messenger",
    },
    trigger: "visit",
    rates: {
      online: 0.0092,
      "store-khreshchatyk": 0.0023,
      "store-obolon": 0.0023,
      "store-livoberezhna": 0.0023,
    },
    // Those who cannot reach you in a messenger complain wherever they still can.
    channels: { email: 4, web: 3, instagram: 1.5, phone: 1.5, telegram: 0.5 },
    voice: 0.84,
    severity: 0.2,
    texts: messengerUnavailable,
  },
  {
    key: "broken_item",
    names: { ru: "Брак и повреждённый товар", uk: "Брак і пошкоджений товар", en: "Broken or faulty item" },
    trigger: "visit",
    rates: {
      online: 0.0207,
      "store-khreshchatyk": 0.0069,
      "store-obolon": 0.0069,
      "store-livoberezhna": 0.008,
    },
    channels: { ...remoteChannels, in_person: 1.5 },
    voice: 0.84,
    severity: 0.5,
    texts: brokenItem,
  },
  {
    key: "slow_refund",
    names: { ru: "Долгий возврат денег", uk: "Довге повернення грошей", en: "Slow refund" },
    trigger: "refund",
    rates: {
      online: 0.345,
      "store-khreshchatyk": 0.138,
      "store-obolon": 0.115,
      "store-livoberezhna": 0.1725,
    },
    channels: remoteChannels,
    voice: 0.84,
    severity: 0.6,
    texts: slowRefund,
  },
  {
    key: "out_of_stock",
    names: { ru: "Нет в наличии", uk: "Немає в наявності", en: "Out of stock" },
    trigger: "visit",
    rates: {
      online: 0.0161,
      "store-khreshchatyk": 0.0115,
      "store-obolon": 0.0092,
      "store-livoberezhna": 0.0138,
    },
    channels: { ...remoteChannels, in_person: 1 },
    voice: 0.42,
    severity: 0.25,
    texts: outOfStock,
  },
];

export const PROBLEM_BY_KEY: ReadonlyMap<ProblemKey, ProblemSpec> = new Map(PROBLEMS.map((p) => [p.key, p]));

export function problemSpec(key: ProblemKey): ProblemSpec {
  const spec = PROBLEM_BY_KEY.get(key);
  if (!spec) throw new Error(`unknown problem ${key}`);
  return spec;
}
