import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runMoneyCommand } from "../../cli/money-command.ts";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { sharedDataFile } from "../../platform/testing/shared-data.ts";
import { CDNOW_CALIBRATION_END, CDNOW_HOLDOUT_END, loadCdnowTransactions } from "./cdnow-fixture.ts";
import { holdoutCheck } from "./holdout.ts";
import type { FitView } from "./schemas.ts";
import { fitWorkspace } from "./service.ts";
import { loadCdnow } from "./test-fixture.ts";

/** CLVTools' optimum on the exact CDNOW calibration data (../shared/data/cdnow/SOURCE.md). */
const BGNBD = { r: 0.2425945, alpha: 4.4136019, a: 0.7929199, b: 2.4258881 };

function expectBgNbd(params: FitView["purchase"]["params"]) {
  const byName = Object.fromEntries(params.map((p) => [p.name, p.estimate]));
  for (const [k, v] of Object.entries(BGNBD)) expect(Math.abs((byName[k] as number) - v)).toBeLessThan(0.001);
}

describe("fitWorkspace on CDNOW loaded into PostgreSQL", () => {
  let t: TestDatabase;
  let ws: number;

  beforeAll(async () => {
    t = await createTestDatabase();
    ws = await loadCdnow(t.pool, "cdnow");
  });
  afterAll(async () => {
    await t.drop();
  });

  it("as of 1997-09-30 (weeks): the published BG/NBD parameters, 2,357 customers valued", async () => {
    const r = await fitWorkspace(t.pool, ws, { asOf: "1997-09-30" });
    expectBgNbd(r.fit.purchase.params);
    expect(r.fit.purchase.logLik).toBeCloseTo(-9582.43, 1);
    expect(r.fit.calibrationEnd).toBe("1997-09-30");
    expect(r.fit.customers).toBe(2357);
    expect(r.fit.repeatCustomers).toBe(946);
    // Gamma-Gamma on cents: the same shape parameters as in dollars, γ a hundred times larger.
    const gg = Object.fromEntries(r.fit.spend.params.map((p) => [p.name, p.estimate]));
    expect(r.fit.spend.model).toBe("gamma-gamma");
    expect(gg.p).toBeCloseTo(6.25, 1);
    expect((gg.gamma as number) / 100).toBeCloseTo(15.44, 0);
    expect(r.fit.alive.model).toBe("pareto-nbd");
    const n = await t.pool.query(
      "SELECT count(*)::int AS n, sum(clv) AS clv FROM customer_value WHERE workspace_id = $1",
      [ws],
    );
    expect(n.rows[0].n).toBe(2357);
    expect(r.figures.totals.clv).toBe(n.rows[0].clv);
    // The default holdout: the last quarter of 1997-01-01..1997-09-30.
    expect(r.fit.holdout?.cutoff).toBe("1997-07-24");
  });

  it("holdout to 1998-06-30 with the cut-off at 1997-09-30 reproduces holdoutCheck on the raw file", async () => {
    const r = await fitWorkspace(t.pool, ws, { asOf: "1998-06-30", holdoutCutoff: "1997-09-30" });
    const h = r.fit.holdout;
    if (!h) throw new Error("no holdout");
    expectBgNbd(h.params);
    const want = holdoutCheck(loadCdnowTransactions(), {
      calibrationEnd: CDNOW_CALIBRATION_END,
      holdoutEnd: CDNOW_HOLDOUT_END,
    });
    expect(h.totalActual).toBe(1882);
    expect(h.customers).toBe(2357);
    expect(h.meanAbsoluteError).toBeCloseTo(want.meanAbsoluteError, 9);
    expect(h.totalPredicted).toBeCloseTo(want.totalPredicted, 6);
    expect(r.fit.tracking.length).toBe(78);
    expect(r.fit.tracking.at(-1)?.actual).toBe(2457 + 1882);
    expect(r.fit.tracking.at(-1)?.predicted).toBeCloseTo(want.tracking.at(-1)?.predicted as number, 6);
  });
});

describe("storona money fit / clv", () => {
  const csv = sharedDataFile("cdnow/cdnow_customers_summary.csv");

  async function capture(run: () => Promise<void>): Promise<string> {
    const lines: string[] = [];
    const spy = vi.spyOn(console, "log").mockImplementation((l: string) => {
      lines.push(l);
    });
    try {
      await run();
    } finally {
      spy.mockRestore();
    }
    return lines.join("\n");
  }

  it("fit --in cdnow_customers_summary.csv --model bgnbd --json prints the published parameters", async () => {
    const noDb = async () => {
      throw new Error("fit needs no database");
    };
    const out = JSON.parse(
      await capture(() => runMoneyCommand(["fit", "--in", csv, "--model", "bgnbd", "--json"], noDb)),
    );
    for (const [k, v] of Object.entries(BGNBD)) expect(Math.abs(out.params[k] - v)).toBeLessThan(0.001);
    expect(out.standardErrors.alpha).toBeCloseTo(0.378, 2);
    expect(out.logLik).toBeCloseTo(-9582.4, 1);
    const text = await capture(() => runMoneyCommand(["fit", "--in", csv, "--model", "pareto"], noDb));
    expect(text).toMatch(/pareto: 2357 customers/);
    expect(text).toMatch(/beta/);
  });

  it("clv --workspace <slug> --as-of --json fits and prints every customer", async () => {
    const t = await createTestDatabase();
    try {
      await loadCdnow(t.pool, "cdnow-cli");
      const text = await capture(() =>
        runMoneyCommand(
          ["clv", "--workspace", "cdnow-cli", "--as-of", "1997-09-30", "--json"],
          async () => t.pool,
        ),
      );
      const out = JSON.parse(text);
      expect(out.workspace.slug).toBe("cdnow-cli");
      expect(out.fit.calibrationEnd).toBe("1997-09-30");
      expect(out.customers.length).toBe(2357);
      expect(out.customers[0]).toMatchObject({ externalId: "1", repeatPurchases: 2 });
      expect(out.customers[0].clv).toBeGreaterThan(0);
      // Customer 1's expected spend per purchase: Hardie's Gamma-Gamma sheet says $24.65.
      expect(out.customers[0].expectedSpend / 100).toBeCloseTo(24.65, 1);
      const table = await capture(() =>
        runMoneyCommand(["clv", "--workspace", "cdnow-cli"], async () => t.pool),
      );
      expect(table).toMatch(/^Workspace 'cdnow-cli': 2357 customers, CLV [\d.]+ USD over 12 months/);
      expect(table).toMatch(/and 2307 more customers/);
    } finally {
      await t.drop();
    }
  });
});
