/** Prints rows as JSON (for scripts) or as an aligned text table (for people). */
export function printTable(rows: Array<Record<string, unknown>>, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  if (rows.length === 0) {
    console.log("(none)");
    return;
  }
  const cols = Object.keys(rows[0]!);
  const cell = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v ?? ""));
  const widths = cols.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (vals: string[]) =>
    vals
      .map((v, i) => v.padEnd(widths[i]!))
      .join("  ")
      .trimEnd();
  console.log(line(cols));
  console.log(line(widths.map((w) => "-".repeat(w))));
  for (const r of rows) console.log(line(cols.map((c) => cell(r[c]))));
}

/** A one-line progress bar on stderr: done/total, rate and ETA. Silent when stderr is not a terminal. */
export function progressBar(label: string) {
  const started = Date.now();
  const tty = process.stderr.isTTY === true;
  let last = 0;
  return {
    update(done: number, total?: number) {
      const now = Date.now();
      if (!tty || now - last < 100) return;
      last = now;
      const secs = (now - started) / 1000;
      const rate = secs > 0 ? done / secs : 0;
      let text = `${label}: ${done.toLocaleString("en")}`;
      if (total && total > 0) {
        const frac = Math.min(1, done / total);
        const bar = "#".repeat(Math.round(frac * 24)).padEnd(24, ".");
        const eta = rate > 0 ? Math.max(0, (total - done) / rate) : 0;
        text = `${label} [${bar}] ${done.toLocaleString("en")}/${total.toLocaleString("en")} ${Math.round(rate).toLocaleString("en")}/s ETA ${eta.toFixed(0)} s`;
      }
      process.stderr.write(`\r${text}\x1b[K`);
    },
    /** A line of its own in place of the bar (a phase without a count, e.g. building indexes). */
    note(text: string) {
      if (tty) process.stderr.write(`\r${label}: ${text}\x1b[K`);
    },
    done() {
      if (tty) process.stderr.write("\r\x1b[K");
    },
  };
}
