import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  autoMap,
  collectRows,
  createRowConverter,
  FastOrderRows,
  FastOrdersLane,
  inferColumnFormats,
  type LineOutcome,
  type OrderRow,
  type RowIssue,
  readCsv,
  type SourceRow,
} from "./index.ts";

// The block load's fast lane (csv-fast.ts) against the general reader and converter over the same bytes:
// every line the lane takes must carry exactly the general values; every line it hands back must be split
// as the tokenizer splits it and convert to the same row or the same errors.

const HEADER = [
  "order_id",
  "customer_id",
  "ordered_at",
  "amount",
  "list_amount",
  "channel",
  "location",
  "status",
  "wait_days",
];

type Outcomes = { line: number; text: string; outcome: LineOutcome }[];

type Options = { timeZone: string; currency: string; delimiter?: "," | ";" | "\t" };

/** Both paths over `bytes`; every assertion on the way. Returns each data line's outcome. */
const compare = async (bytes: Buffer, o: Options, haltAtStop = false): Promise<Outcomes> => {
  const reader = await readCsv([bytes], o.delimiter ? { delimiter: o.delimiter } : {});
  const source = await collectRows(reader);
  const mapped = autoMap("orders", reader.columns);
  const mapping = mapped.mapping;
  const convertOptions = { timeZone: o.timeZone, currency: o.currency };
  const converter = createRowConverter(mapping, convertOptions);
  const formats = inferColumnFormats(mapping, source);
  // Once on the whole file first: this decides the column formats the lane is planned with.
  const general = converter.convertBatch(source);
  const sourceByLine = new Map<number, SourceRow>(source.map((r) => [r.line, r]));
  const rowByLine = new Map<number, OrderRow>(general.rows.map((r) => [r.line, r]));
  const errorsByLine = new Map<number, RowIssue[]>();
  for (const e of general.errors) errorsByLine.set(e.line, [...(errorsByLine.get(e.line) ?? []), e]);
  const warningLines = new Set(general.warnings.map((w) => w.line));

  const lane = FastOrdersLane.plan(mapping, {
    delimiter: reader.delimiter ?? ",",
    timeZone: o.timeZone,
    currency: o.currency,
    decimal: (field) => converter.decimalOf(field),
  });
  expect(lane, "the lane plans for the plain orders mapping").not.toBeNull();
  if (!lane) return [];
  const rows = new FastOrderRows();
  rows.reset(bytes);
  const outcomes: Outcomes = [];
  let from = bytes.indexOf(10) + 1; // after the header
  for (let line = 2; from > 0 && from < bytes.length; line++) {
    const lf = bytes.indexOf(10, from);
    const to = lf < 0 ? bytes.length : lf;
    const text = bytes.toString("utf8", from, to);
    const slow: SourceRow[] = [];
    const before = rows.n;
    const outcome = lane.line(bytes, from, to, line, rows, slow);
    outcomes.push({ line, text, outcome });
    // The block load reads the rest of the file with the general reader from here.
    if (haltAtStop && outcome === "stop") break;
    const what = `line ${line}: ${JSON.stringify(text)} (${outcome})`;
    if (outcome === "fast") {
      expect(rows.n, what).toBe(before + 1);
      expect(slow, what).toEqual([]);
      const i = rows.n - 1;
      expect(rows.line[i], what).toBe(line);
      expect(errorsByLine.get(line), what).toBeUndefined();
      expect(warningLines.has(line), what).toBe(false);
      const g = rowByLine.get(line);
      expect(g, what).toBeDefined();
      if (g) {
        expect(
          {
            externalId: rows.id(i),
            customer: rows.customer(i),
            at: rows.at[i],
            amount: rows.amount[i],
            list: rows.list[i],
            status: rows.statusOf(i),
            wait: rows.wait[i],
            channel: rows.channelOf(i),
            location: rows.locationOf(i),
            currency: o.currency,
            referredBy: null,
            derivedId: false,
          },
          what,
        ).toEqual({
          externalId: g.externalId,
          customer: g.customer.externalId,
          at: Date.parse(g.orderedAt),
          amount: g.amount,
          list: g.listAmount,
          status: g.status,
          wait: g.waitDays,
          channel: g.channel,
          location: g.location,
          currency: g.currency,
          referredBy: g.referredBy,
          derivedId: g.derivedId,
        });
      }
    } else if (outcome === "slow") {
      expect(rows.n, what).toBe(before);
      expect(slow.length, what).toBe(1);
      const mine = slow[0]!;
      const theirs = sourceByLine.get(line);
      expect(mine.line, what).toBe(line);
      expect(theirs, what).toBeDefined();
      expect({ cells: mine.cells, issue: mine.issue }, what).toEqual({
        cells: theirs?.cells,
        issue: theirs?.issue,
      });
      // A fresh converter with the file's formats that has seen the lines before: rows without an order id
      // get derived ids counted over the file, so reusing `converter` would count this line twice.
      const fresh = createRowConverter(mapping, { ...convertOptions, formats });
      fresh.convertBatch(source.filter((r) => r.line < line));
      const converted = fresh.convertBatch(slow);
      expect(
        {
          rows: converted.rows,
          errors: converted.errors.map((e) => [e.code, e.column, e.params, e.message]),
        },
        what,
      ).toEqual({
        rows: rowByLine.has(line) ? [rowByLine.get(line)] : [],
        errors: (errorsByLine.get(line) ?? []).map((e) => [e.code, e.column, e.params, e.message]),
      });
    } else if (outcome === "blank") {
      expect(rows.n, what).toBe(before);
      expect(slow, what).toEqual([]);
      expect(sourceByLine.has(line), what).toBe(false);
    } else {
      expect(rows.n, what).toBe(before);
      expect(slow, what).toEqual([]);
    }
    from = lf < 0 ? bytes.length : lf + 1;
  }
  return outcomes;
};

