import { describe, expect, it } from "vitest";
import { AppError } from "../../../platform/errors.ts";
import type { EntityKind } from "./fields.ts";
import { autoMap, type MappingOptions } from "./mapping.ts";
import { type ConvertOptions, createRowConverter, type EntityRows } from "./rows.ts";
import type { RawCell, SourceRow } from "./source.ts";

const settings: ConvertOptions = { timeZone: "Europe/Kyiv", currency: "UAH" };

const convert = <E extends EntityKind>(
  entity: E,
  columns: string[],
  rows: RawCell[][],
  mapOptions: MappingOptions = {},
  options: ConvertOptions = settings,
) => {
  const mapped = autoMap(entity, columns, mapOptions);
  if (!mapped.ok) throw new Error(mapped.errors.map((e) => e.message).join("; "));
  const converter = createRowConverter(mapped.mapping, options);
  const source: SourceRow[] = rows.map((cells, k) => ({ line: k + 2, cells }));
  return converter.convertBatch(source) as {
    rows: EntityRows[E][];
    errors: ReturnType<typeof converter.convertBatch>["errors"];
    warnings: ReturnType<typeof converter.convertBatch>["warnings"];
  };
};

describe("orders", () => {
  it("turns a Russian export into typed orders with defaults", () => {
    const out = convert(
      "orders",
      ["Дата", "Сумма", "Клиент", "Телефон", "Статус"],
      [["05.01.2024 10:30", "1 234,50 ₽", "Иван", "8 916 123-45-67", "Выполнен"]],
    );
    expect(out.errors).toEqual([]);
    expect(out.rows).toEqual([
      {
        line: 2,
        externalId: expect.stringMatching(/^h:[\w-]{22}$/),
        derivedId: true,
        customer: { externalId: "phone:+79161234567", name: "Иван", email: null, phone: "+79161234567" },
        orderedAt: "2024-01-05T08:30:00.000Z",
        amount: 123450,
        listAmount: 123450,
        currency: "RUB",
        channel: null,
        location: null,
        status: "completed",
        waitDays: 0,
        referredBy: null,
      },
    ]);
  });

  it("reports every bad cell with line, column, value and a readable reason; good rows still land", () => {
    const out = convert(
      "orders",
      ["order_id", "customer_id", "date", "amount", "status", "wait_days"],
      [
        ["1", "c1", "2024-02-01", "12,3,4", "done", "2"],
        ["2", "c2", "2024-02-30", "-5", "lost", "-1"],
        ["3", "", "2024-02-02", "", "", ""],
        ["4", "c4", "2024-02-03", "100", "", ""],
      ],
    );
    expect(out.rows.map((r) => r.externalId)).toEqual(["4"]);
    expect(out.errors.map((e) => [e.line, e.column, e.value, e.code, e.message])).toEqual([
      [2, "amount", "12,3,4", "not_a_number", "amount is not a number: '12,3,4'"],
      [3, "date", "2024-02-30", "not_a_date", "ordered_at is not a date: '2024-02-30'"],
      [3, "amount", "-5", "negative", "amount must not be negative: '-5'"],
      [
        3,
        "status",
        "lost",
        "unknown_value",
        "status has an unknown value 'lost' (expected one of: completed, cancelled, returned)",
      ],
      [3, "wait_days", "-1", "negative", "wait_days must not be negative: '-1'"],
      [4, null, null, "required", "customer_external_id is required but empty"],
      [4, null, null, "required", "amount is required but empty"],
    ]);
  });

  it("derives the same id for the same row, and distinct ids for identical rows", () => {
    const columns = ["customer", "date", "sum"];
    const row = ["7", "2024-03-01", "10.00"];
    const a = convert("orders", columns, [row, ["7", "2024-03-01", "10"], ["7", "2024-03-01", "11"]]);
    const b = convert("orders", columns, [row]);
    const ids = a.rows.map((r) => r.externalId);
    expect(ids[0]).toBe(b.rows[0]?.externalId);
    expect(ids[1]).toBe(`${ids[0]}~2`);
    expect(new Set(ids).size).toBe(3);
  });

  it("uses the currency column, flags a conflicting sign, and falls back to the workspace currency", () => {
    const out = convert(
      "orders",
      ["id", "customer", "date", "amount", "currency"],
      [
        ["1", "c", "2024-01-01", "10", "EUR"],
        ["2", "c", "2024-01-01", "$10", "EUR"],
        ["3", "c", "2024-01-01", "10", ""],
        ["4", "c", "2024-01-01", "1,5", "JPY"],
      ],
    );
    expect(out.rows.map((r) => [r.externalId, r.amount, r.currency])).toEqual([
      ["1", 1000, "EUR"],
      ["3", 1000, "UAH"],
      ["4", 2, "JPY"],
    ]);
    expect(out.errors[0]?.message).toBe("amount says USD but the currency column says EUR");
  });

  it("decides date order and decimal mark per column from the batch", () => {
    const out = convert(
      "orders",
      ["id", "customer", "date", "amount"],
      [
        ["1", "c", "03/04/2024", "1,234"],
        ["2", "c", "03/13/2024", "2,5"],
      ],
    );
    expect(out.rows.map((r) => [r.orderedAt.slice(0, 10), r.amount])).toEqual([
      ["2024-03-03", 123],
      ["2024-03-12", 250],
    ]);
  });

  it("lets the user's hints override what the sample suggests", () => {
    const hints = { dateOrder: "dmy", decimal: "." } as const;
    const out = convert(
      "orders",
      ["id", "customer", "date", "amount"],
      [["1", "c", "03/04/2024", "1,234"]],
      {},
      { ...settings, hints },
    );
    expect(out.rows.map((r) => [r.orderedAt.slice(0, 10), r.amount])).toEqual([["2024-04-02", 123400]]);
  });

  it("keeps a broken e-mail out of the row as a warning, not a rejection", () => {
    const out = convert(
      "orders",
      ["id", "customer id", "date", "amount", "email"],
      [["1", "c", "2024-01-01", "5", "ivan@"]],
    );
    expect(out.rows[0]?.customer.email).toBeNull();
    expect(out.warnings.map((w) => w.message)).toEqual(["customer_email is not an e-mail address: 'ivan@'"]);
  });

  it("passes reader rejections through", () => {
    const mapped = autoMap("orders", ["id", "customer", "date", "amount"]);
    if (!mapped.ok) throw new Error("mapping");
    const converter = createRowConverter(mapped.mapping, settings);
    const issue = { line: 9, column: null, value: null, code: "bad_json" as const, params: {}, message: "x" };
    expect(converter.convert({ line: 9, cells: [], issue })).toEqual({
      ok: false,
      errors: [issue],
      warnings: [],
    });
  });

  it("refuses bad settings before reading a row", () => {
    const mapped = autoMap("orders", ["id", "customer", "date", "amount"]);
    expect(() => createRowConverter(mapped.mapping, { timeZone: "Mars/Base", currency: "UAH" })).toThrow(
      AppError,
    );
    expect(() => createRowConverter(mapped.mapping, { timeZone: "UTC", currency: "ZZZ" })).toThrow(
      /unknown currency/,
    );
  });
});

