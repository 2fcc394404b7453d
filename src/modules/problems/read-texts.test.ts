import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csvRecords, readTextColumn } from "./read-texts.ts";

const collect = async <T>(it: AsyncIterable<T>): Promise<T[]> => {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
};

describe("reading a text column", () => {
  it("parses quoted CSV with line breaks and doubled quotes, across chunks", async () => {
    const records = await collect(csvRecords(['\ufeffid,text\r\n1,"a, ""b""', '\nc"\r\n2,plain\n']));
    expect(records).toEqual([
      ["id", "text"],
      ["1", 'a, "b"\nc'],
      ["2", "plain"],
    ]);
  });

  it("guesses semicolons from the header", async () => {
    expect(await collect(csvRecords(["a;b\n1;x,y\n"]))).toEqual([
      ["a", "b"],
      ["1", "x,y"],
    ]);
  });

  it("reads CSV and JSONL files, numbering rows from 1", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "problems-"));
    writeFileSync(path.join(dir, "t.csv"), "n,text\n1,Курьер опоздал\n2,\n");
    writeFileSync(path.join(dir, "t.jsonl"), '{"text":"Грязно"}\n\n{"other":1}\n');
    expect(await collect(readTextColumn(path.join(dir, "t.csv"), "text"))).toEqual([
      { row: 1, text: "Курьер опоздал" },
      { row: 2, text: "" },
    ]);
    expect(await collect(readTextColumn(path.join(dir, "t.jsonl"), "text"))).toEqual([
      { row: 1, text: "Грязно" },
      { row: 2, text: "" },
    ]);
    await expect(collect(readTextColumn(path.join(dir, "t.csv"), "body"))).rejects.toThrow(
      /No column 'body'/,
    );
  });
});
