import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvTokenizer } from "./csv-tokenizer.ts";
import { fastIsoDateTime, parseDateTime, parseDateTimeGeneral } from "./dates.ts";
import { inferColumnFormats } from "./formats.ts";
import { rowIssue } from "./issues.ts";
import { autoMap } from "./mapping.ts";
import { readMoney } from "./money.ts";
import { createRowConverter } from "./rows.ts";
import type { SourceRow } from "./source.ts";
import { isoString } from "./time-zone.ts";

// The fast paths of the hot loop (dates, ISO strings, amounts, the tokenizer's reused field array,
// convertBatch) pinned to the general code they stand in for: same value, same error, same message.

const ZONES = ["UTC", "Europe/Kyiv", "America/New_York", "Australia/Lord_Howe", "Asia/Kathmandu"];

const general = (text: string, timeZone: string) => {
  const r = parseDateTimeGeneral(text, { timeZone });
  return r.ok ? r.value : `${r.code}: ${r.reason}`;
};
const value = (text: string, timeZone = "UTC") => {
  const r = parseDateTime(text, { timeZone });
  return r.ok ? r.value : `${r.code}: ${r.reason}`;
};

/** Whatever the fast path answers must be the general answer; when it declines, parseDateTime still is. */
const agree = (text: string, timeZone: string): void => {
  const slow = general(text, timeZone);
  const fast = fastIsoDateTime(text, timeZone);
  if (fast !== null) expect(fast, `${text} in ${timeZone}`).toBe(slow);
  expect(value(text, timeZone), `${text} in ${timeZone}`).toBe(slow);
};