/**
 * The fixture: cells per line (joined with the delimiter; a cell with the delimiter in it is quoted, a cell
 * starting with a quote is taken as written), and what the lane must do with it: "fast" (a plain line the
 * lane must take), "stop", or undefined (anything but stop, as long as it agrees with the general path).
 */
type Fixture = { cells: string[]; want?: "fast" | "stop" };
const FIXTURE: Fixture[] = [
  {
    cells: ["A-1", "C-1", "2024-03-12T10:00:00Z", "12.5", "15.00", "web", "kyiv-1", "completed", "0"],
    want: "fast",
  },
  {
    cells: ["A-2", "C-2", "2024-03-12T10:00:00+03:00", "100", "", "web", "kyiv-1", "cancelled", "2"],
    want: "fast",
  },
  {
    cells: ["A-3", "C-3", "2024-03-12 10:00", "7.25", "7.25", "store", "lviv", "returned", "1"],
    want: "fast",
  },
  { cells: ["A-4", "C-1", "2024-03-12", "1,234.56", "", "", "", "", ""] },
  { cells: ["A-5", "C-4", "12.03.2024", "10", "", "web", "kyiv-1", "completed", "0"] },
  { cells: ["A-6", "C-5", "2024-03-12T10:00:00Z", "12,50", "", "web", "", "", ""] },
  { cells: ["A-7", "C-5", "2024-03-12T10:00:00Z", "$12", "", "web", "", "", ""] },
  { cells: ["A-8", "C-6", "2024-03-12T10:00:00Z", "-5", "", "web", "", "", ""] },
  { cells: ["A-9", "C-6", "2024-03-12T10:00:00Z", "1,234", "", "web", "", "", ""] },
  { cells: ["A-10", "C-7", "2024-03-12T10:00:00Z", "20", "", "", "", "", ""], want: "fast" },
  { cells: ["A-11", "C-7", "2024-03-12T10:00:00Z", "20", "null", "n/a", "-", "", ""] },
  { cells: [" A-12 ", " C-8", "2024-03-12T10:00:00Z", "20", "", "", "", "", ""] },
  { cells: ["A-13", "C-8", "2024-03-12T10:00:00Z", "20", "", "web", "Київ Центр", "completed", "0"] },
  {
    cells: [
      '"A-14"',
      '"C-9"',
      '"2024-03-12T10:00:00Z"',
      '"30"',
      '"31"',
      '"web"',
      '"kyiv-1"',
      '"completed"',
      '"3"',
    ],
    want: "fast",
  },
  {
    cells: ["A-15", "C-9", "2024-03-12T10:00:00Z", "30", "", '"web ""promo"""', "kyiv-1", "completed", "0"],
    want: "stop",
  },
  { cells: ["A-16", "C-9", "2024-03-12T10:00:00Z", "30", "", "web", "kyiv-1", "completed", "0", "", "", ""] },
  { cells: ["A-17", "C-9", "2024-03-12T10:00:00Z", "30", "", "web", "kyiv-1", "completed", "0", "x", ""] },
  { cells: [""] },
  { cells: ["A-18", "C-10", "2024-03-12T10:00:00Z", "30", "", "web", "kyiv-1", "выполнен", "0"] },
  { cells: ["A-19", "C-10", "2024-03-12T10:00:00Z", "30", "", "web", "kyiv-1", "weird", "0"] },
  { cells: ["A-20", "C-10", "2024-03-12T10:00:00Z", "30", "", "web", "kyiv-1", "Completed", "0"] },
  { cells: ["A-21", "C-11", "2024-03-12T10:00:00.123Z", "30", "", "web", "kyiv-1", "CANCELLED", "0"] },
  { cells: ["A-22", "C-11", "2024-13-12T10:00:00Z", "30", "", "web", "kyiv-1", "", ""] },
  { cells: ["A-23", "C-11", "2024-02-30", "30", "", "", "", "", ""] },
  { cells: ["A-24", "C-12", "2024-03-31T03:30:00", "30", "", "", "", "", ""] },
  { cells: ["A-25", "C-12", "2024-10-27T03:30:00", "30", "", "", "", "", ""] },
  { cells: ["", "C-12", "2024-03-12", "30", "", "", "", "", ""] },
  { cells: ["A-27", "", "2024-03-12", "30", "", "", "", "", ""] },
  { cells: ["A-28", "C-13", "", "30", "", "", "", "", ""] },
  { cells: ["A-29", "C-13", "2024-03-12", "", "", "", "", "", ""] },
  { cells: ["A-30", "C-13", "2024-03-12", "30", "", "web", "kyiv-1", "completed", "-1"] },
  { cells: ["A-31", "C-13", "2024-03-12", "30", "", "web", "kyiv-1", "completed", "1.5"] },
  { cells: ["A-32", "C-14", "2024-03-12", "0.999", "", "web", "kyiv-1", "completed", "0"] },
  { cells: ["A-33", "C-14", "2024-03-12", "12.345", "", "", "", "", ""] },
  { cells: ["A-34", "C-14", "2024-03-12", "1234.5", "", "", "", "", ""], want: "fast" },
  { cells: ["A-35", "C-14", "2024-03-12T10:00Z", "5", "", "", "", "", ""] },
  { cells: ["A-36", "C-15", "2024-03-12T10:00:00+0300", "5", "", "", "", "", ""] },
  { cells: ["A-37", "C-15", "2024-03-12T10:00:00+03", "5", "", "", "", "", ""] },
  { cells: ["A-38", "C-15", "2024-03-12T24:00:00Z", "5", "", "", "", "", ""] },
  { cells: ["A-39", "C-15", "2024-03-12T10:00:00.5Z", "5", "", "", "", "", ""] },
  { cells: ["A-40", "C-16", "2024-03-12", "5", "", "web", "kyiv-1", "completed", "0", ""] },
  { cells: ["A-41", "C-16", "2024-03-12", "5", "", "web", "kyiv-1"] },
  { cells: ["", "", "", "", "", "", "", "", ""] },
  { cells: ["A-42", "C-16", "2024-03-12", "5", "", "Kyiv, centre", "kyiv-1", "completed", "0"] },
  { cells: ["A-43", "C-16", "2024-03-12", "00012", "", "", "", "", ""] },
  { cells: ["A-44", "C-16", "2024-03-12", ".5", "", "", "", "", ""] },
  { cells: ["A-45", "C-16", "2024-03-12", "5.", "", "", "", "", ""] },
  { cells: ["A-46", "C-16", "2024-03-12", "99999999999999", "", "", "", "", ""] },
  { cells: ["A-47", "C-16", "2024-03-12", "5", "", "web", "kyiv-1", "completed", "007"] },
  { cells: ["A-48", "C-16", "1970-01-01", "5", "", "", "", "", ""] },
  { cells: ["A-49", "C-16", "2024-03-12T10:00:00Z", "5", "4.5", "web", "kyiv-1", "done", "0"], want: "fast" },
  { cells: ["A-50", "C-16", "2024-03-12T10:00:00Z", "5", "", "#N/A", "", "", ""] },
  { cells: ["a-51", "c-16", "2024-03-12t10:00:00z", "5", "", "", "", "", ""] },
  { cells: ["   "] },
  { cells: [" ", " ", " "] },
  { cells: ['""'] },
  { cells: ['""', "", "", "", "", "", "", "", ""] },
  { cells: ["", "", "", "", "", "", "", "", "", "", "", ""] },
  { cells: ["A-53", "C-17", "2024-03-12", "5", "", "", "", "", '""'] },
  { cells: ["A-54", "C-17", "2024-03-12", "5", "", "", "", "nan", "none"] },
  { cells: ["A-55", "C-17", "2024-03-12", "5", "", "", "", "completed.", "0"] },
  { cells: ["A-56", "C-17", "2024-03-12", "5", "", "web\t", "", "", ""] },
  { cells: ["A-57", " C-17", "2024-03-12", "5", "", "", "", "", ""] },
  { cells: ["A-58 ", "C-17", "2024-03-12", "5", "", "", "", "", ""] },
  { cells: ["A-59", "C-17", "2024-03-12", " 5", "", " web", "", "", ""] },
  {
    cells: ["A-52", "C-16", "2024-03-12T10:00:00-05:30", "0", "0", "web", "kyiv-1", "returned", "12"],
    want: "fast",
  },
];

