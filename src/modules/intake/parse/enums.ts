import type { Channel } from "../../../platform/domain/channels.ts";
import type { RawCell } from "./source.ts";
import { cellText, fail, list, normalizeKey, ok, type ValueResult } from "./values.ts";

export type OrderStatus = "completed" | "cancelled" | "returned";
export type RequestChannel = Channel;
export type RequestKind = "complaint" | "question" | "suggestion" | "praise";
export type RequestStatus = "open" | "pending" | "resolved" | "closed";
export type FeedbackKind = "nps" | "csat" | "ces";
export type Language = "ru" | "uk" | "en";

export type EnumName =
  | "order_status"
  | "request_channel"
  | "request_kind"
  | "request_status"
  | "feedback_kind"
  | "language";

// Words as exports from shops, CRMs and help desks write them, in en/ru/uk; compared after normalizeKey
// (lower case, ё→е, punctuation as spaces), so "Отменён", "ОТМЕНЕН" and "отменен." are one entry.
const SYNONYMS: Record<EnumName, Record<string, readonly string[]>> = {
  order_status: {
    completed:
      list(`completed | complete | done | paid | delivered | fulfilled | closed | success | shipped | sold
    | выполнен | выполнено | выполнена | завершен | завершено | оплачен | оплачено | доставлен
    | доставлено | проведен | проведено | продажа | выдан | получен | закрыт | виконано | виконаний
    | виконане | завершений | оплачений | доставлений | доставлено | продаж | отримано`),
    cancelled: list(`cancelled | canceled | cancel | void | voided | declined | failed | rejected | отменен
    | отменено | отменена | отмена | аннулирован | аннулировано | отказ | не выкуплен | скасовано
    | скасований | скасування | відмінено | відмова | анульовано`),
    returned: list(`returned | return | refund | refunded | возврат | возвращен | возвращено | возврат товара
    | повернення | повернуто | повернено | повернений`),
  },
  request_channel: {
    email: list(`email | e mail | mail | почта | эл почта | электронная почта | пошта | ел пошта
    | електронна пошта | емейл | имейл`),
    phone: list(`phone | call | telephone | phone call | телефон | звонок | тел | дзвінок | колл центр
    | call center | callcenter`),
    telegram: list(`telegram | tg | телеграм | телеграмм`),
    whatsapp: list(`whatsapp | whats app | wa | ватсап | вотсап | вацап`),
    viber: ["viber", "вайбер"],
    vk: list(`vk | vkontakte | вконтакте | вк`),
    instagram: list(`instagram | insta | ig | инстаграм | інстаграм`),
    web: list(`web | site | website | widget | chat | web chat | form | online | сайт | веб | чат | онлайн чат
    | форма | виджет | віджет | онлайн`),
    in_person:
      list(`in person | in_person | offline | visit | store | лично | визит | в магазине | офлайн | особисто
    | візит`),
    other: list(`other | другое | прочее | інше | інший`),
  },
  request_kind: {
    complaint: list(`complaint | claim | negative | жалоба | претензия | негатив | скарга | претензія`),
    question: list(`question | inquiry | enquiry | request | вопрос | запрос | консультация | питання | запит
    | консультація`),
    suggestion:
      list(`suggestion | idea | proposal | feature request | предложение | идея | пожелание | пропозиція
    | ідея | побажання`),
    praise: list(`praise | thanks | thank you | compliment | positive | благодарность | похвала | спасибо
    | позитив | подяка | дякую`),
  },
  request_status: {
    open: list(
      `open | new | opened | новый | новое | открыт | открыто | нове | новий | відкрито | відкритий`,
    ),
    pending:
      list(`pending | in progress | waiting | on hold | в работе | ожидает | в ожидании | в роботі | очікує
    | в процесі`),
    resolved: list(
      `resolved | solved | fixed | done | решен | решено | выполнено | вирішено | вирішений | виконано`,
    ),
    closed: list(`closed | close | закрыт | закрыто | закрито | закритий`),
  },
  feedback_kind: {
    nps: list(`nps | net promoter score | net promoter | индекс лояльности | індекс лояльності`),
    csat: list(`csat | customer satisfaction | satisfaction | удовлетворенность | задоволеність`),
    ces: list(`ces | customer effort score | customer effort | effort | усилия | зусилля`),
  },
  language: {
    ru: list(`ru | rus | russian | русский | рус | російська | ru ru`),
    uk: list(`uk | ua | ukr | ukrainian | украинский | укр | українська | uk ua`),
    en: list(`en | eng | english | английский | англ | англійська | en us | en gb`),
  },
};

const tables = new Map<EnumName, Map<string, string>>();
const tableFor = (name: EnumName): Map<string, string> => {
  let table = tables.get(name);
  if (!table) {
    table = new Map();
    for (const [value, words] of Object.entries(SYNONYMS[name])) {
      table.set(normalizeKey(value), value);
      for (const w of words) table.set(normalizeKey(w), value);
    }
    tables.set(name, table);
  }
  return table;
};

/** The values an enum accepts (canonical names), for messages and the UI. */
export const enumValues = (name: EnumName): string[] => Object.keys(SYNONYMS[name]);

// Status and channel columns repeat a handful of spellings millions of times: remember raw text → result
// (results are never mutated, so one object serves every row with that spelling).
const seenText = new Map<EnumName, Map<string, ValueResult<string>>>();

export const parseEnum = <T extends string>(name: EnumName, cell: RawCell): ValueResult<T> => {
  const text = cellText(cell);
  let seen = seenText.get(name);
  if (!seen) {
    seen = new Map();
    seenText.set(name, seen);
  }
  let result = seen.get(text);
  if (result === undefined) {
    const found = tableFor(name).get(normalizeKey(text));
    result = found ? ok(found) : fail("unknown_value", { value: text, allowed: enumValues(name).join(", ") });
    if (seen.size > 10_000) seen.clear();
    seen.set(text, result);
  }
  return result as ValueResult<T>;
};