describe("fastIsoDateTime", () => {
  it("answers the usual export shapes itself", () => {
    expect(fastIsoDateTime("2024-12-14T03:25:18.214Z", "UTC")).toBe("2024-12-14T03:25:18.214Z");
    expect(fastIsoDateTime("2024-12-14T03:25:18.214Z", "Europe/Kyiv")).toBe("2024-12-14T03:25:18.214Z");
    expect(fastIsoDateTime("2024-05-01 10:00", "Europe/Kyiv")).toBe("2024-05-01T07:00:00.000Z");
    expect(fastIsoDateTime("2024-05-01", "UTC")).toBe("2024-05-01T00:00:00.000Z");
    expect(fastIsoDateTime("2024-03-05T14:07:09+03:00", "UTC")).toBe("2024-03-05T11:07:09.000Z");
    expect(fastIsoDateTime("2024-03-05T14:07-0130", "UTC")).toBe("2024-03-05T15:37:00.000Z");
    expect(fastIsoDateTime("2024-03-05 14:07:09,5+02", "UTC")).toBe("2024-03-05T12:07:09.500Z");
  });

  it("reads 1 to 9 fraction digits as the general path rounds them", () => {
    // Milliseconds = Math.round(0.<digits> × 1000): .1 → 100, .12 → 120, .1235 → 123.5 → 124,
    // .123456789 → 123.456789 → 123, .9996 → 999.6 → 1000 (the next second).
    const cases: [string, string][] = [
      ["2024-03-05T14:07:09.1Z", "2024-03-05T14:07:09.100Z"],
      ["2024-03-05T14:07:09.12Z", "2024-03-05T14:07:09.120Z"],
      ["2024-03-05T14:07:09.123Z", "2024-03-05T14:07:09.123Z"],
      ["2024-03-05T14:07:09.1235Z", "2024-03-05T14:07:09.124Z"],
      ["2024-03-05T14:07:09.00049Z", "2024-03-05T14:07:09.000Z"],
      ["2024-03-05T14:07:09.0005Z", "2024-03-05T14:07:09.001Z"],
      ["2024-03-05T14:07:09.123456789+05:45", "2024-03-05T08:22:09.123Z"],
      ["2024-03-05T14:07:59.9996Z", "2024-03-05T14:08:00.000Z"],
      ["2024-03-31 02:59:59.5", "2024-03-31T02:59:59.500Z"],
    ];
    for (const [text, iso] of cases) {
      expect(fastIsoDateTime(text, "UTC")).toBe(iso);
      expect(general(text, "UTC")).toBe(iso);
    }
    // Ten digits is not ISO as we read it: both paths reject it.
    expect(fastIsoDateTime("2024-03-05T14:07:09.1234567891Z", "UTC")).toBeNull();
    expect(value("2024-03-05T14:07:09.1234567891Z")).toBe(
      "not_a_date: value is not a date: '2024-03-05T14:07:09.1234567891Z'",
    );
  });

  it("does not hand back '…18.2+00' as its own answer (-0 is an offset of 0, the text is not ISO UTC)", () => {
    expect(fastIsoDateTime("2024-12-14T03:25:18.2+00", "UTC")).toBe("2024-12-14T03:25:18.200Z");
    expect(fastIsoDateTime("2024-12-14T03:25:18.2-00", "UTC")).toBe("2024-12-14T03:25:18.200Z");
  });

  it("applies DST gaps and repeated hours like the general path", () => {
    // Kyiv: 2024-03-31 03:00 → 04:00, so 03:30 moves on by the gap to 04:30 EEST = 01:30Z; 2024-10-27
    // 04:00 → 03:00, so 03:30 happens twice and the first pass (EEST, +3) is 00:30Z.
    expect(fastIsoDateTime("2024-03-31 03:30", "Europe/Kyiv")).toBe("2024-03-31T01:30:00.000Z");
    expect(fastIsoDateTime("2024-10-27 03:30", "Europe/Kyiv")).toBe("2024-10-27T00:30:00.000Z");
    // New York: 2024-03-10 02:30 does not exist → 03:30 EDT = 07:30Z; 2024-11-03 01:30 first pass EDT = 05:30Z.
    expect(fastIsoDateTime("2024-03-10 02:30", "America/New_York")).toBe("2024-03-10T07:30:00.000Z");
    expect(fastIsoDateTime("2024-11-03 01:30", "America/New_York")).toBe("2024-11-03T05:30:00.000Z");
    // Lord Howe moves by 30 minutes: 2024-10-06 02:00 → 02:30, so 02:15 → 02:45 (+11) = 15:45Z the day before.
    expect(fastIsoDateTime("2024-10-06 02:15", "Australia/Lord_Howe")).toBe("2024-10-05T15:45:00.000Z");
    // Before 1970 and after 2038; Kyiv's local mean time in 1900 was +2:02:04.
    expect(fastIsoDateTime("1900-01-01", "Europe/Kyiv")).toBe("1899-12-31T21:57:56.000Z");
    expect(fastIsoDateTime("1969-12-31T23:59:59.999Z", "UTC")).toBe("1969-12-31T23:59:59.999Z");
    expect(fastIsoDateTime("2099-07-01 10:00", "Europe/Kyiv")).toBe("2099-07-01T07:00:00.000Z");
    expect(fastIsoDateTime("2060-02-29T12:00:00Z", "UTC")).toBe("2060-02-29T12:00:00.000Z");
    for (const text of [
      "2024-03-31 03:30",
      "2024-10-27 03:30",
      "2024-03-10 02:30",
      "2024-11-03 01:30",
      "2024-10-06 02:15",
      "2024-04-07 01:45",
      "1900-01-01",
      "1965-04-25 02:30",
      "2099-07-01 10:00",
    ])
      for (const zone of ZONES) agree(text, zone);
  });

  it("leaves every invalid value to the general path, which rejects it with the same message", () => {
    const rejected: [string, string][] = [
      ["2024-02-30", "not_a_date: value is not a date: '2024-02-30'"],
      ["2100-02-29", "not_a_date: value is not a date: '2100-02-29'"],
      ["2024-13-01", "not_a_date: value is not a date: '2024-13-01'"],
      ["2024-05-01T24:00", "not_a_date: value is not a date: '2024-05-01T24:00'"],
      ["2024-05-01 23:60", "not_a_date: value is not a date: '2024-05-01 23:60'"],
      ["2024-05-01T10:00:60Z", "not_a_date: value is not a date: '2024-05-01T10:00:60Z'"],
      ["2024-05-01T10:00.5", "not_a_date: value is not a date: '2024-05-01T10:00.5'"],
      ["2024-05-01Z", "not_a_date: value is not a date: '2024-05-01Z'"],
      ["2024-05-01T10:00+3", "not_a_date: value is not a date: '2024-05-01T10:00+3'"],
      ["1899-12-31", "date_out_of_range: value is outside the years 1900–2100: '1899-12-31'"],
      [
        "2100-12-31T23:59:59.9996Z",
        "date_out_of_range: value is outside the years 1900–2100: '2100-12-31T23:59:59.9996Z'",
      ],
      [
        "1900-01-01T00:00:00+01:00",
        "date_out_of_range: value is outside the years 1900–2100: '1900-01-01T00:00:00+01:00'",
      ],
    ];
    for (const [text, message] of rejected) {
      expect(fastIsoDateTime(text, "UTC"), text).toBeNull();
      expect(value(text), text).toBe(message);
      expect(general(text, "UTC"), text).toBe(message);
    }
  });

  it("declines the shapes only the general path reads, which still read the same", () => {
    // Lower-case t/z, "UTC", padding, one-digit months, a space before the offset: regular expressions.
    const cases: [string, string][] = [
      ["2024-03-05t14:07:09z", "2024-03-05T14:07:09.000Z"],
      ["2024-03-05T14:07:09 UTC", "2024-03-05T14:07:09.000Z"],
      [" 2024-03-05 14:07 ", "2024-03-05T14:07:00.000Z"],
      ["2024-3-5", "2024-03-05T00:00:00.000Z"],
      ["2024-03-05T14:07:09 +03:00", "2024-03-05T11:07:09.000Z"],
      ["2024-03-05  14:07", "2024-03-05T14:07:00.000Z"],
    ];
    for (const [text, iso] of cases) {
      expect(fastIsoDateTime(text, "UTC"), text).toBeNull();
      expect(value(text), text).toBe(iso);
    }
  });

  it("agrees with the general path on generated ISO-like text in several zones", () => {
    const two = (lo: number, hi: number) =>
      fc.integer({ min: lo, max: hi }).map((n) => String(n).padStart(2, "0"));
    const text = fc
      .record({
        y: fc.integer({ min: 1890, max: 2110 }).map(String),
        mo: two(0, 13),
        d: two(0, 32),
        sep: fc.constantFrom("T", " ", "t", "  "),
        h: two(0, 25),
        mi: two(0, 61),
        s: fc.option(two(0, 61), { nil: undefined }),
        frac: fc.option(fc.stringMatching(/^[.,][0-9]{0,10}$/), { nil: undefined }),
        tz: fc.constantFrom(
          "",
          "Z",
          "z",
          "UTC",
          "+03:00",
          "-05:30",
          "+0545",
          "-00",
          "+14",
          "+99:99",
          " Z",
          "+3",
        ),
        shape: fc.constantFrom("date", "minute", "full"),
      })
      .map(({ y, mo, d, sep, h, mi, s, frac, tz, shape }) => {
        const day = `${y}-${mo}-${d}`;
        if (shape === "date") return day;
        if (shape === "minute" || s === undefined) return `${day}${sep}${h}:${mi}${tz}`;
        return `${day}${sep}${h}:${mi}:${s}${frac ?? ""}${tz}`;
      });
    fc.assert(
      fc.property(text, fc.constantFrom(...ZONES), (t, zone) => agree(t, zone)),
      { numRuns: 4000 },
    );
  });

  it("agrees with the general path on real instants written in every ISO shape it takes", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date(Date.UTC(1900, 0, 2)),
          max: new Date(Date.UTC(2100, 11, 30)),
          noInvalidDate: true,
        }),
        fc.constantFrom(...ZONES),
        (d, zone) => {
          const iso = d.toISOString();
          expect(fastIsoDateTime(iso, zone)).toBe(iso);
          for (const t of [iso.slice(0, 10), iso.slice(0, 16), iso.slice(0, 19), iso.slice(0, 23), iso])
            agree(t, zone);
          agree(`${iso.slice(0, 19)}+02:00`, zone);
          agree(`${iso.slice(0, 10)} ${iso.slice(11, 22)}-0930`, zone);
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("isoString", () => {
  it("writes what Date#toISOString writes, years 1000–9999", () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1000, 0, 1), max: Date.UTC(10_000, 0, 1) - 1 }), (ms) => {
        expect(isoString(ms)).toBe(new Date(ms).toISOString());
      }),
      { numRuns: 5000 },
    );
    for (const ms of [
      Date.UTC(1000, 0, 1),
      Date.UTC(1900, 0, 1) - 1,
      Date.UTC(2101, 0, 1),
      -1,
      0,
      951_782_400_123,
    ])
      expect(isoString(ms)).toBe(new Date(ms).toISOString());
  });
});

