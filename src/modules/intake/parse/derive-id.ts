import { hash } from "node:crypto";

/**
 * An external id for a row whose file has none, from the row's parsed content (not its text: "1 234,50"
 * and "1234.5" give the same id). Same row ⇒ same id ⇒ re-importing the file changes nothing.
 * 132 bits of SHA-256: no collision in any realistic number of rows.
 */
export const deriveId = (entity: string, parts: readonly (string | number | null)[]): string =>
  `h:${hash("sha256", `${entity}\u001f${parts.map((p) => p ?? "").join("\u001f")}`, "base64url").slice(0, 22)}`;

/**
 * Identical rows are real (two equal purchases on one day: CDNOW has 19 such pairs), so the n-th copy of a
 * content gets "~n". Counting remembers the last `window` distinct contents only, which keeps memory
 * bounded on 5 M rows: copies further apart than that collapse into one (as a resent row would).
 */
export class OccurrenceCounter {
  private readonly seen = new Map<string, number>();
  private readonly window: number;

  constructor(window = 100_000) {
    this.window = window;
  }

  /** 1 for the first time this id is seen, 2 for the second, … */
  next(id: string): number {
    const count = (this.seen.get(id) ?? 0) + 1;
    this.seen.set(id, count);
    if (this.seen.size > this.window) {
      const oldest = this.seen.keys().next().value;
      if (oldest !== undefined) this.seen.delete(oldest);
    }
    return count;
  }

  /** The id for this occurrence: the first keeps the plain id. */
  idFor(id: string): string {
    const n = this.next(id);
    return n === 1 ? id : `${id}~${n}`;
  }
}
