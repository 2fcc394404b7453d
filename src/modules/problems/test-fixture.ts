/** Small complaint texts about three things, said in different words and languages, for unit tests. */
export const TOPICS: Readonly<Record<"toilet" | "parking" | "delivery", readonly string[]>> = {
  toilet: [
    "В туалете грязно и нет бумаги",
    "Грязный туалет, нет мыла",
    "туалет грязный, воняет",
    "В туалете нет туалетной бумаги и мыла",
    "У туалеті брудно і немає паперу",
    "Брудний туалет, немає мила",
    "The toilet was dirty, no paper",
    "Dirty toilet and no soap again",
  ],
  parking: [
    "Парковка занята машинами сотрудников",
    "Негде припарковаться, парковка занята",
    "Сотрудники ставят машины на парковке для клиентов",
    "вся парковка в машинах персонала",
    "Парковка зайнята машинами працівників",
    "Ніде припаркуватися, парковка зайнята",
    "The parking is full of staff cars",
    "Staff cars take all the parking spaces",
  ],
  delivery: [
    "Курьер не приехал, заказ не доставили",
    "Доставка опоздала на три дня, курьер не звонил",
    "заказ так и не доставили, курьер пропал",
    "Курьер опоздал с доставкой заказа",
    "Кур'єр не приїхав, замовлення не доставили",
    "Доставка запізнилася, кур'єр не дзвонив",
    "The courier never came, my order is late",
    "Late delivery again, the courier did not call",
  ],
};

export const topicTexts = (): { text: string; topic: string }[] =>
  Object.entries(TOPICS).flatMap(([topic, texts]) => texts.map((text) => ({ text, topic })));
