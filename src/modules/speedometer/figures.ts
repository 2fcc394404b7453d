import { type Cci, computeCci } from "./cci.ts";
import { type ChangeCall, cciChange, estimateChange, proportionChange } from "./change.ts";
import { componentsOf } from "./components.ts";
import { denominatorUnit, formulaKey, formulaText } from "./formulas.ts";
import type { Weights } from "./settings.ts";
import { ces, csat, type MeanScore, type Nps, nps } from "./stated.ts";
import { type ComponentKey, componentKeys, type MonthCounts, type Proportion } from "./types.ts";

/** The figures of one period (or one month) next to the period before: what a gauge shows. */

export type Explained = { formulaKey: string; formula: string };
type Compared = { change: ChangeCall["change"]; pValue: number | null };

export type ComponentFigure = Proportion &
  Explained &
  Compared & {
    key: ComponentKey;
    unit: "customers" | "revenue" | "orders";
    weight: number;
    weightUsed: number | null;
    previous: Proportion;
  };

export type CciFigure = Cci & Explained & Compared & { previous: Cci };
export type NpsFigure = Nps & Explained & Compared & { previous: Nps };
export type CsatFigure = Proportion & Explained & Compared & { previous: Proportion };
export type CesFigure = MeanScore & Explained & Compared & { previous: MeanScore };

export type Figures = {
  cci: CciFigure;
  components: ComponentFigure[];
  stated: { nps: NpsFigure; csat: CsatFigure; ces: CesFigure };
};

const explain = (k: Parameters<typeof formulaKey>[0]): Explained => ({
  formulaKey: formulaKey(k),
  formula: formulaText[k],
});
const compared = (c: ChangeCall): Compared => ({ change: c.change, pValue: c.pValue });

/** SE of an NPS or CES from its interval, for the change test. */
const seOf = (x: { value: number | null; lower: number | null; upper: number | null }) => ({
  value: x.value,
  standardError: x.lower === null || x.upper === null ? null : (x.upper - x.lower) / (2 * 1.959963984540054),
});

export function figures(current: MonthCounts, previous: MonthCounts, weights: Weights): Figures {
  const comps = componentsOf(current);
  const prevComps = componentsOf(previous);
  const cci = computeCci(comps, weights);
  const prevCci = computeCci(prevComps, weights);
  const components = componentKeys.map(
    (key): ComponentFigure => ({
      key,
      ...comps[key],
      ...explain(key),
      ...compared(proportionChange(comps[key], prevComps[key])),
      unit: denominatorUnit[key],
      weight: weights[key],
      weightUsed: cci.weightsUsed[key] ?? null,
      previous: prevComps[key],
    }),
  );
  const n = nps(current);
  const pn = nps(previous);
  const cs = csat(current);
  const pcs = csat(previous);
  const ce = ces(current);
  const pce = ces(previous);
  return {
    cci: { ...cci, ...explain("cci"), ...compared(cciChange(cci, prevCci)), previous: prevCci },
    components,
    stated: {
      nps: { ...n, ...explain("nps"), ...compared(estimateChange(seOf(n), seOf(pn))), previous: pn },
      csat: { ...cs, ...explain("csat"), ...compared(proportionChange(cs, pcs)), previous: pcs },
      ces: { ...ce, ...explain("ces"), ...compared(estimateChange(seOf(ce), seOf(pce))), previous: pce },
    },
  };
}

/** One month of a trend line, compared with the month before. */
export type TrendPoint = {
  month: string;
  partial: boolean;
  cci: { value: number | null; lower: number | null; upper: number | null; enough: boolean } & Compared;
  components: Record<ComponentKey, Proportion & Compared>;
  nps: {
    value: number | null;
    lower: number | null;
    upper: number | null;
    n: number;
    enough: boolean;
  } & Compared;
};

type MonthFigures = { comps: Record<ComponentKey, Proportion>; cci: Cci; nps: Nps };

const monthFigures = (c: MonthCounts, weights: Weights): MonthFigures => {
  const comps = componentsOf(c);
  return { comps, cci: computeCci(comps, weights), nps: nps(c) };
};

/**
 * A trend: each month's figures, each compared with the month before (so `months` holds one month more
 * than the trend shows, in front). Each month is computed once.
 */
export function trend(
  months: ReadonlyArray<{ month: string; partial: boolean; counts: MonthCounts }>,
  weights: Weights,
): TrendPoint[] {
  const f = months.map((m) => monthFigures(m.counts, weights));
  const out: TrendPoint[] = [];
  for (let i = 1; i < months.length; i++) {
    const cur = f[i]!;
    const prev = f[i - 1]!;
    const components = {} as Record<ComponentKey, Proportion & Compared>;
    for (const k of componentKeys)
      components[k] = { ...cur.comps[k], ...compared(proportionChange(cur.comps[k], prev.comps[k])) };
    const { value, lower, upper, enough } = cur.cci;
    const n = cur.nps;
    out.push({
      month: months[i]!.month,
      partial: months[i]!.partial,
      cci: { value, lower, upper, enough, ...compared(cciChange(cur.cci, prev.cci)) },
      components,
      nps: {
        value: n.value,
        lower: n.lower,
        upper: n.upper,
        n: n.n,
        enough: n.enough,
        ...compared(estimateChange(seOf(n), seOf(prev.nps))),
      },
    });
  }
  return out;
}
