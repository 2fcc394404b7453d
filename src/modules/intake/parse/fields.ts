import type { EnumName } from "./enums.ts";
import { list } from "./values.ts";

export type EntityKind = "customers" | "orders" | "requests" | "feedback";

export type FieldType =
  | "id"
  | "text"
  | "datetime"
  | "money"
  | "integer"
  | "email"
  | "phone"
  | "currency"
  | "enum";

export type FieldSpec = {
  name: string;
  type: FieldType;
  enumName?: EnumName;
  /** Header names (en/ru/uk) that mean this field; compared after normalizeKey. */
  synonyms: readonly string[];
  /** Names that usually mean this field but may mean another (confidence 0.9, "Клиент" = id or name). */
  weak?: readonly string[];
  /** A default used when no column is mapped or the cell is empty. */
  fallback?: string;
};

/** Required fields; a group is satisfied by any one of its fields ("customer id, e-mail or phone"). */
export type RequiredGroup = readonly string[];

export type EntitySpec = { fields: readonly FieldSpec[]; required: readonly RequiredGroup[] };

const CUSTOMER_ID =
  list(`customer id | client id | customer number | customer no | customer code | user id | buyer id
    | id клиента | код клиента | номер клиента | клиент id | ид клиента | код покупателя
    | id покупателя | код контрагента | карта | номер карты | дисконтная карта | карта лояльности
    | loyalty card | card number | id клієнта | код клієнта | номер клієнта | код покупця
    | номер картки | картка | дисконтна картка | клієнт id | ід клієнта | id покупця | ід покупця`);
const CUSTOMER_WORDS = list(
  `customer | client | buyer | клиент | покупатель | контрагент | клієнт | покупець`,
);
const NAME =
  list(`name | full name | customer name | client name | contact name | фио | ф и о | имя | имя клиента
    | фио клиента | наименование | піб | ім я | ім я клієнта | піб клієнта | назва | прізвище ім я`);
const EMAIL =
  list(`email | e mail | mail | email address | customer email | почта | эл почта | электронная почта
    | адрес почты | пошта | ел пошта | електронна пошта | емейл | имейл`);
const PHONE =
  list(`phone | telephone | mobile | tel | phone number | mobile phone | customer phone | телефон | тел
    | мобильный | мобильный телефон | моб телефон | номер телефона | телефон клиента | мобільний
    | номер телефону | телефон клієнта`);
const REFERRED_BY =
  list(`referred by | referrer | referral | referrer id | invited by | рекомендатель | пригласил
    | по рекомендации | кто порекомендовал | реферер | запросив | за рекомендацією
    | хто порекомендував`);
const LOCATION =
  list(`location | store | shop | branch | point of sale | pos | outlet | магазин | точка | филиал
    | подразделение | склад | торговая точка | точка продаж | салон | відділення | філія | підрозділ
    | торгова точка | крамниця`);
const LANGUAGE = list(`language | lang | locale | язык | мова`);

const customerRef: FieldSpec[] = [
  { name: "customer_external_id", type: "id", synonyms: CUSTOMER_ID, weak: CUSTOMER_WORDS },
  { name: "customer_name", type: "text", synonyms: NAME, weak: CUSTOMER_WORDS },
  { name: "customer_email", type: "email", synonyms: EMAIL },
  { name: "customer_phone", type: "phone", synonyms: PHONE },
];
const anyCustomer: RequiredGroup = list(`customer_external_id | customer_email | customer_phone`);

