import { AppError } from "../../platform/errors.ts";
import { referralChance } from "./model.ts";
import { PROBLEMS, type ProblemSpec } from "./problems.ts";
import { deriveSeed, Rng } from "./random.ts";
import { newcomer, simulateCustomer } from "./simulate.ts";
import { DAY } from "./time.ts";
import type {
  DemoBundle,
  DemoCustomer,
  DemoFeedback,
  DemoInitiative,
  DemoLocation,
  DemoOptions,
  DemoOrder,
  DemoRequest,
  DemoWorkspace,
  GroundTruth,
  LocationKey,
} from "./types.ts";
import { demoInitiatives, demoWorkspace, LOCATIONS, type Timeline, timeline } from "./workspace.ts";

/** What `storona demo` and the first start use unless told otherwise (matches the config defaults). */
export const DEFAULT_DEMO_OPTIONS = { seed: 42, customers: 6000 } as const;

export type DemoDataset = {
  options: DemoOptions;
  start: Date;
  end: Date;
  workspace: DemoWorkspace;
  locations: readonly DemoLocation[];
  initiatives: readonly DemoInitiative[];
  /** The planted problems with their names; the key is what ground truth refers to. */
  problems: readonly ProblemSpec[];
  /**
   * Customer after customer with everything that happened to them. Each call starts again from the seed
   * and holds only one customer in memory, so a million customers stream in bounded memory.
   */
  bundles: () => Iterable<DemoBundle>;
  customers: () => Iterable<DemoCustomer>;
  orders: () => Iterable<DemoOrder>;
  requests: () => Iterable<DemoRequest>;
  feedback: () => Iterable<DemoFeedback>;
  /** Which problem each request text and survey comment was written about, for checking the clustering. */
  groundTruth: () => Iterable<GroundTruth>;
};

type PoolEntry = { id: string; home: LocationKey; first: number; last: number };

/**
 * Recent satisfied customers who could have recommended the shop. A ring buffer keeps memory bounded;
 * a referred newcomer gets a friend who was buying around the time they arrived, preferably at the same place.
 */
class ReferrerPool {
  private readonly entries: PoolEntry[] = [];
  private cursor = 0;

  constructor(private readonly capacity: number) {}

  add(entry: PoolEntry): void {
    if (this.entries.length < this.capacity) this.entries.push(entry);
    else this.entries[this.cursor] = entry;
    this.cursor = (this.cursor + 1) % this.capacity;
  }

  find(home: LocationKey, t: number, rng: Rng): string | null {
    if (this.entries.length === 0) return null;
    for (let i = 0; i < 24; i++) {
      const e = rng.pick(this.entries);
      if (e.first < t - DAY && e.last >= t - 60 * DAY && (e.home === home || i >= 12)) return e.id;
    }
    return null;
  }
}

function validate(options: DemoOptions): void {
  if (!Number.isInteger(options.seed))
    throw new AppError("validation", "seed must be an integer", { field: "seed" });
  if (!Number.isInteger(options.customers) || options.customers < 1) {
    throw new AppError("validation", "customers must be a positive integer", { field: "customers" });
  }
  if (!(options.endDate instanceof Date) || Number.isNaN(options.endDate.getTime())) {
    throw new AppError("validation", "endDate must be a valid date", { field: "endDate" });
  }
}

function* streamBundles(options: DemoOptions, tl: Timeline): Generator<DemoBundle> {
  const pool = new ReferrerPool(4096);
  for (let index = 0; index < options.customers; index++) {
    const rng = new Rng(deriveSeed(options.seed, index));
    const who = newcomer(index, rng, tl);
    const referredBy = rng.chance(referralChance(who.home, who.acquiredAt, tl))
      ? pool.find(who.home, who.acquiredAt, rng)
      : null;
    const { bundle, summary } = simulateCustomer(who, referredBy, rng, tl);
    if (summary.advocate) {
      pool.add({
        id: bundle.customer.externalId,
        home: who.home,
        first: summary.firstOrderAt,
        last: summary.lastOrderAt,
      });
    }
    yield bundle;
  }
}

export function generateDemo(options: DemoOptions): DemoDataset {
  validate(options);
  const tl = timeline(options.endDate);
  const bundles = () => streamBundles(options, tl);
  return {
    options,
    start: new Date(tl.start),
    end: new Date(tl.end),
    workspace: demoWorkspace(options),
    locations: LOCATIONS,
    initiatives: demoInitiatives(tl),
    problems: PROBLEMS,
    bundles,
    customers: function* () {
      for (const b of bundles()) yield b.customer;
    },
    orders: function* () {
      for (const b of bundles()) yield* b.orders;
    },
    requests: function* () {
      for (const b of bundles()) yield* b.requests;
    },
    feedback: function* () {
      for (const b of bundles()) yield* b.feedback;
    },
    groundTruth: function* () {
      for (const b of bundles()) {
        for (const r of b.requests) {
          if (r.problem)
            yield { entity: "request", externalId: r.externalId, problem: r.problem, language: r.language };
        }
        for (const f of b.feedback) {
          if (f.problem)
            yield { entity: "feedback", externalId: f.externalId, problem: f.problem, language: f.language };
        }
      }
    },
  };
}
