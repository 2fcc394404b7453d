import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { copyRows } from "./copy.ts";

describe("copyRows", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });

  it("round-trips any text through COPY unchanged (NUL bytes aside, which PostgreSQL cannot store)", async () => {
    const client = await t.pool.connect();
    try {
      await client.query("CREATE TEMP TABLE rt (i int, s text, j jsonb)");
      await fc.assert(
        fc.asyncProperty(fc.array(fc.string({ unit: "grapheme" }), { maxLength: 30 }), async (strings) => {
          await client.query("TRUNCATE rt");
          const rows = strings.map((s, i) => [i, s, { s }] as const);
          expect(await copyRows(client, "rt", ["i", "s", "j"], rows)).toBe(strings.length);
          const back = await client.query("SELECT s, j->>'s' AS js FROM rt ORDER BY i");
          const clean = strings.map((s) => s.replaceAll("\0", ""));
          expect(back.rows.map((r) => r.s)).toEqual(clean);
          expect(back.rows.map((r) => r.js)).toEqual(clean);
        }),
        { numRuns: 60, examples: [[["a\0b", "\\N", "x\ty\nz\r", "ё'ї"]]] },
      );
    } finally {
      client.release();
    }
  });
});