export const ENTITIES: Record<EntityKind, EntitySpec> = {
  customers: {
    fields: [
      { name: "external_id", type: "id", synonyms: ["id", ...CUSTOMER_ID, "код", "external id"] },
      { name: "name", type: "text", synonyms: [...NAME, ...CUSTOMER_WORDS] },
      { name: "email", type: "email", synonyms: EMAIL },
      { name: "phone", type: "phone", synonyms: PHONE },
      {
        name: "first_seen_at",
        type: "datetime",
        synonyms: list(`first seen | first seen at | first purchase | first order date | created | created at
    | registered | registration date | signup date | customer since | дата регистрации
    | дата первой покупки | дата создания | клиент с | дата реєстрації | дата першої покупки
    | дата створення | клієнт з`),
      },
      { name: "referred_by", type: "id", synonyms: REFERRED_BY },
    ],
    required: [list(`external_id | email | phone`)],
  },
  orders: {
    fields: [
      {
        name: "external_id",
        type: "id",
        synonyms:
          list(`order id | order number | order no | order | id | transaction id | invoice | invoice number
    | receipt | receipt number | номер заказа | no заказа | заказ | номер | номер документа | документ
    | чек | номер чека | id заказа | номер замовлення | no замовлення | замовлення | номер документу`),
      },
      ...customerRef,
      {
        name: "ordered_at",
        type: "datetime",
        synonyms:
          list(`date | order date | ordered at | created at | created | purchase date | time | datetime
    | timestamp | transaction date | дата | дата заказа | дата покупки | дата продажи | дата документа
    | дата и время | дата чека | дата оплаты | период | дата замовлення | дата продажу | дата і час
    | дата документу | дата оплати`),
      },
      {
        name: "amount",
        type: "money",
        synonyms:
          list(`amount | total | sum | paid | revenue | order total | amount paid | total paid | net amount
    | value | dollar value | price | сумма | итого | оплачено | сумма заказа | сумма оплаты | выручка
    | стоимость | сумма со скидкой | к оплате | сумма продажи | сума | разом | сплачено
    | сума замовлення | виручка | вартість | сума зі знижкою | до сплати | сума оплати | сума продажу`),
      },
      {
        name: "list_amount",
        type: "money",
        synonyms: list(`list amount | list price | full price | amount before discount | price before discount
    | subtotal | gross amount | regular price | сумма без скидки | полная цена | полная стоимость
    | цена без скидки | сумма до скидки | базовая цена | сума без знижки | повна ціна | повна вартість
    | ціна без знижки | сума до знижки`),
      },
      { name: "currency", type: "currency", synonyms: list(`currency | cur | ccy | валюта`) },
      {
        name: "channel",
        type: "text",
        synonyms: list(
          `channel | sales channel | source | канал | канал продаж | источник | канал продажу | джерело`,
        ),
      },
      { name: "location", type: "text", synonyms: LOCATION },
      {
        name: "status",
        type: "enum",
        enumName: "order_status",
        synonyms: list(
          `status | order status | state | статус | статус заказа | состояние | статус замовлення | стан`,
        ),
        fallback: "completed",
      },
      {
        name: "wait_days",
        type: "integer",
        synonyms:
          list(`wait days | waiting days | days waited | delivery days | backorder days | дней ожидания
    | срок ожидания | ожидание дней | срок доставки | днів очікування | термін очікування
    | термін доставки`),
        fallback: "0",
      },
      { name: "referred_by", type: "id", synonyms: REFERRED_BY },
    ],
    required: [["ordered_at"], ["amount"], anyCustomer],
  },
  requests: {
    fields: [
      {
        name: "external_id",
        type: "id",
        synonyms:
          list(`request id | ticket id | ticket | ticket number | case id | case number | id | номер обращения
    | обращение | номер заявки | заявка | тикет | номер тикета | номер звернення | звернення`),
      },
      ...customerRef,
      {
        name: "channel",
        type: "enum",
        enumName: "request_channel",
        synonyms: list(`channel | source | канал | источник | канал обращения | джерело | канал звернення`),
        fallback: "other",
      },
      {
        name: "kind",
        type: "enum",
        enumName: "request_kind",
        synonyms:
          list(`kind | type | category | request type | тип | вид | тип обращения | категория | тип звернення
    | категорія`),
      },
      { name: "subject", type: "text", synonyms: list(`subject | title | topic | тема | заголовок`) },
      {
        name: "text",
        type: "text",
        synonyms: list(`text | message | body | description | content | comment | текст | сообщение | описание
    | суть обращения | комментарий | повідомлення | опис | суть звернення | коментар`),
        fallback: "",
      },
      { name: "language", type: "enum", enumName: "language", synonyms: LANGUAGE },
      {
        name: "created_at",
        type: "datetime",
        synonyms:
          list(`created at | created | date | opened | opened at | received | received at | дата | дата создания
    | дата обращения | создано | дата звернення | створено | дата створення`),
      },
      {
        name: "first_response_at",
        type: "datetime",
        synonyms:
          list(`first response | first response at | first reply | first reply at | responded at | первый ответ
    | дата первого ответа | время первого ответа | перша відповідь | дата першої відповіді`),
      },
      {
        name: "resolved_at",
        type: "datetime",
        synonyms: list(`resolved at | resolved | closed at | solved at | дата решения | решено | дата закрытия
    | дата вирішення | вирішено | дата закриття`),
      },
      { name: "location", type: "text", synonyms: LOCATION },
      {
        name: "status",
        type: "enum",
        enumName: "request_status",
        synonyms: list(`status | state | статус | состояние | статус обращения | стан | статус звернення`),
      },
      {
        name: "assignee",
        type: "text",
        synonyms:
          list(`assignee | agent | owner | responsible | operator | ответственный | исполнитель | сотрудник
    | оператор | відповідальний | виконавець | працівник`),
      },
    ],
    required: [["created_at"], ["kind"]],
  },
  feedback: {
    fields: [
      {
        name: "external_id",
        type: "id",
        synonyms: list(`response id | answer id | feedback id | id | номер ответа | номер відповіді`),
      },
      ...customerRef,
      {
        name: "kind",
        type: "enum",
        enumName: "feedback_kind",
        synonyms: list(`kind | type | survey | survey type | metric | тип | опрос | метрика | опитування`),
      },
      {
        name: "score",
        type: "integer",
        synonyms: list(`score | rating | grade | nps | csat | ces | оценка | балл | рейтинг | оцінка | бал`),
      },
      {
        name: "comment",
        type: "text",
        synonyms:
          list(`comment | feedback | text | answer | review | комментарий | отзыв | ответ | текст | коментар
    | відгук | відповідь`),
      },
      { name: "language", type: "enum", enumName: "language", synonyms: LANGUAGE },
      {
        name: "order_external_id",
        type: "id",
        synonyms: list(`order id | order | номер заказа | заказ | номер замовлення | замовлення`),
      },
      {
        name: "request_external_id",
        type: "id",
        synonyms: list(
          `request id | ticket | ticket id | обращение | номер обращения | звернення | номер звернення`,
        ),
      },
      { name: "location", type: "text", synonyms: LOCATION },
      { name: "channel", type: "text", synonyms: list(`channel | source | канал | источник | джерело`) },
      {
        name: "created_at",
        type: "datetime",
        synonyms: list(
          `date | created at | created | submitted at | answered at | дата | дата ответа | дата відповіді`,
        ),
      },
    ],
    required: [["created_at"], ["score"], ["kind"]],
  },
};

export const fieldSpec = (entity: EntityKind, field: string): FieldSpec | undefined =>
  ENTITIES[entity].fields.find((f) => f.name === field);