describe("readMoney without a currency to strip", () => {
  it("reads plain amounts and amounts with signs and words the same as before", () => {
    const read = (text: string) => {
      const written = { currency: null as string | null };
      const minor = readMoney(text, { digits: 2 }, written);
      return [typeof minor === "number" ? minor : minor.code, written.currency];
    };
    expect(read("2.66")).toEqual([266, null]);
    expect(read(" -12.5 ")).toEqual([-1250, null]);
    expect(read("(12.50)")).toEqual([-1250, null]);
    expect(read("$12.30")).toEqual([1230, "USD"]);
    expect(read("1 234,50 ₽")).toEqual([123_450, "RUB"]);
    expect(read("12 EUR")).toEqual([1200, "EUR"]);
    expect(read("")).toEqual(["not_a_number", null]);
  });
});

describe("tokenizer rows", () => {
  it("gives every row exactly its own fields while the field array is reused, in any chunking", () => {
    // Rows of different widths (a short row after a long one must not keep the long row's tail), quoted
    // fields with delimiters and doubled quotes, empty fields and a 30-character field.
    const quoted = ["Store 1", 'say "hi"', "a,b", ""];
    const expected: string[][] = [];
    let text = "";
    for (let k = 0; k < 3000; k++) {
      const wide = [`id${k}`, "online", `${"z".repeat(29)}${k % 3}`, "", quoted[k % quoted.length]!, "0"];
      const row = k % 5 === 4 ? wide.slice(0, 2) : k % 7 === 6 ? [...wide, "extra", "more"] : wide;
      expected.push(row);
      text += `${row.map((f, i) => (i === 4 ? `"${f.replaceAll('"', '""')}"` : f)).join(",")}\n`;
    }
    for (const size of [1, 7, 4096, text.length]) {
      const tokenizer = new CsvTokenizer(",", {}, false);
      const rows: SourceRow[] = [];
      for (let at = 0; at < text.length; at += size) {
        tokenizer.push(text.slice(at, at + size));
        rows.push(...tokenizer.take());
      }
      tokenizer.end();
      rows.push(...tokenizer.take());
      expect(rows.map((r) => r.cells)).toEqual(expected);
      expect(rows.map((r) => r.line)).toEqual(expected.map((_, k) => k + 1));
    }
  });
});

