/**
 * Seeded pseudo-random numbers for bootstraps, simulations and generated benchmark data. The same seed
 * gives the same stream on every machine, so results and benchmarks are reproducible.
 */

export type Random = {
  /** Uniform on the open interval (0, 1). */
  uniform: () => number;
  /** Integer uniform on 0..n−1. */
  int: (n: number) => number;
  normal: () => number;
  exponential: (rate: number) => number;
  /** Gamma with the given shape and rate (mean shape / rate). */
  gamma: (shape: number, rate: number) => number;
  beta: (a: number, b: number) => number;
};

/** xoshiro128** (Blackman & Vigna) seeded through splitmix32, so nearby seeds give unrelated streams. */
export function createRandom(seed: number): Random {
  let s = seed >>> 0;
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next32 = (): number => {
    const t = b << 9;
    let r = Math.imul(b, 5);
    r = Math.imul((r << 7) | (r >>> 25), 9);
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = (d << 11) | (d >>> 21);
    return r >>> 0;
  };
  const uniform = (): number => (next32() + 0.5) / 4294967296;
  let spare = Number.NaN;
  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const v = spare;
      spare = Number.NaN;
      return v;
    }
    // Marsaglia's polar method: two normals per accepted pair.
    for (;;) {
      const u = 2 * uniform() - 1;
      const v = 2 * uniform() - 1;
      const q = u * u + v * v;
      if (q > 0 && q < 1) {
        const f = Math.sqrt((-2 * Math.log(q)) / q);
        spare = v * f;
        return u * f;
      }
    }
  };
  const gammaUnit = (shape: number): number => {
    if (shape < 1) {
      // Boost to shape + 1 and scale back by U^(1/shape) (Marsaglia & Tsang 2000, section 6).
      return gammaUnit(shape + 1) * uniform() ** (1 / shape);
    }
    const dd = shape - 1 / 3;
    const cc = 1 / Math.sqrt(9 * dd);
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = normal();
        v = 1 + cc * x;
      } while (v <= 0);
      v = v * v * v;
      const u = uniform();
      if (u < 1 - 0.0331 * x * x * x * x) return dd * v;
      if (Math.log(u) < 0.5 * x * x + dd * (1 - v + Math.log(v))) return dd * v;
    }
  };
  return {
    uniform,
    int: (n) => Math.floor(uniform() * n),
    normal,
    exponential: (rate) => -Math.log(uniform()) / rate,
    gamma: (shape, rate) => gammaUnit(shape) / rate,
    beta: (p, q) => {
      const x = gammaUnit(p);
      return x / (x + gammaUnit(q));
    },
  };
}
