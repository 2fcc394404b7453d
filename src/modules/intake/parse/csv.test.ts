import { describe, expect, it } from "vitest";
import { type CsvOptions, detectDelimiter, readCsv, uniqueColumns } from "./csv.ts";
import { CsvTokenizer } from "./csv-tokenizer.ts";
import { collectRows, type SourceRow } from "./source.ts";

const chunked = (text: string, size: number): Uint8Array[] => {
  const bytes = new TextEncoder().encode(text);
  const out: Uint8Array[] = [];
  for (let k = 0; k < bytes.length; k += size) out.push(bytes.subarray(k, k + size));
  return out;
};

const readText = async (text: string, options: CsvOptions = {}, chunk = 1 << 16) => {
  const reader = await readCsv(chunked(text, chunk), options);
  const rows = await collectRows(reader);
  return { reader, rows };
};

const tokenize = (text: string, delimiter = ",", chunk = text.length || 1): SourceRow[] => {
  const t = new CsvTokenizer(delimiter);
  for (let k = 0; k < text.length; k += chunk) t.push(text.slice(k, k + chunk));
  t.end();
  return t.take();
};

describe("detectDelimiter", () => {
  it("finds comma, semicolon, tab and pipe", () => {
    expect(detectDelimiter("a,b,c\n1,2,3\n")).toBe(",");
    expect(detectDelimiter("Дата;Сумма\n01.01.2024;12,5\n02.01.2024;1,25\n")).toBe(";");
    expect(detectDelimiter("a\tb\n1\t2\n")).toBe("\t");
    expect(detectDelimiter("a|b|c\n1|2|3\n")).toBe("|");
  });

  it("ignores delimiters inside quotes and falls back to comma for one column", () => {
    expect(detectDelimiter('name;note\n"Smith, John";"a, b, c"\n')).toBe(";");
    expect(detectDelimiter("amount\n5\n6\n")).toBe(",");
  });
});

describe("CsvTokenizer", () => {
  it("reads quoted fields with doubled quotes, delimiters and newlines inside", () => {
    const rows = tokenize('a,"b ""x"", y","line1\r\nline2"\r\nc,d,e\r\n');
    expect(rows).toEqual([
      { line: 1, cells: ["a", 'b "x", y', "line1\r\nline2"] },
      { line: 3, cells: ["c", "d", "e"] },
    ]);
  });

  it("counts physical lines with LF, CRLF and CR endings", () => {
    for (const nl of ["\n", "\r\n", "\r"]) {
      const rows = tokenize(`h1,h2${nl}1,2${nl}${nl}"x${nl}y",3${nl}4,5`);
      expect(rows.map((r) => r.line)).toEqual([1, 2, 4, 6]);
    }
  });

  it("gives the same rows whatever the chunking", () => {
    const text = 'id,text\r\n1,"a\r\nb"\r\n2,"say ""hi"""\r\n3,plain\r\n"",\r\n';
    const whole = tokenize(text);
    for (let size = 1; size <= 8; size++) expect(tokenize(text, ",", size)).toEqual(whole);
  });

  it("keeps a trailing empty field and a quoted empty row, skips blank and all-empty rows", () => {
    expect(tokenize('a,\n\n,,\n""\nb')).toEqual([
      { line: 1, cells: ["a", ""] },
      { line: 4, cells: [""] },
      { line: 5, cells: ["b"] },
    ]);
  });

  it("rejects a too long field and goes on with the next row", () => {
    const t = new CsvTokenizer(",", { maxFieldChars: 10 });
    t.push("a,b\nxxxxxxxxxxxxxxxxxxxx,1\nc,d\n");
    t.end();
    const rows = t.take();
    expect(rows[1]?.issue?.code).toBe("field_too_long");
    expect(rows[1]?.line).toBe(2);
    expect(rows[2]).toEqual({ line: 3, cells: ["c", "d"] });
  });

  it("rejects rows with too many fields or too many characters", () => {
    const t = new CsvTokenizer(",", { maxFields: 3, maxRecordChars: 12 });
    t.push("1,2,3,4\nabcdefgh,abcdefgh\nok,1\n");
    t.end();
    expect(t.take().map((r) => r.issue?.code ?? r.cells.join("|"))).toEqual([
      "too_many_fields",
      "record_too_long",
      "ok|1",
    ]);
  });
});

describe("readCsv", () => {
  it("reads the header, detects the delimiter and numbers lines", async () => {
    const { reader, rows } = await readText("\ufeffДата;Сумма;Клиент\r\n01.02.2024;1 234,50;Иван\r\n");
    expect(reader.columns).toEqual(["Дата", "Сумма", "Клиент"]);
    expect(reader.delimiter).toBe(";");
    expect(reader.encoding).toBe("utf-8");
    expect(rows).toEqual([{ line: 2, cells: ["01.02.2024", "1 234,50", "Иван"] }]);
  });

  it("names empty and repeated header cells", () => {
    expect(uniqueColumns(["id", "", "id", " Name "])).toEqual(["id", "column_2", "id_2", "Name"]);
  });

  it("rejects rows with extra non-empty fields, accepts extra empty ones and short rows", async () => {
    const { rows } = await readText("a,b\n1,2,3\n4,5,,\n6\n");
    expect(rows[0]?.issue?.code).toBe("extra_fields");
    expect(rows[0]?.issue?.message).toBe("the row has 3 fields but the header has 2");
    expect(rows[1]?.cells).toEqual(["4", "5", "", ""]);
    expect(rows[2]?.cells).toEqual(["6"]);
  });

  it("reads a header-less file with numbered columns", async () => {
    const reader = await readCsv(chunked("1\t2\n3\t4\t5\n", 100), { header: false });
    expect(reader.columns).toEqual(["column_1", "column_2", "column_3"]);
    const rows = await collectRows(reader);
    expect(rows.map((r) => r.line)).toEqual([1, 2]);
  });

  it("finds the header beyond the first sample and handles an empty file", async () => {
    const long = "x".repeat(100_000);
    const { reader, rows } = await readText(`"${long}",b\n1,2\n`, { sampleChars: 1000 }, 4096);
    expect(reader.columns).toEqual([long, "b"]);
    expect(rows).toEqual([{ line: 2, cells: ["1", "2"] }]);
    const empty = await readText("");
    expect(empty.reader.columns).toEqual([]);
    expect(empty.rows).toEqual([]);
  });

  it("streams many chunks with the same result as one", async () => {
    const body = Array.from({ length: 500 }, (_, k) => `${k},"v ${k}\nnext",${k * 2}`).join("\r\n");
    const text = `id,text,n\r\n${body}\r\n`;
    const whole = await readText(text);
    const small = await readText(text, {}, 7);
    expect(small.rows).toEqual(whole.rows);
    expect(whole.rows).toHaveLength(500);
    expect(whole.rows[499]?.line).toBe(2 + 499 * 2);
  });
});