const swapMarks = (s: string): string => s.replace(/[.,]/g, (m) => (m === "." ? "," : "."));

const build = (delimiter: string, eol: string, decimalComma = false): Buffer => {
  const cell = (c: string, k: number): string => {
    const v = decimalComma && (k === 3 || k === 4) ? swapMarks(c) : c;
    if (v.startsWith('"')) return v;
    return v.includes(delimiter) ? `"${v}"` : v;
  };
  const lines = [HEADER.join(delimiter), ...FIXTURE.map((f) => f.cells.map(cell).join(delimiter))];
  return Buffer.from(lines.join(eol) + eol, "utf8");
};

const checkFixture = (outcomes: Outcomes): void => {
  expect(outcomes.length).toBe(FIXTURE.length);
  FIXTURE.forEach((f, k) => {
    const got = outcomes[k]!;
    const what = `line ${got.line}: ${JSON.stringify(got.text)}`;
    if (f.want) expect(got.outcome, what).toBe(f.want);
    else expect(got.outcome, what).not.toBe("stop");
  });
  const fast = outcomes.filter((o) => o.outcome === "fast").length;
  expect(fast).toBeGreaterThanOrEqual(15);
  expect(outcomes.some((o) => o.outcome === "slow")).toBe(true);
  expect(outcomes.some((o) => o.outcome === "blank")).toBe(true);
};

