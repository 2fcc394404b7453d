/** The k best (row, similarity) pairs seen, kept in a min-heap; ties prefer the lower row. */
export class TopK {
  private readonly rows: Int32Array;
  private readonly sims: Float32Array;
  private size = 0;

  constructor(private readonly k: number) {
    this.rows = new Int32Array(k);
    this.sims = new Float32Array(k);
  }

  reset(): void {
    this.size = 0;
  }

  private worse(a: number, b: number): boolean {
    const sa = this.sims[a]!;
    const sb = this.sims[b]!;
    return sa < sb || (sa === sb && this.rows[a]! > this.rows[b]!);
  }

  private swap(a: number, b: number): void {
    const r = this.rows[a]!;
    const s = this.sims[a]!;
    this.rows[a] = this.rows[b]!;
    this.sims[a] = this.sims[b]!;
    this.rows[b] = r;
    this.sims[b] = s;
  }

  push(row: number, sim: number): void {
    if (this.k === 0) return;
    if (this.size < this.k) {
      this.rows[this.size] = row;
      this.sims[this.size] = sim;
      let at = this.size++;
      while (at > 0) {
        const up = (at - 1) >> 1;
        if (!this.worse(at, up)) break;
        this.swap(at, up);
        at = up;
      }
      return;
    }
    const top = this.sims[0]!;
    if (sim < top || (sim === top && row > this.rows[0]!)) return;
    this.rows[0] = row;
    this.sims[0] = sim;
    let at = 0;
    for (;;) {
      const l = 2 * at + 1;
      const r = l + 1;
      let w = at;
      if (l < this.size && this.worse(l, w)) w = l;
      if (r < this.size && this.worse(r, w)) w = r;
      if (w === at) return;
      this.swap(w, at);
      at = w;
    }
  }

  /** Best first. */
  result(): { row: Int32Array; sim: Float32Array } {
    const order = [...Array(this.size).keys()].sort(
      (a, b) => this.sims[b]! - this.sims[a]! || this.rows[a]! - this.rows[b]!,
    );
    return {
      row: Int32Array.from(order, (i) => this.rows[i]!),
      sim: Float32Array.from(order, (i) => this.sims[i]!),
    };
  }
}
