import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.ts";
import { autoMap, type MappingOutcome, parseMapArgs } from "./mapping.ts";

const fields = (outcome: MappingOutcome) =>
  Object.fromEntries(outcome.mapping.report.map((r) => [r.column, r.field]));

describe("autoMap", () => {
  it("maps a 1C-style Russian orders export", () => {
    const m = autoMap("orders", [
      "№",
      "Дата заказа",
      "Покупатель",
      "Телефон",
      "Сумма",
      "Сумма без скидки",
      "Магазин",
      "Статус",
    ]);
    expect(m.ok).toBe(true);
    expect(fields(m)).toEqual({
      "№": null,
      "Дата заказа": "ordered_at",
      Покупатель: "customer_name",
      Телефон: "customer_phone",
      Сумма: "amount",
      "Сумма без скидки": "list_amount",
      Магазин: "location",
      Статус: "status",
    });
  });

  it("maps Ukrainian and English headers, with case, punctuation and underscores ignored", () => {
    const uk = autoMap("orders", ["Дата замовлення", "Сума", "Клієнт", "E-mail"]);
    expect(fields(uk)).toEqual({
      "Дата замовлення": "ordered_at",
      Сума: "amount",
      Клієнт: "customer_name",
      "E-mail": "customer_email",
    });
    const en = autoMap("orders", [
      "Order ID",
      "customer_id",
      "ORDER DATE",
      "Amount",
      "List price",
      "Currency",
    ]);
    expect(fields(en)).toEqual({
      "Order ID": "external_id",
      customer_id: "customer_external_id",
      "ORDER DATE": "ordered_at",
      Amount: "amount",
      "List price": "list_amount",
      Currency: "currency",
    });
  });

  it("uses «Клиент» as the customer id when nothing else identifies the customer", () => {
    const m = autoMap("orders", ["Дата", "Сумма", "Клиент"]);
    expect(m.ok && m.mapping.byField).toEqual({ ordered_at: 0, amount: 1, customer_external_id: 2 });
    const withId = autoMap("orders", ["Дата", "Сумма", "Клиент", "Код клиента"]);
    expect(withId.mapping.byField).toMatchObject({ customer_external_id: 3, customer_name: 2 });
  });

  it("reads Ukrainian customer-id headers as the customer id, not the name", () => {
    for (const header of ["Клієнт ID", "ІД клієнта", "Код клієнта", "ID покупця"]) {
      const m = autoMap("orders", ["Дата замовлення", "Сума", "Клієнт", header]);
      expect(m.mapping.byField, header).toMatchObject({ customer_external_id: 3, customer_name: 2 });
    }
  });

  it("matches headers that contain a known name, with lower confidence", () => {
    const m = autoMap("orders", ["Дата и время заказа", "Сумма заказа, руб.", "ID клиента", "Дата рождения"]);
    const report = Object.fromEntries(m.mapping.report.map((r) => [r.column, [r.field, r.how]]));
    expect(report["Сумма заказа, руб."]).toEqual(["amount", "partial"]);
    expect(report["Дата и время заказа"]?.[0]).toBe("ordered_at");
    expect(report["Дата рождения"]).toEqual([null, "unmapped"]);
  });

  it("applies overrides, ignores, defaults, and keeps unknown customer columns as attributes", () => {
    const m = autoMap("customers", ["Код", "ФИО", "Город", "Бонусы", "Мусор"], {
      overrides: { Бонусы: "ignore", Мусор: "-" },
    });
    expect(m.ok).toBe(true);
    expect(m.mapping.report.map((r) => r.how)).toEqual(["exact", "exact", "attribute", "ignored", "ignored"]);
    const o = autoMap("orders", ["when", "sum", "who"], {
      overrides: { when: "ordered_at", who: "customer_external_id" },
    });
    expect(o.mapping.byField).toEqual({ ordered_at: 0, customer_external_id: 2, amount: 1 });
    const r = autoMap("requests", ["Дата", "Текст"], { defaults: { kind: "complaint" } });
    expect(r.ok).toBe(true);
  });

  it("names every missing required field and every bad override", () => {
    const m = autoMap("orders", ["Комментарий"]);
    expect(m.ok).toBe(false);
    expect(!m.ok && m.errors.map((e) => e.message)).toEqual([
      'no column is mapped to the required field "ordered_at" (map a column with --map "column=ordered_at" or give a default)',
      'no column is mapped to the required field "amount" (map a column with --map "column=amount" or give a default)',
      'no column is mapped to the required field "customer_external_id / customer_email / customer_phone" (map a column with --map "column=customer_external_id")',
    ]);
    const bad = autoMap("orders", ["a", "b"], { overrides: { c: "amount", a: "price", b: "ordered_at" } });
    expect(!bad.ok && bad.errors.map((e) => e.code)).toEqual([
      "unknown_column",
      "unknown_field",
      "missing_field",
      "missing_field",
    ]);
  });

  it("infers the feedback kind from a score column headed NPS", () => {
    const m = autoMap("feedback", ["Дата", "NPS", "Комментарий"]);
    expect(m.ok && m.mapping.defaults).toEqual({ kind: "nps" });
  });
});

describe("parseMapArgs", () => {
  it("splits column=field on the last =", () => {
    expect(parseMapArgs(["Сумма=amount", "a=b = ordered_at"])).toEqual({
      Сумма: "amount",
      "a=b": "ordered_at",
    });
    expect(() => parseMapArgs(["amount"])).toThrow(AppError);
  });
});