describe("FastOrdersLane against the general reader and converter", () => {
  it("reads the fixture like the general path (comma, LF, Europe/Kyiv)", async () => {
    checkFixture(await compare(build(",", "\n"), { timeZone: "Europe/Kyiv", currency: "UAH" }));
  });

  it("reads the fixture like the general path (comma, CRLF, UTC)", async () => {
    checkFixture(await compare(build(",", "\r\n"), { timeZone: "UTC", currency: "USD" }));
  });

  it("reads the fixture like the general path (semicolon, decimal commas, Europe/Kyiv)", async () => {
    checkFixture(
      await compare(build(";", "\n", true), { timeZone: "Europe/Kyiv", currency: "EUR", delimiter: ";" }),
    );
  });

  it("reads the fixture like the general path (tab, CRLF, UTC, a currency without minor units)", async () => {
    checkFixture(await compare(build("\t", "\r\n"), { timeZone: "UTC", currency: "JPY", delimiter: "\t" }));
  });

  it("stops at structure only the tokenizer reads, and nowhere else", async () => {
    const head = HEADER.join(",");
    const plain = "A-1,C-1,2024-03-12T10:00:00Z,12.5,,web,kyiv-1,completed,0";
    const cases: [string, LineOutcome][] = [
      ['A-2,C-1,2024-03-12,5,,"a ""b""",kyiv-1,completed,0', "stop"],
      ['A-2,C-1,2024-03-12,5,,a"b,kyiv-1,completed,0', "stop"],
      ['A-2,C-1,2024-03-12,5,,"a"b,kyiv-1,completed,0', "stop"],
      ["A-2,C-1,2024-03-12,5,,web\rx,kyiv-1,completed,0", "stop"],
      ["A-2,C-1,2024-03-12,5,,we\0b,kyiv-1,completed,0", "stop"],
      [`A-2,C-1,2024-03-12,5,,${"w".repeat(70_000)},kyiv-1,completed,0`, "stop"],
      ['A-2,C-1,2024-03-12,5,,"a,b",kyiv-1,completed,0', "fast"],
      [plain, "fast"],
    ];
    for (const [line, want] of cases) {
      const bytes = Buffer.from(`${head}\n${plain}\n${line}\n`, "utf8");
      const outcomes = await compare(bytes, { timeZone: "UTC", currency: "USD" });
      expect(outcomes[0]!.outcome).toBe("fast");
      expect(outcomes[1]!.outcome, JSON.stringify(line.slice(0, 80))).toBe(want);
    }
  });
});

