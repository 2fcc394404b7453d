import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { batchBuilder, type CustomerHistory, toBatch } from "./batch.ts";
import { binaryCopyParser } from "./copy-binary.ts";
import { decodeHistoryInto, encodeHistory } from "./history-codec.ts";

describe("kept history", () => {
  const anyHistory = fc.record({
    customerId: fc.integer({ min: 1, max: 2 ** 40 }),
    referred: fc.boolean(),
    segments: fc
      .uniqueArray(fc.integer({ min: 1, max: 1e9 }), { maxLength: 4 })
      .map((s) => s.sort((a, b) => a - b)),
    orders: fc.array(
      fc.record({
        id: fc.integer({ min: 1, max: 2 ** 45 }),
        at: fc.integer({ min: 0, max: 2 ** 31 }),
        amount: fc.integer({ min: 0, max: 2 ** 40 }),
        flags: fc.integer({ min: 0, max: 15 }),
        location: fc.option(fc.integer({ min: 1, max: 2 ** 40 }), { nil: null }),
        channel: fc.option(fc.constantFrom("store", "online", "телефон", "x".repeat(300)), { nil: null }),
      }),
      { maxLength: 6 },
    ),
    complaints: fc.array(
      fc.record({
        id: fc.integer({ min: 1, max: 2 ** 45 }),
        at: fc.integer({ min: 0, max: 2 ** 31 }),
        location: fc.option(fc.integer({ min: 1, max: 99 }), { nil: null }),
        channel: fc.option(fc.constantFrom("email", "viber"), { nil: null }),
      }),
      { maxLength: 3 },
    ),
  });

  it("decodes to what was encoded (channel names kept to 255 bytes)", () => {
    fc.assert(
      fc.property(anyHistory, (h: CustomerHistory) => {
        const b = toBatch([h]);
        const bb = batchBuilder();
        decodeHistoryInto(bb, h.customerId, encodeHistory(b, 0));
        const back = bb.finish();
        const trim = (c: string) => Buffer.from(c).subarray(0, 255).toString();
        expect(back.size).toBe(1);
        expect(back.customerId[0]).toBe(h.customerId);
        expect(back.referred[0]).toBe(h.referred ? 1 : 0);
        expect(Array.from(back.segments.subarray(0, back.segStart[1]))).toEqual(h.segments);
        const orders = [];
        for (let i = 0; i < back.orderStart[1]!; i++) {
          orders.push({
            id: back.orderId[i],
            at: back.orderAt[i],
            amount: back.amount[i],
            flags: back.flags[i],
            location: Number.isNaN(back.location[i]!) ? null : back.location[i],
            channel: back.channel[i]! < 0 ? null : back.channels[back.channel[i]!],
          });
        }
        expect(orders).toEqual(
          h.orders.map((o) => ({ ...o, channel: o.channel === null ? null : trim(o.channel) })),
        );
        expect(back.compStart[1]).toBe(h.complaints.length);
      }),
    );
  });
});

describe("binary COPY parser", () => {
  /** A binary COPY stream of rows (int8, timestamptz, text or NULL). */
  function stream(rows: Array<[number, number, string | null]>): Buffer {
    const parts = [Buffer.from("PGCOPY\n\xff\r\n\0", "latin1"), Buffer.alloc(8)];
    for (const [a, t, s] of rows) {
      const head = Buffer.alloc(2 + 12 + 12);
      head.writeInt16BE(3, 0);
      head.writeInt32BE(8, 2);
      head.writeBigInt64BE(BigInt(a), 6);
      head.writeInt32BE(8, 14);
      head.writeBigInt64BE(BigInt((t - 946_684_800_000) * 1000), 18);
      parts.push(head);
      const len = Buffer.alloc(4);
      if (s === null) {
        len.writeInt32BE(-1, 0);
        parts.push(len);
      } else {
        const bytes = Buffer.from(s);
        len.writeInt32BE(bytes.length, 0);
        parts.push(len, bytes);
      }
    }
    const end = Buffer.alloc(2);
    end.writeInt16BE(-1, 0);
    parts.push(end);
    return Buffer.concat(parts);
  }

  it("reads rows however the stream is cut", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: -(2 ** 40), max: 2 ** 50 }),
            fc.integer({ min: 0, max: 4e12 }),
            fc.option(fc.string(), { nil: null }),
          ),
          { maxLength: 20 },
        ),
        fc.integer({ min: 1, max: 40 }),
        (rows, cut) => {
          const got: Array<[number, number, string | null]> = [];
          const p = binaryCopyParser((r) =>
            got.push([r.int(0), r.timestamp(1), r.isNull(2) ? null : r.text(2)]),
          );
          const all = stream(rows);
          for (let i = 0; i < all.length; i += cut) p.push(all.subarray(i, i + cut));
          expect(got).toEqual(rows);
          expect(p.rows()).toBe(rows.length);
        },
      ),
    );
  });
});
