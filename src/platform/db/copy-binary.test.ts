import { describe, expect, it } from "vitest";
import { BinaryCopyWriter } from "./copy-binary.ts";

// PGCOPY signature, flags and header extension: 19 bytes before the first row.
const HEADER_BYTES = 19;

describe("binary COPY writer", () => {
  it("writes the header once, then each row as a field count and length-prefixed values", () => {
    const w = new BinaryCopyWriter(1024);
    w.row(2).int4(7).text("ab");
    const out = w.take();
    expect(out.subarray(0, 11).toString("latin1")).toBe("PGCOPY\n\xff\r\n\0");
    // 2 fields; int4: length 4, value 7; text: length 2, "ab"
    expect([...out.subarray(HEADER_BYTES)]).toEqual([0, 2, 0, 0, 0, 4, 0, 0, 0, 7, 0, 0, 0, 2, 97, 98]);
    w.row(1).null();
    expect([...w.end()]).toEqual([0, 1, 255, 255, 255, 255, 255, 255]);
  });

  it("lends its buffer without copying and never writes into a chunk it has not been given back", () => {
    const w = new BinaryCopyWriter(64);
    w.row(1).int4(1);
    const first = w.lend();
    const firstBytes = Buffer.from(first);
    // Not given back: the next rows go elsewhere and the lent bytes stay as they were.
    w.row(1).int4(2);
    const second = w.lend();
    expect(second.buffer).not.toBe(first.buffer);
    expect(Buffer.compare(first, firstBytes)).toBe(0);
    expect([...second]).toEqual([0, 1, 0, 0, 0, 4, 0, 0, 0, 2]);
  });

  it("reuses a chunk given back with recycle() for a later one", () => {
    const w = new BinaryCopyWriter(64);
    w.row(1).int4(1);
    const first = w.lend();
    w.recycle(first);
    // The buffer being filled when it came back is lent next; the one given back after it.
    w.row(1).int4(3);
    const second = w.lend();
    expect(second.buffer).not.toBe(first.buffer);
    w.row(1).int4(4);
    const third = w.lend();
    expect(third.buffer).toBe(first.buffer);
    expect([...third]).toEqual([0, 1, 0, 0, 0, 4, 0, 0, 0, 4]);
  });

  it("keeps only whole buffers of its own size", () => {
    const w = new BinaryCopyWriter(64);
    w.recycle(Buffer.alloc(8));
    w.row(1).int4(5);
    w.lend();
    w.row(1).int4(6);
    const next = w.lend();
    expect(next.buffer.byteLength).toBeGreaterThanOrEqual(64 + 65_536);
    expect([...next]).toEqual([0, 1, 0, 0, 0, 4, 0, 0, 0, 6]);
  });
});