// Random files from small alphabets: whatever the lane does with a line must agree with the general path.
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
// Each column mostly plain (so the lane gets lines to take), sometimes odd.
const mostly = <T>(plain: fc.Arbitrary<T>, odd: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: plain }, { weight: 1, arbitrary: odd });
const idCell = mostly(
  fc.string({ unit: pick([..."abz09-"]), minLength: 1, maxLength: 6 }),
  fc.string({ unit: pick([..."abz09 -"]), maxLength: 6 }),
);
const plainDate = fc
  .record({
    y: pick(["2024", "1999", "2023"]),
    mo: pick(["01", "02", "03", "10", "12"]),
    d: pick(["01", "28", "29", "30", "31", "15"]),
    sep: pick(["T", " "]),
    time: pick(["", "10:00", "10:00:00", "03:30:00", "23:59:59.999", "00:00:00.5"]),
    zone: pick(["", "Z", "+03:00", "-05:30", "+0300", "+03"]),
  })
  .map(({ y, mo, d, sep, time, zone }) => `${y}-${mo}-${d}${time ? sep + time + zone : ""}`);
const oddDate = fc.oneof(
  fc
    .record({
      y: pick(["2024", "0001", "9999", "24"]),
      mo: pick(["01", "12", "13", "00", "1"]),
      d: pick(["01", "31", "00", "1"]),
      sep: pick(["T", " ", "t", "", "_"]),
      time: pick(["10:00", "24:00", "10:00:00.1234567891", "9:00", "", "10:60"]),
      zone: pick(["", "Z", "z", "+3", "Z ", "+14:00", "-12:00", "+24:00"]),
    })
    .map(({ y, mo, d, sep, time, zone }) => `${y}-${mo}-${d}${time ? sep + time : ""}${zone}`),
  pick(["12.03.2024", "2024/03/12", "", "null", "45000", " 2024-03-12"]),
);
const dateCell = mostly(plainDate, oddDate);
const plainAmount = fc
  .tuple(fc.nat({ max: 99999 }), pick(["", ".", ".5", ".50", ".99", ".999", ".005", ",5", ",25", ",125"]))
  .map(([n, f]) => `${n}${f}`);
