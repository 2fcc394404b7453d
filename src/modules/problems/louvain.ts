import { createRandom } from "../../platform/stats/random.ts";
import type { Graph } from "./knn.ts";

/**
 * Communities of a weighted graph by modularity (Newman & Girvan 2004), found with the Louvain method
 * (Blondel et al. 2008): move single nodes to the neighbouring community that raises modularity most,
 * until none moves; collapse communities into nodes; repeat. Modularity compares the weight inside
 * communities with what the same degrees would give at random, so the number of communities is not an
 * input: it is where joining two more groups stops paying. The node order is shuffled with `seed`, so a
 * run is reproducible.
 */

export type LouvainResult = {
  readonly community: Int32Array;
  readonly count: number;
  readonly modularity: number;
};

type Level = { n: number; ptr: Int32Array; to: Int32Array; w: Float64Array; self: Float64Array };

export function louvain(g: Graph, seed: number, resolution = 1): LouvainResult {
  let level: Level = { n: g.nodes, ptr: g.ptr, to: g.to, w: g.w, self: new Float64Array(g.nodes) };
  let total = 0;
  for (const x of g.w) total += x; // = 2m: each edge is stored twice
  const node = Int32Array.from({ length: g.nodes }, (_, i) => i); // original node → current level node
  if (total === 0) return singletons(g.nodes);
  const rng = createRandom(seed);
  for (let round = 0; round < 50; round++) {
    const community = moveNodes(level, total, resolution, rng);
    const count = renumber(community);
    if (count === level.n) break;
    for (let i = 0; i < node.length; i++) node[i] = community[node[i]!]!;
    level = aggregate(level, community, count);
  }
  const count = renumber(node);
  return { community: node, count, modularity: modularity(g, node, total, resolution) };
}

function strengthOf(l: Level): Float64Array {
  const k = new Float64Array(l.n);
  for (let i = 0; i < l.n; i++) {
    let s = l.self[i]!;
    for (let p = l.ptr[i]!; p < l.ptr[i + 1]!; p++) s += l.w[p]!;
    k[i] = s;
  }
  return k;
}

function moveNodes(l: Level, total: number, gamma: number, rng: ReturnType<typeof createRandom>): Int32Array {
  const community = Int32Array.from({ length: l.n }, (_, i) => i);
  const k = strengthOf(l);
  const tot = Float64Array.from(k);
  const order = Int32Array.from({ length: l.n }, (_, i) => i);
  for (let i = l.n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  const weightTo = new Float64Array(l.n);
  const seen: number[] = [];
  for (let pass = 0; pass < 100; pass++) {
    let moved = 0;
    for (const i of order) {
      const own = community[i]!;
      seen.length = 0;
      for (let p = l.ptr[i]!; p < l.ptr[i + 1]!; p++) {
        const c = community[l.to[p]!]!;
        if (weightTo[c] === 0) seen.push(c);
        weightTo[c]! += l.w[p]!;
      }
      tot[own]! -= k[i]!;
      // Gain of joining c: w(i, c) − γ k_i tot(c) / 2m (the common factor 1/m dropped).
      let best = own;
      let bestGain = weightTo[own]! - (gamma * k[i]! * tot[own]!) / total;
      for (const c of seen) {
        const gain = weightTo[c]! - (gamma * k[i]! * tot[c]!) / total;
        if (gain > bestGain + 1e-12) {
          best = c;
          bestGain = gain;
        }
      }
      for (const c of seen) weightTo[c] = 0;
      tot[best]! += k[i]!;
      if (best !== own) {
        community[i] = best;
        moved++;
      }
    }
    if (moved === 0) break;
  }
  return community;
}

/** Relabels communities 0..count−1 in order of first appearance; returns count. */
function renumber(c: Int32Array): number {
  const map = new Map<number, number>();
  for (let i = 0; i < c.length; i++) {
    let v = map.get(c[i]!);
    if (v === undefined) {
      v = map.size;
      map.set(c[i]!, v);
    }
    c[i] = v;
  }
  return map.size;
}

function aggregate(l: Level, community: Int32Array, count: number): Level {
  const self = new Float64Array(count);
  const rows = Array.from({ length: count }, () => new Map<number, number>());
  for (let i = 0; i < l.n; i++) {
    const a = community[i]!;
    self[a]! += l.self[i]!;
    for (let p = l.ptr[i]!; p < l.ptr[i + 1]!; p++) {
      const b = community[l.to[p]!]!;
      if (a === b) self[a]! += l.w[p]!;
      else rows[a]!.set(b, (rows[a]!.get(b) ?? 0) + l.w[p]!);
    }
  }
  const ptr = new Int32Array(count + 1);
  rows.forEach((r, a) => {
    ptr[a + 1] = ptr[a]! + r.size;
  });
  const to = new Int32Array(ptr[count]!);
  const w = new Float64Array(ptr[count]!);
  rows.forEach((r, a) => {
    let at = ptr[a]!;
    for (const [b, x] of [...r].sort((u, v) => u[0] - v[0])) {
      to[at] = b;
      w[at++] = x;
    }
  });
  return { n: count, ptr, to, w, self };
}

/** Q = Σ_c [ in_c / 2m − γ (tot_c / 2m)² ], with in_c counting each inner edge in both directions. */
export function modularity(g: Graph, community: Int32Array, total: number, gamma = 1): number {
  const inner = new Map<number, number>();
  const tot = new Map<number, number>();
  for (let i = 0; i < g.nodes; i++) {
    const c = community[i]!;
    for (let p = g.ptr[i]!; p < g.ptr[i + 1]!; p++) {
      tot.set(c, (tot.get(c) ?? 0) + g.w[p]!);
      if (community[g.to[p]!] === c) inner.set(c, (inner.get(c) ?? 0) + g.w[p]!);
    }
  }
  let q = 0;
  for (const [c, t] of tot) q += (inner.get(c) ?? 0) / total - gamma * (t / total) ** 2;
  return q;
}

function singletons(n: number): LouvainResult {
  return { community: Int32Array.from({ length: n }, (_, i) => i), count: n, modularity: 0 };
}
