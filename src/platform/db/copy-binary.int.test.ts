import { finished } from "node:stream/promises";
import { from as copyFrom } from "pg-copy-streams";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../testing/db.ts";
import { BinaryCopyWriter, sendLent } from "./copy-binary.ts";

describe("binary COPY with lent buffers", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.drop();
  });

  it("never reuses a chunk's buffer before the connection has taken it, even while the server keeps it waiting", async () => {
    await t.pool.query("CREATE TABLE lent (i int, s text)");
    const holder = await t.pool.connect();
    const loader = await t.pool.connect();
    try {
      // The table locked elsewhere: the COPY waits for the lock, so every chunk stays queued in the stream.
      await holder.query("BEGIN");
      await holder.query("LOCK TABLE lent IN ACCESS EXCLUSIVE MODE");
      const sink = loader.query(copyFrom("COPY lent (i, s) FROM STDIN (FORMAT binary)"));
      const w = new BinaryCopyWriter(48);
      const n = 200;
      for (let i = 0; i < n; i++) {
        w.row(2)
          .int4(i)
          .text(`row ${i} ${"x".repeat(i % 7)}`);
        if (w.full) sendLent(sink, w);
      }
      // Released: the queued chunks go out now, and come back to the writer one by one.
      await new Promise((r) => setTimeout(r, 50));
      await holder.query("COMMIT");
      sink.end(w.end());
      await finished(sink);
      const back = await t.pool.query<{ i: number; s: string }>("SELECT i, s FROM lent ORDER BY i");
      expect(back.rows).toEqual(
        Array.from({ length: n }, (_, i) => ({ i, s: `row ${i} ${"x".repeat(i % 7)}` })),
      );
    } finally {
      await holder.query("ROLLBACK").catch(() => {});
      holder.release();
      loader.release();
    }
  });
});