describe("convertBatch", () => {
  it("gives what convert gives row by row: rows, errors and warnings in order", () => {
    const columns = ["order_id", "customer_id", "email", "ordered_at", "amount", "status", "wait_days"];
    const mapped = autoMap("orders", columns);
    if (!mapped.ok) throw new Error("mapping");
    const cells: string[][] = [
      ["o1", "c1", "a@b.ua", "2024-05-01T10:00:00.000Z", "12.50", "completed", "0"],
      ["o2", "c2", "not-an-email", "2024-05-01 10:00", "7", "paid", "2"],
      ["o3", "", "", "2024-02-30", "x", "lost", "-1"],
      ["o4", "c4", "bad@", "2024-05-01T24:00", "1", "", ""],
      ["", "c5", "", "01.05.2024", "$3", "cancelled", "1"],
      ["o6", "c6", "", "2024-05-01T10:00:00+03:00", "-2", "returned", "0"],
    ];
    const rows: SourceRow[] = cells.map((c, k) => ({ line: k + 2, cells: c }));
    rows.splice(2, 0, { line: 40, cells: [], issue: rowIssue(40, "unclosed_quote", { from: 40 }) });
    const options = {
      timeZone: "Europe/Kyiv",
      currency: "UAH",
      formats: inferColumnFormats(mapped.mapping, rows),
    };
    const batch = createRowConverter(mapped.mapping, options).convertBatch(rows);
    const single = createRowConverter(mapped.mapping, options);
    const expected = { rows: [] as unknown[], errors: [] as unknown[], warnings: [] as unknown[] };
    for (const row of rows) {
      const r = single.convert(row);
      if (r.ok) expected.rows.push(r.row);
      else expected.errors.push(...r.errors);
      expected.warnings.push(...r.warnings);
    }
    expect(batch).toEqual(expected);
    // By hand: o1, o2 and the id-less row land; o2 and o4 have broken e-mails (warnings, o4 fails anyway).
    expect(batch.rows.map((r) => r.externalId)).toEqual(["o1", "o2", expect.stringMatching(/^h:/)]);
    expect(batch.rows.map((r) => r.orderedAt)).toEqual([
      "2024-05-01T10:00:00.000Z",
      "2024-05-01T07:00:00.000Z", // Kyiv summer time, UTC+3
      "2024-04-30T21:00:00.000Z",
    ]);
    expect(batch.rows.map((r) => [r.amount, r.currency, r.status, r.waitDays])).toEqual([
      [1250, "UAH", "completed", 0],
      [700, "UAH", "completed", 2],
      [300, "USD", "cancelled", 1],
    ]);
    expect(batch.warnings.map((w) => [w.line, w.code])).toEqual([
      [3, "bad_email"],
      [5, "bad_email"],
    ]);
    expect(batch.errors.map((e) => [e.line, e.code])).toEqual([
      [40, "unclosed_quote"],
      [4, "required"],
      [4, "not_a_date"],
      [4, "not_a_number"],
      [4, "unknown_value"],
      [4, "negative"],
      [5, "not_a_date"],
      [7, "negative"],
    ]);
  });
});
