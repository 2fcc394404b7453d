import { addMonthsUtc, DAY, kyivLocal, kyivToUtc } from "./time.ts";
import type {
  DemoInitiative,
  DemoLocation,
  DemoOptions,
  DemoWorkspace,
  LocationKey,
  WeeklyHours,
} from "./types.ts";

/** The retailer the demo depicts: home goods, three Kyiv stores and a web shop. */

/** The instants the story hangs on, all derived from endDate so that the data is reproducible. */
export type Timeline = {
  start: number;
  end: number;
  /** The extra evening cashier on Khreshchatyk: long queues there fade after it. */
  extraCashierAt: number;
  /** The cheaper courier: late deliveries grow after it. */
  courierSwitchAt: number;
  /** A loyalty card relaunch that moved nothing: initiatives can fail. */
  loyaltyRelaunchAt: number;
};

function startOfKyivDay(utcMs: number): number {
  return kyivToUtc(kyivLocal(utcMs).day, 0);
}

export function timeline(endDate: Date): Timeline {
  const end = endDate.getTime();
  return {
    start: addMonthsUtc(end, -24),
    end,
    extraCashierAt: startOfKyivDay(addMonthsUtc(end, -8)),
    courierSwitchAt: startOfKyivDay(end - 66 * DAY),
    loyaltyRelaunchAt: startOfKyivDay(addMonthsUtc(end, -12)),
  };
}

const daily = (from: string, to: string): WeeklyHours => {
  const span = [{ from, to }];
  return { mon: span, tue: span, wed: span, thu: span, fri: span, sat: span, sun: span };
};

export const STORE_WEEKLY_HOURS: WeeklyHours = daily("10:00", "21:00");
export const ONLINE_WEEKLY_HOURS: WeeklyHours = daily("00:00", "24:00");
export const CONTACT_CENTRE_WEEKLY_HOURS: WeeklyHours = {
  mon: [{ from: "09:00", to: "18:00" }],
  tue: [{ from: "09:00", to: "18:00" }],
  wed: [{ from: "09:00", to: "18:00" }],
  thu: [{ from: "09:00", to: "18:00" }],
  fri: [{ from: "09:00", to: "18:00" }],
  sat: [],
  sun: [],
};

export const LOCATIONS: readonly DemoLocation[] = [
  {
    externalId: "store-khreshchatyk",
    name: "Магазин на Хрещатику",
    kind: "store",
    address: "Київ, вул. Хрещатик, 22",
    timeZone: "Europe/Kyiv",
    workingHours: STORE_WEEKLY_HOURS,
  },
  {
    externalId: "store-obolon",
    name: "Магазин на Оболоні",
    kind: "store",
    address: "Київ, просп. Оболонський, 16",
    timeZone: "Europe/Kyiv",
    workingHours: STORE_WEEKLY_HOURS,
  },
  {
    externalId: "store-livoberezhna",
    name: "Магазин на Лівобережній",
    kind: "store",
    address: "Київ, Броварський просп., 9",
    timeZone: "Europe/Kyiv",
    workingHours: STORE_WEEKLY_HOURS,
  },
  {
    externalId: "online",
    name: "Інтернет-магазин",
    kind: "online",
    address: null,
    timeZone: "Europe/Kyiv",
    workingHours: ONLINE_WEEKLY_HOURS,
  },
];

export const STORE_KEYS: readonly LocationKey[] = [
  "store-khreshchatyk",
  "store-obolon",
  "store-livoberezhna",
];

/** Contact-centre agents answer every remote channel; store staff take what is said on the spot. */
export const CONTACT_CENTRE_STAFF = [
  "Оксана Мельник",
  "Ігор Савченко",
  "Марина Коваль",
  "Дмитро Бондаренко",
  "Катерина Шевчук",
  "Андрій Ткаченко",
] as const;

export const STORE_STAFF: Readonly<Record<Exclude<LocationKey, "online">, readonly string[]>> = {
  "store-khreshchatyk": ["Ірина Гончаренко", "Світлана Литвин", "Олег Кравчук"],
  "store-obolon": ["Наталія Поліщук", "Юлія Мороз", "Богдан Лисенко"],
  "store-livoberezhna": ["Тетяна Руденко", "Василь Марченко", "Алла Кириленко"],
};

/** First names staff wear on their badges, as customers quote them in thanks. */
export const BADGE_NAMES: Readonly<Record<"ru" | "uk" | "en", readonly string[]>> = {
  ru: ["Ирина", "Светлана", "Наталья", "Юлия", "Татьяна", "Алла", "Марина", "Оксана"],
  uk: ["Ірина", "Світлана", "Наталія", "Юлія", "Тетяна", "Алла", "Марина", "Оксана"],
  en: ["Iryna", "Svitlana", "Nataliia", "Yuliia", "Tetiana", "Alla", "Maryna", "Oksana"],
};

export function demoWorkspace(options: DemoOptions): DemoWorkspace {
  return {
    currency: "UAH",
    timeZone: "Europe/Kyiv",
    locales: ["uk", "ru", "en"],
    settings: {
      workingHours: {
        timeZone: "Europe/Kyiv",
        contactCentre: CONTACT_CENTRE_WEEKLY_HOURS,
        stores: STORE_WEEKLY_HOURS,
        online: ONLINE_WEEKLY_HOURS,
      },
      purchaseCycleDays: 90,
      margin: 0.35,
      demo: {
        seed: options.seed,
        customers: options.customers,
        endDate: options.endDate.toISOString(),
      },
    },
  };
}

export function demoInitiatives(t: Timeline): DemoInitiative[] {
  return [
    {
      externalId: "init-loyalty-relaunch",
      title: "Перезапуск картки лояльності",
      description: "Новий дизайн картки, 3% бонусами з кожної покупки, реєстрація через застосунок.",
      kind: "product",
      lever: "loyalty programme",
      startedAt: new Date(t.loyaltyRelaunchAt),
      cost: 45_000_000,
      currency: "UAH",
      owner: "Олена Дмитренко, маркетинг",
      target: {}, // the whole business
    },
    {
      externalId: "init-extra-cashier",
      title: "Додаткова каса на вечірні зміни на Хрещатику",
      description:
        "З 17:00 до 21:00 щодня працює друга касирка; у п'ятницю й на вихідних — третя. Відповідь на скарги на черги.",
      kind: "people",
      lever: "staffing",
      startedAt: new Date(t.extraCashierAt),
      cost: 17_600_000,
      currency: "UAH",
      owner: "Ірина Гончаренко, керівниця магазину на Хрещатику",
      target: { location: "store-khreshchatyk", problem: "long_queue" },
    },
    {
      externalId: "init-courier-switch",
      title: "Перехід на дешевшу кур'єрську службу",
      description: "Новий партнер з доставки по Києву: на 18% дешевше за відправлення.",
      kind: "process",
      lever: "delivery partner",
      startedAt: new Date(t.courierSwitchAt),
      cost: 0,
      currency: "UAH",
      owner: "Максим Павленко, логістика",
      target: { location: "online" },
    },
  ];
}
