import type { CsvCell } from "../intake/csv.ts";
import type {
  Change,
  ComponentFigure,
  ComponentKey,
  GapRow,
  Proportion,
  SpeedometerReport,
  TrendPoint,
} from "./speedometer-api.ts";
import { componentKeys } from "./speedometer-api.ts";

/** Pure helpers of the speedometer page: the parts a hover explains and the rows the CSV files hold. */

/** A share 0–1 as a percentage with one decimal, or null (not enough data). */
export const percent = (share: number | null): number | null =>
  share === null ? null : Math.round(share * 1000) / 10;

/** A 0–100 (or −100…100) score with one decimal. */
export const oneDecimal = (v: number | null): number | null => (v === null ? null : Math.round(v * 10) / 10);

/**
 * The CCI's own numerator and denominator: Σ wₖ·pₖ and Σ wₖ over the components with enough data
 * (DOMAIN.md: CCI = 100 × weighted mean, weights renormalised over the components present).
 */
export function cciParts(
  components: readonly Pick<ComponentFigure, "key" | "value" | "enough">[],
  weights: Partial<Record<ComponentKey, number>>,
): { weighted: number; weights: number; used: ComponentKey[] } {
  let weighted = 0;
  let sum = 0;
  const used: ComponentKey[] = [];
  for (const c of components) {
    const w = weights[c.key] ?? 0;
    if (!c.enough || c.value === null || w <= 0) continue;
    weighted += w * c.value;
    sum += w;
    used.push(c.key);
  }
  return { weighted, weights: sum, used };
}

/** The say–do gap's rows in the order of the CCI ranking (rows without a CCI last), ties by name. */
export function gapOrder(rows: readonly GapRow[]): GapRow[] {
  const rank = (r: number | null) => (r === null ? Number.POSITIVE_INFINITY : r);
  return [...rows].sort((a, b) => rank(a.cciRank) - rank(b.cciRank) || a.label.localeCompare(b.label));
}

/** Months from `first` to `last` inclusive ("YYYY-MM"), newest first, for the period pickers. */
export function monthsBetween(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = last.split("-").map(Number) as [number, number];
  const [fy, fm] = first.split("-").map(Number) as [number, number];
  while (y > fy || (y === fy && m >= fm)) {
    out.push(`${y}-${String(m).padStart(2, "0")}`);
    m -= 1;
    if (m === 0) {
      m = 12;
      y -= 1;
    }
    if (out.length > 600) break;
  }
  return out;
}

/** A significant change on the trend: the month's figure moved and the test says so at 95%. */
export const isSignificant = (change: Change): boolean => change === "up" || change === "down";

/** The months of the trend where something changed significantly, per series. */
export function significantMonths(
  trend: readonly TrendPoint[],
  series: "cci" | "nps" | ComponentKey,
): { month: string; change: "up" | "down" }[] {
  const out: { month: string; change: "up" | "down" }[] = [];
  for (const p of trend) {
    const c = series === "cci" ? p.cci.change : series === "nps" ? p.nps.change : p.components[series].change;
    if (c === "up" || c === "down") out.push({ month: p.month, change: c });
  }
  return out;
}

export const componentsCsvHeader = [
  "measure",
  "value",
  "lower_95",
  "upper_95",
  "numerator",
  "denominator",
  "n",
  "enough_data",
  "weight",
  "previous_value",
  "change",
  "p_value",
] as const;

const proportionCells = (p: Proportion): CsvCell[] => [
  percent(p.value),
  percent(p.lower),
  percent(p.upper),
  p.numerator,
  p.denominator,
  p.n,
  p.enough,
];

/**
 * The figures table as CSV rows: the CCI, the five components and the stated scores, in percent
 * (NPS in points, CES on its 1–7 scale); revenue numerators and denominators in minor units.
 */
export function componentsCsvRows(r: SpeedometerReport): CsvCell[][] {
  const { cci, stated } = r;
  const parts = cciParts(r.components, cci.weightsUsed);
  const rows: CsvCell[][] = [
    [
      "cci",
      oneDecimal(cci.value),
      oneDecimal(cci.lower),
      oneDecimal(cci.upper),
      cci.enough ? Math.round(parts.weighted * 1e6) / 1e6 : null,
      cci.enough ? Math.round(parts.weights * 1e6) / 1e6 : null,
      null,
      cci.enough,
      1,
      oneDecimal(cci.previous.value),
      cci.change,
      cci.pValue,
    ],
  ];
  for (const c of r.components) {
    rows.push([c.key, ...proportionCells(c), c.weight, percent(c.previous.value), c.change, c.pValue]);
  }
  const nps = stated.nps;
  rows.push([
    "nps",
    oneDecimal(nps.value),
    oneDecimal(nps.lower),
    oneDecimal(nps.upper),
    nps.promoters - nps.detractors,
    nps.n,
    nps.n,
    nps.enough,
    null,
    oneDecimal(nps.previous.value),
    nps.change,
    nps.pValue,
  ]);
  const csat = stated.csat;
  rows.push(["csat", ...proportionCells(csat), null, percent(csat.previous.value), csat.change, csat.pValue]);
  const ces = stated.ces;
  rows.push([
    "ces",
    ces.value === null ? null : Math.round(ces.value * 100) / 100,
    ces.lower === null ? null : Math.round(ces.lower * 100) / 100,
    ces.upper === null ? null : Math.round(ces.upper * 100) / 100,
    ces.sum,
    ces.n,
    ces.n,
    ces.enough,
    null,
    ces.previous.value === null ? null : Math.round(ces.previous.value * 100) / 100,
    ces.change,
    ces.pValue,
  ]);
  return rows;
}

export const gapCsvHeader = [
  "dimension",
  "value",
  "name",
  "cci",
  "cci_lower_95",
  "cci_upper_95",
  "cci_rank",
  "nps",
  "nps_lower_95",
  "nps_upper_95",
  "nps_n",
  "nps_rank",
  "disagree",
] as const;

export function gapCsvRows(r: SpeedometerReport): CsvCell[][] {
  return gapOrder(r.gap.rows).map((g) => [
    r.gap.by,
    g.value,
    g.label,
    oneDecimal(g.cci.value),
    oneDecimal(g.cci.lower),
    oneDecimal(g.cci.upper),
    g.cciRank,
    oneDecimal(g.nps.value),
    oneDecimal(g.nps.lower),
    oneDecimal(g.nps.upper),
    g.nps.n,
    g.npsRank,
    g.disagree,
  ]);
}

export const trendCsvHeader = [
  "month",
  "partial",
  "cci",
  "cci_lower_95",
  "cci_upper_95",
  "cci_change",
  ...componentKeys.flatMap((k) => [k, `${k}_n`, `${k}_change`]),
  "nps",
  "nps_n",
  "nps_change",
] as const;

export function trendCsvRows(r: SpeedometerReport): CsvCell[][] {
  return r.trend.map((p) => [
    p.month,
    p.partial,
    oneDecimal(p.cci.value),
    oneDecimal(p.cci.lower),
    oneDecimal(p.cci.upper),
    p.cci.change,
    ...componentKeys.flatMap((k) => [
      percent(p.components[k].value),
      p.components[k].n,
      p.components[k].change,
    ]),
    oneDecimal(p.nps.value),
    p.nps.n,
    p.nps.change,
  ]);
}