describe("customers, requests, feedback", () => {
  it("keeps unmapped customer columns as attributes", () => {
    const out = convert(
      "customers",
      ["Код клиента", "ФИО", "E-mail", "Город", "Бонусы"],
      [["17", " Пётр Иванов ", "P@Example.com", "Київ", 120]],
    );
    expect(out.rows).toEqual([
      {
        line: 2,
        externalId: "17",
        name: "Пётр Иванов",
        email: "p@example.com",
        phone: null,
        firstSeenAt: null,
        referredBy: null,
        attributes: { Город: "Київ", Бонусы: 120 },
      },
    ]);
  });

  it("identifies a customer by e-mail when the file has no id", () => {
    const out = convert("customers", ["Email", "Name"], [["a@b.ua", "A"]]);
    expect(out.rows[0]?.externalId).toBe("email:a@b.ua");
  });

  it("reads requests with synonyms, checks the order of times and derives the status", () => {
    const out = convert(
      "requests",
      ["Номер обращения", "Канал", "Тип", "Текст", "Дата обращения", "Дата решения", "Язык"],
      [
        ["R1", "Телеграм", "Жалоба", "Долго ждал", "2024-05-01 10:00", "2024-05-01 12:00", "рус"],
        ["R2", "сайт", "вопрос", "", "2024-05-02 10:00", "2024-05-01 09:00", ""],
      ],
    );
    expect(out.rows).toEqual([
      expect.objectContaining({
        externalId: "R1",
        channel: "telegram",
        kind: "complaint",
        text: "Долго ждал",
        language: "ru",
        createdAt: "2024-05-01T07:00:00.000Z",
        resolvedAt: "2024-05-01T09:00:00.000Z",
        status: "resolved",
        customer: null,
      }),
    ]);
    expect(out.errors.map((e) => e.message)).toEqual([
      "resolved_at is earlier than created_at: '2024-05-01 09:00'",
    ]);
  });

  it("defaults the request channel to other and takes a kind default", () => {
    const out = convert("requests", ["Дата", "Текст"], [["2024-05-01", "Спасибо!"]], {
      defaults: { kind: "praise" },
    });
    expect(out.rows[0]).toMatchObject({ channel: "other", kind: "praise", status: "open", text: "Спасибо!" });
  });

  it("checks feedback scores against the survey's scale", () => {
    const out = convert(
      "feedback",
      ["Дата", "Тип", "Оценка", "Комментарий", "Номер заказа"],
      [
        ["2024-05-01", "NPS", "9", "Отлично", "A-1"],
        ["2024-05-01", "CSAT", "9", "", ""],
        ["2024-05-01", "ces", "4.0", "", ""],
      ],
    );
    expect(out.rows.map((r) => [r.kind, r.score, r.orderExternalId])).toEqual([
      ["nps", 9, "A-1"],
      ["ces", 4, null],
    ]);
    expect(out.errors[0]?.message).toBe("score must be between 1 and 5: '9'");
  });
});
