import { describe, expect, it } from "vitest";
import { readJsonl } from "./jsonl.ts";
import { collectRows } from "./source.ts";

const read = async (text: string, options = {}) => {
  const bytes = new TextEncoder().encode(text);
  const chunks = [];
  for (let k = 0; k < bytes.length; k += 5) chunks.push(bytes.subarray(k, k + 5));
  const reader = await readJsonl(chunks, options);
  return { reader, rows: await collectRows(reader) };
};

describe("readJsonl", () => {
  it("flattens nested objects into dotted columns and keeps lists", async () => {
    const { reader, rows } = await read(
      '{"id":1,"customer":{"id":"c1","email":"a@b.ua"},"amount":12.5,"tags":["vip",2]}\r\n\n{"id":2,"note":"Привет"}\n',
    );
    expect(reader.columns).toEqual(["id", "customer.id", "customer.email", "amount", "tags", "note"]);
    expect(rows).toEqual([
      { line: 1, cells: [1, "c1", "a@b.ua", 12.5, ["vip", 2]] },
      { line: 3, cells: [2, undefined, undefined, undefined, undefined, "Привет"] },
    ]);
  });

  it("reports a bad line with its number and goes on", async () => {
    const { rows } = await read('{"a":1}\n{"a":2,}\n[1,2]\nnull\n{"a":3}');
    expect(rows.map((r) => [r.line, r.issue?.code ?? r.cells[0]])).toEqual([
      [1, 1],
      [2, "bad_json"],
      [3, "not_an_object"],
      [4, "not_an_object"],
      [5, 3],
    ]);
    expect(rows[1]?.issue?.message).toMatch(/^the line is not valid JSON: /);
    expect(rows[2]?.issue?.message).toBe("the line is JSON but not an object (got array)");
  });

  it("skips a line over the limit without holding it, and stops flattening at the depth limit", async () => {
    const text = `{"a":"${"x".repeat(5000)}"}\n{"a":{"b":{"c":1}}}\n`;
    const { reader, rows } = await read(text, { maxLineChars: 1000, maxDepth: 1 });
    expect(rows[0]?.issue?.code).toBe("line_too_long");
    expect(reader.columns).toEqual(["a.b"]);
    expect(rows[1]?.cells).toEqual(['{"c":1}']);
  });

  it("survives hostile JSON: deep nesting, __proto__, huge numbers", async () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const { rows } = await read(`${deep}\n{"__proto__":{"x":1},"n":1e400}\n`);
    expect(rows[0]?.issue).toBeDefined();
    expect(rows[1]?.cells).toEqual([1, Number.POSITIVE_INFINITY]);
  });
});
