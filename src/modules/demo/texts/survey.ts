import type { Lang } from "../types.ts";

/** Survey comments that carry no problem: what promoters, passives and service ratings say. */

export const promoterComments: Readonly<Record<Lang, readonly string[]>> = {
  ru: [
    "Всё отлично, рекомендую!",
    "Удобно, быстро, приятные цены.",
    "Люблю бывать у вас {where}.",
    "Отличный выбор посуды и текстиля.",
    "Доставили вовремя, всё целое, спасибо.",
    "Продавцы знают товар и не навязываются.",
    "Покупаю у вас давно и всегда довольна.",
    "Советую всем друзьям.",
    "Супер 👍",
    "Качество отличное за свои деньги.",
    "Приятная атмосфера, хочется возвращаться.",
    "Быстро нашли то, что я искала.",
  ],
  uk: [
    "Усе чудово, рекомендую!",
    "Зручно, швидко, приємні ціни.",
    "Люблю бувати у вас {where}.",
    "Чудовий вибір посуду й текстилю.",
    "Доставили вчасно, все ціле, дякую.",
    "Продавці знають товар і не нав'язуються.",
    "Купую у вас давно й завжди задоволена.",
    "Раджу всім друзям.",
    "Супер 👍",
    "Якість чудова за свої гроші.",
    "Приємна атмосфера, хочеться повертатися.",
    "Швидко знайшли те, що я шукала.",
  ],
  en: [
    "Everything was great, recommend!",
    "Easy, quick, fair prices.",
    "Always a pleasure shopping {where}.",
    "Great range of kitchenware and textiles.",
    "Delivered on time, nothing broken, thanks.",
    "Staff know their stuff and don't push.",
    "Always happy shopping with you.",
    "Telling all my friends.",
  ],
};

export const passiveComments: Readonly<Record<Lang, readonly string[]>> = {
  ru: [
    "Нормально.",
    "В целом неплохо, но дороговато.",
    "Всё ок, но выбор мог бы быть больше.",
    "Неплохо, хотя консультанта пришлось поискать.",
    "Средне. Ничего особенного.",
    "Хорошо, но есть куда расти.",
    "Цены выше, чем у конкурентов, но качество лучше.",
    "норм",
  ],
  uk: [
    "Нормально.",
    "Загалом непогано, але дорогувато.",
    "Усе ок, але вибір міг би бути більшим.",
    "Непогано, хоча консультанта довелося пошукати.",
    "Посередньо. Нічого особливого.",
    "Добре, але є куди рости.",
    "Ціни вищі, ніж у конкурентів, зате якість краща.",
    "норм",
  ],
  en: [
    "Fine.",
    "Pretty good but a bit pricey.",
    "OK, the range could be bigger.",
    "Decent, had to look for someone to help though.",
    "Average.",
  ],
};

/** Detractor remarks about price and range: real reasons, but not among the problems the demo plants. */
export const genericDetractorComments: Readonly<Record<Lang, readonly string[]>> = {
  ru: ["Цены кусаются.", "Ассортимент стал беднее.", "Раньше было лучше.", "Не нашла ничего интересного."],
  uk: ["Ціни кусаються.", "Асортимент збіднів.", "Раніше було краще.", "Не знайшла нічого цікавого."],
  en: ["Prices are steep.", "The range has shrunk.", "It used to be better."],
};

export const serviceGood: Readonly<Record<Lang, readonly string[]>> = {
  ru: [
    "Быстро ответили и всё решили, спасибо!",
    "Оператор {staff} — молодец, помогла сразу.",
    "Решили вопрос за один звонок.",
    "Вежливо и по делу.",
    "Спасибо за компенсацию, приятно.",
    "Ответили быстрее, чем я ожидала.",
  ],
  uk: [
    "Швидко відповіли й усе вирішили, дякую!",
    "Операторка {staff} — молодець, допомогла одразу.",
    "Вирішили питання за один дзвінок.",
    "Ввічливо й по суті.",
    "Дякую за компенсацію, приємно.",
    "Відповіли швидше, ніж я очікувала.",
  ],
  en: [
    "Quick answer and sorted, thanks!",
    "{staff} was great, helped right away.",
    "Solved in one call.",
    "Polite and to the point.",
  ],
};

export const serviceBad: Readonly<Record<Lang, readonly string[]>> = {
  ru: [
    "Ответили, но проблему так и не решили.",
    "Отвечали шаблонами, по существу ничего.",
    "Пришлось объяснять одно и то же трём разным людям.",
    "Вопрос закрыли, а ничего не изменилось.",
    "Вежливо, но бесполезно.",
  ],
  uk: [
    "Відповіли, але проблему так і не вирішили.",
    "Відповідали шаблонами, по суті нічого.",
    "Довелося пояснювати те саме трьом різним людям.",
    "Звернення закрили, а нічого не змінилося.",
    "Ввічливо, але марно.",
  ],
  en: [
    "They replied but never fixed anything.",
    "Canned answers, nothing useful.",
    "Had to explain the same thing to three different people.",
  ],
};

export const subjects: Readonly<
  Record<Lang, Readonly<Record<"complaint" | "question" | "other", readonly string[]>>>
> = {
  ru: {
    complaint: ["Жалоба", "Претензия", "Недовольна обслуживанием", "Проблема", "Срочно!"],
    question: ["Вопрос", "Вопрос по заказу", "Уточнение", "Помогите, пожалуйста"],
    other: ["Отзыв", "Предложение", "Спасибо"],
  },
  uk: {
    complaint: ["Скарга", "Претензія", "Незадоволена обслуговуванням", "Проблема", "Терміново!"],
    question: ["Питання", "Питання щодо замовлення", "Уточнення", "Допоможіть, будь ласка"],
    other: ["Відгук", "Пропозиція", "Дякую"],
  },
  en: {
    complaint: ["Complaint", "Unhappy with service", "Problem", "Urgent!"],
    question: ["Question", "Order enquiry", "Help please"],
    other: ["Feedback", "Suggestion", "Thank you"],
  },
};