const amountCell = mostly(
  plainAmount,
  fc.oneof(
    fc.string({ unit: pick([..."0123456789.,"]), maxLength: 9 }),
    fc.string({ unit: pick([..."0159.,-+$ €"]), maxLength: 6 }),
    pick(["", "n/a", "-", "0", "1,234", "1,234.56", "1.234,56", "12,345", "0,999", "-5"]),
  ),
);
const statusCell = mostly(
  pick(["", "completed", "Completed", "cancelled", "returned", "done", "выполнен", "отменен"]),
  pick(["weird", " completed", "null", "-", "n/a", "#N/A", "COMPLETED.", "canceled!"]),
);
const waitCell = mostly(
  pick(["", "0", "7", "12", "007"]),
  fc.string({ unit: pick([..."0123456789-. "]), maxLength: 4 }),
);
const textCell = mostly(
  pick(["", "web", "kyiv-1", "store", "a b"]),
  fc.oneof(pick(["Київ", "null", "-", " web", "#N/A", "web "]), idCell),
);

const rowCells = fc.tuple(
  idCell,
  idCell,
  dateCell,
  amountCell,
  amountCell,
  textCell,
  textCell,
  statusCell,
  waitCell,
);
const rowArb = fc.record({
  cells: rowCells,
  quote: fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }),
  extra: pick([[], [], [], [], [], [], [""], ["", ""], ["x"]] as string[][]),
  drop: pick([0, 0, 0, 0, 0, 0, 0, 0, 1, 3]),
});
// Which columns the file has, in which order: the four required ones, some optional ones, maybe a column
// no field takes (index 9, "note").
const NOTE = 9;
const layoutArb = fc.tuple(fc.subarray([4, 5, 6, 7, 8, NOTE]), fc.boolean()).chain(([optional, plain]) => {
  const all = [0, 1, 2, 3, ...optional];
  return plain && optional.length === 5 && !optional.includes(NOTE)
    ? fc.constant(all.sort((a, b) => a - b))
    : fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
});
const fileArb = fc.record({
  layout: layoutArb,
  note: fc.array(textCell, { minLength: 20, maxLength: 20 }),
  rows: fc.array(rowArb, { minLength: 1, maxLength: 20 }),
  delimiter: pick([",", ";", "\t"] as const),
  eol: pick(["\n", "\r\n"]),
  timeZone: pick(["UTC", "Europe/Kyiv", "America/New_York"]),
  currency: pick(["USD", "JPY", "UAH"]),
});

describe("FastOrdersLane on random files", () => {
  it("agrees with the general path on every line", async () => {
    let fast = 0;
    let lines = 0;
    await fc.assert(
      fc.asyncProperty(fileArb, async (file) => {
        const width = file.layout.length;
        const body = file.rows.map((r, n) => {
          const all = [...r.cells, file.note[n]!];
          const laid = file.layout.map((k) => all[k]!);
          const cells = [...laid.slice(0, width - Math.min(r.drop, width - 1)), ...r.extra].map((c, k) =>
            r.quote[k % 9] && !c.includes('"') ? `"${c}"` : c,
          );
          return cells.join(file.delimiter);
        });
        const header = file.layout.map((k) => (k === NOTE ? "note" : HEADER[k]!));
        const text = [header.join(file.delimiter), ...body].join(file.eol) + file.eol;
        const outcomes = await compare(Buffer.from(text, "utf8"), {
          timeZone: file.timeZone,
          currency: file.currency,
          delimiter: file.delimiter,
        });
        for (const o of outcomes) {
          lines++;
          if (o.outcome === "fast") fast++;
          // Quotes only ever wrap whole fields here, and there are no CR/NUL inside a line.
          expect(o.outcome, JSON.stringify(o.text)).not.toBe("stop");
        }
      }),
      { numRuns: 200 },
    );
    // The lane must take a fair share of the lines, not hand everything back.
    expect(lines).toBeGreaterThan(500);
    expect(fast).toBeGreaterThan(lines / 10);
  });
});

