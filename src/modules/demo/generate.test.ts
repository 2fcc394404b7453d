import { createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_DEMO_OPTIONS, type DemoDataset, generateDemo } from "./generate.ts";
import { CONTACT_CENTRE_HOURS, DAY, isOpen } from "./time.ts";
import type { DemoBundle, DemoOrder, DemoRequest, Lang, ProblemKey } from "./types.ts";

const endDate = new Date("2026-06-01T00:00:00Z");

function digest(ds: DemoDataset): string {
  const hash = createHash("sha256");
  for (const b of ds.bundles()) hash.update(JSON.stringify(b));
  return hash.digest("hex");
}

describe("generateDemo: determinism", () => {
  it("gives byte-identical data for the same seed and end date, different data for another seed", () => {
    const a = digest(generateDemo({ seed: 5, customers: 300, endDate }));
    const b = digest(generateDemo({ seed: 5, customers: 300, endDate }));
    const c = digest(generateDemo({ seed: 6, customers: 300, endDate }));
    const d = digest(generateDemo({ seed: 5, customers: 300, endDate: new Date("2026-07-01T00:00:00Z") }));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(d).not.toBe(a);
  });

  it("streams: the first customer of a million is ready at once", () => {
    const started = Date.now();
    const first = generateDemo({ seed: 1, customers: 1_000_000, endDate })
      .bundles()
      [Symbol.iterator]()
      .next();
    expect(first.done).toBe(false);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("rejects nonsense options with a message naming the field", () => {
    expect(() => generateDemo({ seed: 1.5, customers: 10, endDate })).toThrow(/seed/);
    expect(() => generateDemo({ seed: 1, customers: 0, endDate })).toThrow(/customers/);
    expect(() => generateDemo({ seed: 1, customers: 10, endDate: new Date("nope") })).toThrow(/endDate/);
  });
});

describe("generateDemo: the default workspace", () => {
  const ds = generateDemo({ ...DEFAULT_DEMO_OPTIONS, endDate });
  const bundles: DemoBundle[] = [];
  const orders: DemoOrder[] = [];
  const requests: DemoRequest[] = [];
  const start = ds.start.getTime();
  const end = ds.end.getTime();
  const month = (d: Date) => Math.floor((d.getTime() - start) / (30.4375 * DAY));

  beforeAll(() => {
    for (const b of ds.bundles()) {
      bundles.push(b);
      orders.push(...b.orders);
      requests.push(...b.requests);
    }
  });

  const feedback = () => bundles.flatMap((b) => b.feedback);

  it("is an omnichannel retailer: three stores and an online shop, in hryvnias, in Kyiv", () => {
    expect(ds.locations.map((l) => l.kind).sort()).toEqual(["online", "store", "store", "store"]);
    expect(ds.workspace).toMatchObject({ currency: "UAH", timeZone: "Europe/Kyiv" });
    expect(new Set(orders.map((o) => o.channel))).toEqual(new Set(["store", "online", "phone"]));
  });

  it("has at least 5,000 customers and 40,000 orders spread over 24 months", () => {
    expect(bundles.length).toBeGreaterThanOrEqual(5000);
    expect(orders.length).toBeGreaterThanOrEqual(40_000);
    expect(orders.filter((o) => o.orderedAt.getTime() < start || o.orderedAt.getTime() >= end)).toEqual([]);
    const months = new Set(orders.map((o) => month(o.orderedAt)));
    expect(months.size).toBe(24);
    expect((end - start) / DAY).toBeGreaterThan(729);
  });

  it("has discounts, waits, cancellations, returns and referrals, and longer waits cancel more", () => {
    const share = (xs: DemoOrder[], f: (o: DemoOrder) => boolean) => xs.filter(f).length / xs.length;
    expect(share(orders, (o) => o.amount < o.listAmount)).toBeGreaterThan(0.15);
    expect(share(orders, (o) => o.waitDays > 0)).toBeGreaterThan(0.02);
    expect(share(orders, (o) => o.status === "cancelled")).toBeGreaterThan(0.005);
    expect(share(orders, (o) => o.status === "returned")).toBeGreaterThan(0.01);
    expect(share(orders, (o) => o.referredBy !== null)).toBeGreaterThan(0.005);
    const short = orders.filter((o) => o.waitDays > 0 && o.waitDays <= 4);
    const long = orders.filter((o) => o.waitDays >= 9);
    const cancelled = (o: DemoOrder) => o.status === "cancelled";
    expect(share(long, cancelled)).toBeGreaterThan(share(short, cancelled) + 0.08);
    const odd = orders.filter(
      (o) => !Number.isInteger(o.amount) || !Number.isInteger(o.listAmount) || o.amount > o.listAmount,
    );
    expect(odd).toEqual([]);
  });

  it("ties referrals together: a referred customer's first order names an earlier customer as referrer", () => {
    const seen = new Set<string>();
    let referred = 0;
    for (const b of bundles) {
      if (b.customer.referredBy) {
        referred++;
        expect(seen.has(b.customer.referredBy)).toBe(true);
        expect(b.orders[0]?.referredBy).toBe(b.customer.referredBy);
      }
      seen.add(b.customer.externalId);
    }
    expect(referred).toBeGreaterThan(300);
  });

  it("has at least 4,000 requests in ru, uk and en across every channel", () => {
    expect(requests.length).toBeGreaterThanOrEqual(4000);
    const langs = count(requests.map((r) => r.language));
    for (const lang of ["ru", "uk", "en"] as const)
      expect(langs.get(lang) ?? 0).toBeGreaterThan(requests.length * 0.08);
    const channels = count(requests.map((r) => r.channel));
    for (const c of ["email", "phone", "telegram", "viber", "instagram", "web", "in_person", "whatsapp"]) {
      expect(channels.get(c) ?? 0).toBeGreaterThan(50);
    }
    expect(new Set(requests.map((r) => r.kind))).toEqual(
      new Set(["complaint", "question", "suggestion", "praise"]),
    );
  });

  it("times requests honestly: answers only in working hours for remote channels, on the spot in person", () => {
    const wrong = (r: DemoRequest): string | null => {
      const created = r.createdAt.getTime();
      const first = r.firstResponseAt?.getTime() ?? null;
      const resolved = r.resolvedAt?.getTime() ?? null;
      if (first !== null && first < created) return "answered before written";
      if (first !== null && r.channel === "in_person" && first - created > 5 * 60_000)
        return "slow in person";
      if (first !== null && r.channel !== "in_person" && !isOpen(first, CONTACT_CENTRE_HOURS))
        return "off hours";
      if (resolved !== null && (first === null || resolved < first || resolved >= end))
        return "resolution time";
      if ((resolved !== null) !== (r.status === "resolved" || r.status === "closed")) return "status";
      if ((r.status === "open") !== (first === null)) return "open";
      if ((r.assignee === null) !== (r.status === "open")) return "assignee";
      return null;
    };
    expect(requests.map((r) => [r.externalId, wrong(r)]).filter(([, w]) => w !== null)).toEqual([]);
    const open = requests.filter((r) => r.resolvedAt === null).length;
    expect(open).toBeGreaterThan(10);
    expect(open).toBeLessThan(requests.length * 0.05);
  });

  it("has more demand outside Mon–Fri 9:00–18:00 than a 9-to-6 contact centre can answer", () => {
    const outside = requests.filter((r) => !isOpen(r.createdAt.getTime(), CONTACT_CENTRE_HOURS)).length;
    expect(outside / requests.length).toBeGreaterThan(0.35);
    const remote = requests.filter((r) => r.channel !== "in_person" && r.firstResponseAt);
    const hours = (r: DemoRequest) =>
      ((r.firstResponseAt?.getTime() ?? 0) - r.createdAt.getTime()) / 3_600_000;
    const inside = remote.filter((r) => isOpen(r.createdAt.getTime(), CONTACT_CENTRE_HOURS));
    const after = remote.filter((r) => !isOpen(r.createdAt.getTime(), CONTACT_CENTRE_HOURS));
    expect(median(after.map(hours))).toBeGreaterThan(5 * median(inside.map(hours)));
  });

  it("has at least 2,000 NPS and CSAT answers, many with comments, and some CES", () => {
    const fb = feedback();
    const stated = fb.filter((f) => f.kind === "nps" || f.kind === "csat");
    expect(stated.length).toBeGreaterThanOrEqual(2000);
    expect(fb.filter((f) => f.comment).length).toBeGreaterThan(fb.length * 0.3);
    expect(fb.some((f) => f.kind === "ces")).toBe(true);
    const range = { nps: [0, 10], csat: [1, 5], ces: [1, 7] } as const;
    const odd = fb.filter(
      (f) =>
        f.score < range[f.kind][0] ||
        f.score > range[f.kind][1] ||
        (f.order === null && f.request === null) ||
        f.createdAt.getTime() >= end,
    );
    expect(odd).toEqual([]);
    const nps = fb.filter((f) => f.kind === "nps");
    expect(nps.some((f) => f.score >= 9) && nps.some((f) => f.score <= 6)).toBe(true);
  });

  it("writes about at least 12 problems, each phrased in many different ways in every language", () => {
    expect(ds.problems.length).toBeGreaterThanOrEqual(12);
    const texts = new Map<string, Set<string>>();
    const note = (problem: ProblemKey | null, lang: Lang, text: string | null) => {
      if (!problem || !text) return;
      const key = `${problem}/${lang}`;
      texts.set(key, (texts.get(key) ?? new Set()).add(text));
    };
    for (const r of requests) note(r.problem, r.language, r.text);
    for (const f of feedback()) note(f.problem, f.language, f.comment);
    for (const p of ds.problems) {
      expect(texts.get(`${p.key}/ru`)?.size ?? 0, `${p.key}/ru`).toBeGreaterThanOrEqual(40);
      expect(texts.get(`${p.key}/uk`)?.size ?? 0, `${p.key}/uk`).toBeGreaterThanOrEqual(40);
      // Fewer customers write in English, so a rarer problem has fewer English texts at this size.
      expect(texts.get(`${p.key}/en`)?.size ?? 0, `${p.key}/en`).toBeGreaterThanOrEqual(15);
    }
  });

  it("keeps the problem label out of every text the product reads", () => {
    const keys = ds.problems.map((p) => p.key);
    const leaks = requests.filter(
      (r) =>
        (r.problem !== null) !== (r.kind === "complaint") ||
        keys.some((k) => r.text.includes(k) || r.externalId.includes(k) || (r.subject ?? "").includes(k)) ||
        /\{\w+\}/.test(r.text),
    );
    expect(leaks).toEqual([]);
    const comments = feedback().filter(
      (f) => f.comment && (keys.some((k) => f.comment?.includes(k)) || /\{\w+\}/.test(f.comment)),
    );
    expect(comments).toEqual([]);
  });

  it("grows late deliveries in the last two months, after the courier change", () => {
    const perMonth = monthly(
      requests.filter((r) => r.problem === "late_delivery").map((r) => month(r.createdAt)),
    );
    const earlier = mean(perMonth.slice(0, 22));
    expect(mean(perMonth.slice(22, 24))).toBeGreaterThan(2.5 * earlier);
  });

  it("fades the Khreshchatyk queue after the extra evening cashier", () => {
    const at = ds.initiatives.find((i) => i.externalId === "init-extra-cashier");
    expect(at?.target).toMatchObject({ location: "store-khreshchatyk", problem: "long_queue" });
    const t = at?.startedAt.getTime() ?? 0;
    const queue = requests.filter((r) => r.problem === "long_queue" && r.location === "store-khreshchatyk");
    const before = queue.filter((r) => r.createdAt.getTime() < t).length / ((t - start) / DAY);
    const settled = t + 30 * DAY;
    const after = queue.filter((r) => r.createdAt.getTime() >= settled).length / ((end - settled) / DAY);
    expect(after).toBeLessThan(0.5 * before);
  });

  it("makes Livoberezhna the worse store: more complaints per order, lower NPS, fewer referrals", () => {
    const per = (loc: string) => {
      const os = orders.filter((o) => o.location === loc).length;
      const complaints = requests.filter((r) => r.kind === "complaint" && r.location === loc).length;
      const nps = feedback().filter((f) => f.kind === "nps" && f.location === loc);
      const score =
        (nps.filter((f) => f.score >= 9).length - nps.filter((f) => f.score <= 6).length) / nps.length;
      return { complaintsPerOrder: complaints / os, nps: score };
    };
    const worse = per("store-livoberezhna");
    const good = per("store-obolon");
    expect(worse.complaintsPerOrder).toBeGreaterThan(1.5 * good.complaintsPerOrder);
    expect(worse.nps).toBeLessThan(good.nps - 0.1);
  });

  it("carries signal in behaviour: complaints fixed fast bring customers back more than complaints left open", () => {
    let fixedBack = 0;
    let fixedAll = 0;
    let leftBack = 0;
    let leftAll = 0;
    for (const b of bundles) {
      const c = b.requests.find((r) => r.kind === "complaint" && r.createdAt.getTime() < end - 120 * DAY);
      if (!c) continue;
      const again = b.orders.some((o) => o.orderedAt > c.createdAt);
      const fixedFast =
        c.status === "resolved" && (c.resolvedAt?.getTime() ?? 0) - c.createdAt.getTime() <= 2 * DAY;
      if (fixedFast) {
        fixedAll++;
        if (again) fixedBack++;
      } else if (c.status !== "resolved") {
        leftAll++;
        if (again) leftBack++;
      }
    }
    expect(fixedBack / fixedAll).toBeGreaterThan(leftBack / leftAll + 0.1);
  });
});

function count(xs: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

function monthly(months: readonly number[]): number[] {
  const out = new Array<number>(24).fill(0);
  for (const m of months) if (m >= 0 && m < 24) out[m] = (out[m] ?? 0) + 1;
  return out;
}

function mean(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}
