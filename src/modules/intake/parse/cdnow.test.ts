import { createReadStream, existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sharedDataFile } from "../../../platform/testing/shared-data.ts";
import { CDNOW_PRESET, readCdnow } from "./cdnow.ts";
import { autoMap } from "./mapping.ts";
import { createRowConverter } from "./rows.ts";
import { collectRows } from "./source.ts";

// Real data, read in place (never copied into the project): ../shared/data relative to the repo root.
const file = sharedDataFile("cdnow/CDNOW_sample.txt");

describe.skipIf(!existsSync(file))("CDNOW sample with --format cdnow", () => {
  it("reads 6,919 orders of 2,357 customers totalling $244,091.94", async () => {
    const reader = await readCdnow(createReadStream(file));
    const mapped = autoMap(CDNOW_PRESET.entity, reader.columns, { overrides: CDNOW_PRESET.overrides });
    if (!mapped.ok) throw new Error(mapped.errors.map((e) => e.message).join("; "));
    const convert = createRowConverter(mapped.mapping, {
      timeZone: CDNOW_PRESET.timeZone,
      currency: CDNOW_PRESET.currency,
    });
    const customers = new Set<string>();
    const ids = new Set<string>();
    let orders = 0;
    let cents = 0;
    let first = "";
    for await (const batch of reader.batches) {
      const out = convert.convertBatch(batch);
      expect(out.errors).toEqual([]);
      for (const order of out.rows) {
        orders++;
        cents += order.amount;
        customers.add(order.customer.externalId);
        ids.add(order.externalId);
        first ||= `${order.customer.externalId} ${order.orderedAt} ${order.amount} ${order.currency}`;
      }
    }
    expect(reader.encoding).toBe("utf-8");
    expect(orders).toBe(6919);
    expect(ids.size).toBe(6919); // the 19 identical purchase pairs stay distinct orders
    expect(customers.size).toBe(2357);
    expect(cents).toBe(24_409_194);
    expect(first).toBe("0001 1997-01-01T00:00:00.000Z 2933 USD");
  });

  it("derives the same order ids on a second read (idempotent re-import)", async () => {
    const ids = async () => {
      const reader = await readCdnow(createReadStream(file));
      const mapped = autoMap("orders", reader.columns, { overrides: CDNOW_PRESET.overrides });
      if (!mapped.ok) throw new Error("mapping");
      const convert = createRowConverter(mapped.mapping, { timeZone: "UTC", currency: "USD" });
      const out: string[] = [];
      for (const row of await collectRows(reader)) {
        const r = convert.convert(row);
        if (r.ok) out.push(r.row.externalId);
      }
      return out;
    };
    expect(await ids()).toEqual(await ids());
  });
});