// Lines whose structure is arbitrary (quotes anywhere, delimiters, spaces, Cyrillic, CRLF): up to the first
// "stop" — where the block load hands the rest of the file to the general reader — every line agrees.
const chaosCell = fc.string({ unit: pick([...'a1 ",;\t-.Ж']), maxLength: 5 });
const maybeChaos = fc.oneof(
  { weight: 30, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: chaosCell },
);
const chaosRow = fc.tuple(rowCells, fc.array(maybeChaos, { minLength: 12, maxLength: 12 }));
const chaosFile = fc.record({
  rows: fc.array(
    fc.oneof(
      {
        weight: 6,
        arbitrary: chaosRow.map(([cells, odd]) =>
          [...cells, "", "", ""].slice(0, 9 + (odd[11] === null ? 0 : 3)).map((c, k) => odd[k] ?? c),
        ),
      },
      { weight: 1, arbitrary: fc.array(chaosCell, { maxLength: 11 }) },
    ),
    { minLength: 1, maxLength: 20 },
  ),
  delimiter: pick([",", ";", "\t"] as const),
  eol: pick(["\n", "\r\n"]),
});

describe("FastOrdersLane on lines of arbitrary structure", () => {
  it("agrees with the general path up to the first stop", async () => {
    const seen = { fast: 0, slow: 0, stop: 0, blank: 0 };
    await fc.assert(
      fc.asyncProperty(chaosFile, async (file) => {
        const body = file.rows.map((cells) => cells.join(file.delimiter));
        const text = [HEADER.join(file.delimiter), ...body].join(file.eol) + file.eol;
        const outcomes = await compare(
          Buffer.from(text, "utf8"),
          { timeZone: "Europe/Kyiv", currency: "UAH", delimiter: file.delimiter },
          true,
        );
        for (const o of outcomes) seen[o.outcome]++;
      }),
      { numRuns: 200 },
    );
    expect(seen.fast).toBeGreaterThan(20);
    expect(seen.slow).toBeGreaterThan(100);
    expect(seen.stop).toBeGreaterThan(20);
  });
});

describe("FastOrdersLane.plan", () => {
  const plan = (columns: string[], options: Parameters<typeof autoMap>[2] = {}) => {
    const mapping = autoMap("orders", columns, options).mapping;
    return FastOrdersLane.plan(mapping, {
      delimiter: ",",
      timeZone: "UTC",
      currency: "USD",
      decimal: () => ".",
    });
  };

  it("maps the columns the random files use as intended", () => {
    const mapping = autoMap("orders", [...HEADER, "note"]).mapping;
    expect(HEADER.map((_, k) => mapping.report[k]!.field)).toEqual([
      "external_id",
      "customer_external_id",
      "ordered_at",
      "amount",
      "list_amount",
      "channel",
      "location",
      "status",
      "wait_days",
    ]);
    expect(mapping.report[HEADER.length]!.field).toBeNull();
  });

  it("plans for the plain orders columns", () => {
    expect(plan(HEADER)).not.toBeNull();
    expect(plan(HEADER.slice(0, 4))).not.toBeNull();
  });

  it("declines what only the general converter handles", () => {
    const mapped = autoMap("orders", [...HEADER, "customer_email", "currency", "referred_by"]).mapping;
    expect(mapped.byField.customer_email).toBe(HEADER.length);
    expect(mapped.byField.currency).toBe(HEADER.length + 1);
    expect(mapped.byField.referred_by).toBe(HEADER.length + 2);
    expect(plan([...HEADER, "customer_email"])).toBeNull();
    expect(plan([...HEADER, "currency"])).toBeNull();
    expect(plan([...HEADER, "referred_by"])).toBeNull();
    expect(plan(HEADER.filter((c) => c !== "order_id"))).toBeNull();
    expect(plan(HEADER, { defaults: { channel: "web" } })).toBeNull();
    expect(plan(HEADER, { defaults: { currency: "EUR" } })).toBeNull();
  });

  it("declines a delimiter it cannot read byte by byte", () => {
    const mapping = autoMap("orders", HEADER).mapping;
    const o = { timeZone: "UTC", currency: "USD", decimal: () => null };
    expect(FastOrdersLane.plan(mapping, { ...o, delimiter: "ж" })).toBeNull();
    expect(FastOrdersLane.plan(mapping, { ...o, delimiter: ",," })).toBeNull();
  });
});
