import type { SpeedometerReport } from "./report.ts";

/** The report as a person reads it in a terminal (the CLI without --json). English, like the rest of the CLI. */

const names: Record<string, string> = {
  repeat: "repeat",
  fullPrice: "full price",
  waitTolerance: "wait tolerance",
  referral: "referral",
  recovery: "recovery",
};
const arrows: Record<string, string> = { up: "▲ up", down: "▼ down", no_change: "= no change", unknown: "" };

const pct = (x: number | null) => (x === null ? "—" : `${(100 * x).toFixed(1)}%`);
const num = (x: number | null, d = 1) => (x === null ? "—" : x.toFixed(d));
const range = (lo: number | null, hi: number | null, f: (x: number | null) => string) =>
  lo === null || hi === null ? "" : `[${f(lo)}–${f(hi)}]`;
const count = (x: number) => Math.round(x).toLocaleString("en-US");

export function speedometerText(r: SpeedometerReport): string {
  const p = r.period;
  const when = p.from === p.to ? p.to : `${p.from}…${p.to}`;
  const scope = r.filter ? `, ${r.filter.dim} ${r.filter.label}` : "";
  const lines: string[] = [];
  lines.push(
    `Speedometer — ${r.workspace.slug} (${r.workspace.timeZone}), ${when}${scope}, compared with ${p.previousFrom === p.previousTo ? p.previousTo : `${p.previousFrom}…${p.previousTo}`}${p.partial ? " (month not over yet)" : ""}`,
  );
  if (r.freshness.needsRebuild)
    lines.push("! The window or time zone changed: run `storona speedometer rebuild`.");
  lines.push("");
  const c = r.cci;
  lines.push(
    `CCI ${c.value === null ? "— not enough data" : `${num(c.value)}  ${range(c.lower, c.upper, (x) => num(x))}`}  ${arrows[c.change]}`.trimEnd(),
  );
  for (const k of r.components) {
    const what =
      k.unit === "revenue"
        ? `${count(k.numerator)} of ${count(k.denominator)} ${r.workspace.currency} minor units, ${count(k.n)} orders`
        : `${count(k.numerator)} of ${count(k.denominator)} ${k.unit}`;
    const value = k.value === null ? "not enough data" : `${pct(k.value)}  ${range(k.lower, k.upper, pct)}`;
    lines.push(`  ${names[k.key]!.padEnd(15)}${value.padEnd(28)}${what}  ${arrows[k.change]}`.trimEnd());
  }
  const s = r.stated;
  lines.push("");
  lines.push(
    `Stated: NPS ${s.nps.value === null ? "—" : num(s.nps.value, 0)} (n=${s.nps.n})  ·  CSAT ${pct(s.csat.value)} (n=${s.csat.n})  ·  CES ${num(s.ces.value, 2)} (n=${s.ces.n})`,
  );
  if (r.gap.rows.length > 0) {
    lines.push("", `Say–do gap by ${r.gap.by}:`);
    for (const g of r.gap.rows) {
      const cci = `CCI ${num(g.cci.value)}${g.cciRank ? ` (#${g.cciRank})` : ""}`;
      const nps = `NPS ${g.nps.value === null ? "—" : num(g.nps.value, 0)}${g.npsRank ? ` (#${g.npsRank})` : ""}`;
      lines.push(
        `  ${g.label.padEnd(24)}${cci.padEnd(18)}${nps.padEnd(16)}${g.disagree ? "disagree" : ""}`.trimEnd(),
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
