import { describe, expect, it } from "vitest";
import { parseEmail, parsePhone } from "./contacts.ts";
import { minorDigits, parseCurrency } from "./currency.ts";
import { parseEnum } from "./enums.ts";
import { isBlank, normalizeKey, parseBoolean, parseText } from "./values.ts";

const v = <T>(r: { ok: true; value: T } | { ok: false; code: string }) => (r.ok ? r.value : r.code);

describe("enums", () => {
  it("reads order statuses in en/ru/uk", () => {
    const status = (s: string) => v(parseEnum("order_status", s));
    expect(["completed", "Выполнен", "ВЫПОЛНЕНО", "виконано", "Оплачен", "Доставлено"].map(status)).toEqual(
      Array(6).fill("completed"),
    );
    expect(["cancelled", "Canceled", "Отменён", "отменен.", "скасовано", "Відмінено"].map(status)).toEqual(
      Array(6).fill("cancelled"),
    );
    expect(["returned", "Возврат", "повернення", "Refund"].map(status)).toEqual(Array(4).fill("returned"));
    expect(parseEnum("order_status", "lost")).toMatchObject({
      ok: false,
      code: "unknown_value",
      reason: "value has an unknown value 'lost' (expected one of: completed, cancelled, returned)",
    });
  });

  it("reads request channels and kinds, feedback kinds and languages", () => {
    expect(v(parseEnum("request_channel", "E-mail"))).toBe("email");
    expect(v(parseEnum("request_channel", "Телеграм"))).toBe("telegram");
    expect(v(parseEnum("request_channel", "лично"))).toBe("in_person");
    expect(v(parseEnum("request_kind", "Жалоба"))).toBe("complaint");
    expect(v(parseEnum("request_kind", "Скарга"))).toBe("complaint");
    expect(v(parseEnum("request_kind", "Пропозиція"))).toBe("suggestion");
    expect(v(parseEnum("request_status", "в работе"))).toBe("pending");
    expect(v(parseEnum("feedback_kind", "Net Promoter Score"))).toBe("nps");
    expect(v(parseEnum("language", "Українська"))).toBe("uk");
  });
});

describe("contacts", () => {
  it("normalises phones of our markets and keeps others as digits", () => {
    expect(v(parsePhone("8 (916) 123-45-67"))).toBe("+79161234567");
    expect(v(parsePhone("+7 916 123 45 67 доб. 12"))).toBe("+79161234567");
    expect(v(parsePhone("099 123 45 67"))).toBe("+380991234567");
    expect(v(parsePhone("8 044 123 45 67"))).toBe("+380441234567");
    expect(v(parsePhone(380991234567))).toBe("+380991234567");
    expect(v(parsePhone("+44 20 7946 0958"))).toBe("+442079460958");
    expect(v(parsePhone("+7 916 123-45-67, +7 903 000-00-00"))).toBe("+79161234567");
    expect(v(parsePhone("555-0199"))).toBe("5550199");
  });

  it("rejects only what cannot be a phone", () => {
    expect(v(parsePhone("нет телефона"))).toBe("bad_phone");
    expect(v(parsePhone("123"))).toBe("bad_phone");
    expect(v(parsePhone("1234567890123456"))).toBe("bad_phone");
  });

  it("normalises e-mails and rejects broken ones", () => {
    expect(v(parseEmail(" Ivan.Petrov@Example.RU "))).toBe("ivan.petrov@example.ru");
    expect(v(parseEmail("Иван <ivan@mail.ru>"))).toBe("ivan@mail.ru");
    expect(v(parseEmail("mailto:a@b.ua"))).toBe("a@b.ua");
    expect(v(parseEmail("a@b.com; c@d.com"))).toBe("a@b.com");
    expect(v(parseEmail("user@почта.рф"))).toBe("user@почта.рф");
    for (const bad of ["ivan", "ivan@", "@mail.ru", "ivan@mail", "iv an@mail.ru", "a@b@c.ru"])
      expect(v(parseEmail(bad))).toBe("bad_email");
  });
});

describe("currency", () => {
  it("reads codes, signs and words", () => {
    expect(["RUB", "руб.", "₽", "р."].map((c) => v(parseCurrency(c)))).toEqual(Array(4).fill("RUB"));
    expect(["uah", "грн", "₴", "Гривня"].map((c) => v(parseCurrency(c)))).toEqual(Array(4).fill("UAH"));
    expect(v(parseCurrency("$"))).toBe("USD");
    expect(v(parseCurrency("chf"))).toBe("CHF");
    expect(v(parseCurrency("XYZ"))).toBe("unknown_currency");
    expect([minorDigits("RUB"), minorDigits("JPY"), minorDigits("KWD")]).toEqual([2, 0, 3]);
  });
});

describe("small values", () => {
  it("knows blanks, booleans, text and header keys", () => {
    expect(["", "  ", "-", "N/A", "#N/A", "null", null, undefined, Number.NaN, []].every(isBlank)).toBe(true);
    expect(["0", "нет", "x", 0, false].some(isBlank)).toBe(false);
    expect(["да", "Так", "yes", "1", "+"].map((b) => v(parseBoolean(b)))).toEqual(Array(5).fill(true));
    expect(["нет", "ні", "No", "0", 0].map((b) => v(parseBoolean(b)))).toEqual(Array(5).fill(false));
    expect(v(parseBoolean("maybe"))).toBe("not_a_boolean");
    expect(v(parseText("  hi  "))).toBe("hi");
    expect(v(parseText("x".repeat(20), 10))).toBe("too_long");
    expect(normalizeKey("  Дата_заказа (ЁЖ)  ")).toBe("дата заказа еж");
    expect(normalizeKey("№ заказа")).toBe("no заказа");
  });
});
