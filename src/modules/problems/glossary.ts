import { stem } from "../../platform/text/index.ts";

/**
 * A hand-written trilingual glossary of what customers complain about in retail and services. Text
 * features alone cannot tell that «курьер», «кур'єр» and "courier" are one thing, so the same problem
 * written in Russian, Ukrainian and English would become three problems. Each word below is stemmed with
 * the stemmers `analyze` uses, and its stems are replaced by the concept's name before hashing (vectors.ts),
 * so texts in different languages share the concept's feature. Only concrete, topic-bearing words are
 * listed: generic verbs and time words ("come", «день») would tie unrelated problems together.
 * Multi-word expressions are left out: `analyze` gives single stems.
 */

type Concept = {
  readonly en: readonly string[];
  readonly ru: readonly string[];
  readonly uk: readonly string[];
};

const c = (en: string, ru: string, uk: string): Concept => ({
  en: en.split(" "),
  ru: ru.split(" "),
  uk: uk.split(" "),
});

export const CONCEPTS: Readonly<Record<string, Concept>> = {
  // ordering remotely
  delivery: c(
    "delivery deliveries deliver delivered shipping shipment",
    "доставка доставить доставили",
    "доставка доставити доставили",
  ),
  courier: c("courier couriers carrier", "курьер перевозчик курьерский", "кур'єр перевізник кур'єрський"),
  parcel: c("parcel package", "посылка", "посилка"),
  order: c("order orders ordered", "заказ заказать заказала заказал", "замовлення замовити замовила замовив"),
  late: c(
    "late delay delayed",
    "опоздание опаздывать опаздывает опоздали задержка",
    "запізнення запізнюватися запізнюється затримка",
  ),
  wait: c(
    "wait waiting waited",
    "ждать жду ждала ждал ожидание подождать",
    "чекати чекаю чекала чекав очікування зачекати",
  ),
  tracking: c("tracking", "трекинг отслеживание", "відстеження"),
  cancel: c(
    "cancel cancelled canceled cancellation",
    "отменить отменила отменил отмена отменяют",
    "скасувати скасувала скасував скасування скасовують",
  ),
  stock: c("stock availability available", "наличие наличии", "наявність наявності"),
  shelf: c("shelf shelves", "полка полке полки", "полиця полиці"),
  warehouse: c("warehouse", "склад складе складу", "склад складі складу"),
  size: c("size sizes", "размер размера", "розмір розміру"),
  // money
  refund: c(
    "refund refunds refunded reimburse",
    "возврат возвращаете вернуть вернули",
    "повернення повертаєте повернути повернули",
  ),
  money: c("money funds", "деньги денег средства", "гроші грошей кошти"),
  card: c("card", "карта карту картой карточка", "картка картку карткою"),
  bank: c("bank", "банк", "банк"),
  payment: c(
    "payment pay paid charge charged",
    "оплата оплатить оплатил оплатила списали платеж",
    "оплата оплатити оплатив оплатила списали платіж",
  ),
  price: c("price prices priced", "цена цены ценник", "ціна ціни цінник"),
  fee: c("fee fees surcharge commission", "сбор комиссия доплата наценка", "збір комісія доплата націнка"),
  hidden: c("hidden", "скрытый скрытые", "прихований приховані"),
  discount: c(
    "discount discounts promotion",
    "скидка скидку акция акционный",
    "знижка знижку акція акційний",
  ),
  receipt: c("receipt bill", "чек чеке", "чек чеку"),
  free: c("free", "бесплатный бесплатной бесплатно", "безкоштовний безкоштовною безкоштовно"),
  // the shop floor
  queue: c("queue queues queuing line", "очередь очереди очередях", "черга черги черзі чергах"),
  till: c(
    "till tills checkout checkouts cashier",
    "касса кассе кассу кассы кассир",
    "каса касі касу каси касир",
  ),
  toilet: c(
    "toilet toilets restroom bathroom lavatory",
    "туалет туалете уборная уборную санузел санузле",
    "туалет туалеті вбиральня вбиральні убиральню санвузол санвузлі",
  ),
  dirty: c("dirty filthy grime disgusting", "грязный грязь грязно грязное", "брудний бруд брудно брудне"),
  cleaning: c("cleaning cleaned clean", "уборка уборку мыли чистый", "прибирання прибирали мили чистий"),
  soap: c("soap", "мыло мыла", "мило мила"),
  smell: c("smell smelled stink", "запах вонь", "запах сморід"),
  puddle: c("puddle puddles lake swamp", "лужа лужу лужи озеро болото", "калюжа калюжу калюжі озеро болото"),
  water: c("water", "вода воду", "вода воду"),
  entrance: c(
    "entrance door doors steps doorway",
    "вход входа входом входе дверь дверей двери крыльцо",
    "вхід входу входом вході двері дверима ґанок",
  ),
  wet: c("wet soaked slippery", "мокрый мокро промочила скользко", "мокрий мокро промочила слизько"),
  rain: c("rain", "дождь дождя", "дощ дощу"),
  parking: c(
    "parking park",
    "парковка парковке парковку парковаться припарковаться стоянка",
    "парковка парковці парковку паркуватися припаркуватися стоянка",
  ),
  car: c(
    "car cars vehicle vehicles",
    "машина машины машинами автомобиль",
    "машина машини машинами автомобіль авто автівки",
  ),
  staff: c(
    "staff employee employees worker workers personnel",
    "сотрудник сотрудников персонал персонала работник работники продавец продавцы",
    "працівник працівників персонал персоналу співробітник продавець продавці",
  ),
  guard: c("guard guards security", "охранник охранника охрана охраны", "охоронець охоронця охорона охорони"),
  rude: c(
    "rude rudely shouted yelled snapped",
    "грубый грубо грубая нахамил хамство накричал кричать",
    "грубий грубо груба нагрубіянив хамство накричав кричати",
  ),
  drunk: c("drunk alcohol", "пьяный перегар нетрезв", "п'яний перегар нетверезий"),
  // the goods
  broken: c(
    "broken smashed crushed cracked crack",
    "сломан сломано сломанный разбито разбитый трещина",
    "зламаний зламане розбите розбитий тріщина",
  ),
  defect: c("defect defective faulty", "брак бракованный дефект дефектом", "брак бракований дефект дефектом"),
  scratch: c(
    "scratch scratched chip",
    "царапина поцарапанный скол сколом",
    "подряпина подряпаний відкол відколом",
  ),
  box: c("box packaging", "коробка коробке коробки упаковка", "коробка коробці коробки упаковка пакування"),
  quality: c("quality", "качество", "якість"),
  warranty: c("warranty guarantee", "гарантия гарантийный", "гарантія гарантійний"),
  // reaching the company
  reply: c(
    "reply replied answer answered respond response",
    "ответ ответа ответить ответили отвечает",
    "відповідь відповіді відповісти відповіли відповідає",
  ),
  message: c("message messages", "сообщение сообщения", "повідомлення"),
  call: c(
    "call called phone hotline",
    "звонить звонил позвонил звонок телефон",
    "дзвонити дзвонив зателефонував дзвінок телефон телефонував",
  ),
  evening: c("evening evenings night", "вечер вечером ночь", "вечір ввечері увечері ніч"),
  weekend: c(
    "weekend weekends saturday sunday",
    "выходные выходных суббота воскресенье",
    "вихідні вихідних субота неділя",
  ),
  support: c("support agent operator bot", "поддержка оператор бот", "підтримка оператор бот"),
  chat: c("chat messenger", "чат мессенджер", "чат месенджер"),
  email: c("email mail", "почта почту имейл", "пошта пошту імейл"),
  link: c("link button", "ссылка кнопка", "посилання кнопка"),
  // the web site
  website: c("website site page", "сайт сайте сайта страница странице", "сайт сайті сайту сторінка сторінці"),
  typo: c(
    "typo typos mistake mistakes error errors misspelled spelling",
    "ошибка ошибки ошибок опечатка опечатки грамматических",
    "помилка помилки помилок одруківка одруківки граматичних",
  ),
  translation: c(
    "translation translated translator",
    "перевод переводчик переводил",
    "переклад перекладач перекладав",
  ),
  description: c("description descriptions", "описание описании", "опис описі"),
  app: c("app application", "приложение приложении", "застосунок застосунку додаток"),
};

const CYRILLIC_STEMMERS = ["ru", "uk"] as const;

/** Stem → concept name (prefixed with ≈ so it never equals a real stem). First concept listed wins. */
export const conceptOfStem: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const put = (s: string, concept: string): void => {
    if (s.length >= 2 && !map.has(s)) map.set(s, `≈${concept}`);
  };
  for (const [concept, words] of Object.entries(CONCEPTS)) {
    for (const w of words.en) put(stem(w, "en"), concept);
    // analyze picks the Russian or the Ukrainian stemmer by the word's letters and the text's language,
    // so a Cyrillic word may reach us through either.
    for (const w of [...words.ru, ...words.uk]) for (const l of CYRILLIC_STEMMERS) put(stem(w, l), concept);
  }
  return map;
})();

export const canonicalStem = (s: string): string => conceptOfStem.get(s) ?? s;
