/**
 * Money models at scale: generate customers from known BG/NBD + Gamma-Gamma parameters (seeded), then
 * fit both and report time, peak memory and the recovered parameters. The reference in the same run is
 * one plain pass of the BG/NBD log-likelihood over every customer (no compression), so the fit time also
 * reads as "this many likelihood passes" on whatever machine runs it.
 *
 * Run alone: npx tsx bench/money.ts [customers]
 */
import { pathToFileURL } from "node:url";
import {
  type BgNbdParams,
  bgnbdLogLikFunction,
  compressRfm,
  fitBgNbd,
  fitGammaGamma,
  type GammaGammaParams,
  spendRows,
  uncompressedRows,
} from "../src/modules/money/index.ts";
import { createRandom } from "../src/platform/stats/random.ts";

export type MoneyBenchResult = {
  customers: number;
  uniqueRfmRows: number;
  uniqueSpendRows: number;
  generateMs: number;
  fitMs: number;
  /** CPU time of the fit (user + system): the figure to compare on a busy machine. */
  fitCpuMs: number;
  bgnbdFitMs: number;
  gammaGammaFitMs: number;
  /** One BG/NBD log-likelihood pass over all customers, uncompressed. */
  logLikPassMs: number;
  fitInLogLikPasses: number;
  peakRssMb: number;
  truth: { bgnbd: BgNbdParams; gammaGamma: GammaGammaParams };
  recovered: { bgnbd: BgNbdParams; gammaGamma: GammaGammaParams };
};

const TRUTH_BG: BgNbdParams = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const TRUTH_GG: GammaGammaParams = { p: 6.25, q: 3.74, gamma: 15.44 };

/**
 * Customers join uniformly over a year and are observed to the end of the second year. Purchase times
 * follow the model in continuous time and are recorded to the nearest day (as a shop's data would be),
 * then expressed in weeks; whole days are what lets a million customers compress into far fewer rows.
 * Spend is in cents: the mean of x gamma(p, ν) draws is gamma(px, xν), drawn once.
 */
export function generateCustomers(n: number, seed: number) {
  const rng = createRandom(seed);
  const x = new Float64Array(n);
  const tx = new Float64Array(n);
  const T = new Float64Array(n);
  const zbar = new Float64Array(n);
  const end = 730;
  for (let i = 0; i < n; i++) {
    const tDays = end - rng.int(365);
    const lambda = rng.gamma(TRUTH_BG.r, TRUTH_BG.alpha) / 7; // per day
    const p = rng.beta(TRUTH_BG.a, TRUTH_BG.b);
    let t = 0;
    let last = 0;
    let count = 0;
    for (;;) {
      t += rng.exponential(lambda);
      if (t > tDays) break;
      count++;
      last = t;
      if (rng.uniform() < p) break;
    }
    x[i] = count;
    tx[i] = Math.min(tDays, Math.round(last)) / 7;
    T[i] = tDays / 7;
    if (count > 0) {
      const nu = rng.gamma(TRUTH_GG.q, TRUTH_GG.gamma);
      zbar[i] = Math.max(1, Math.round(100 * rng.gamma(TRUTH_GG.p * count, nu * count))) / 100;
    }
  }
  return { x, tx, T, zbar };
}

export function runMoneyBench(
  options: { customers?: number; seed?: number; log?: (line: string) => void } = {},
) {
  const n = options.customers ?? 1_000_000;
  const log = options.log ?? console.log;
  const t0 = performance.now();
  const data = generateCustomers(n, options.seed ?? 20240601);
  const t1 = performance.now();

  const cpuStart = process.cpuUsage();
  const fitStart = performance.now();
  const { rows } = compressRfm(data);
  const bg = fitBgNbd(rows);
  const t2 = performance.now();
  const spend = spendRows(data.x, data.zbar);
  const gg = fitGammaGamma(spend);
  const t3 = performance.now();
  const cpu = process.cpuUsage(cpuStart);

  const plain = bgnbdLogLikFunction(uncompressedRows(data.x, data.tx, data.T));
  plain(bg.params); // warm-up so the pass is timed as compiled code
  const passes = 3;
  const p0 = performance.now();
  for (let k = 0; k < passes; k++) plain(bg.params);
  const logLikPassMs = (performance.now() - p0) / passes;

  const result: MoneyBenchResult = {
    customers: n,
    uniqueRfmRows: rows.x.length,
    uniqueSpendRows: spend.x.length,
    generateMs: t1 - t0,
    fitMs: t3 - fitStart,
    fitCpuMs: (cpu.user + cpu.system) / 1000,
    bgnbdFitMs: t2 - fitStart,
    gammaGammaFitMs: t3 - t2,
    logLikPassMs,
    fitInLogLikPasses: (t3 - fitStart) / logLikPassMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    truth: { bgnbd: TRUTH_BG, gammaGamma: TRUTH_GG },
    recovered: { bgnbd: bg.params, gammaGamma: gg.params },
  };
  const f = (v: number) => v.toFixed(4);
  log(
    `money: ${n} customers → ${rows.x.length} unique (x, t_x, T) rows, ${spend.x.length} unique (x, z̄) rows`,
  );
  log(
    `  generate ${result.generateMs.toFixed(0)} ms; fit BG/NBD ${result.bgnbdFitMs.toFixed(0)} ms + Gamma-Gamma ${result.gammaGammaFitMs.toFixed(0)} ms = ${result.fitMs.toFixed(0)} ms (CPU ${result.fitCpuMs.toFixed(0)} ms)`,
  );
  log(
    `  one uncompressed BG/NBD log-likelihood pass ${logLikPassMs.toFixed(1)} ms → fit = ${result.fitInLogLikPasses.toFixed(1)} passes`,
  );
  log(`  peak RSS ${result.peakRssMb.toFixed(0)} MB`);
  log(
    `  BG/NBD r ${f(bg.params.r)} α ${f(bg.params.alpha)} a ${f(bg.params.a)} b ${f(bg.params.b)} (truth 0.243 4.414 0.793 2.426)`,
  );
  log(
    `  Gamma-Gamma p ${f(gg.params.p)} q ${f(gg.params.q)} γ ${f(gg.params.gamma)} (truth 6.25 3.74 15.44)`,
  );
  return result;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = process.argv[2];
  runMoneyBench({ customers: arg ? Number(arg) : undefined });
}
