import { formatMoney, formatNumber, type Language, type useI18n } from "../../i18n/index.ts";
import type { Explanation } from "./figure-hint.tsx";
import { cciParts } from "./figures.ts";
import type {
  ComponentFigure,
  ComponentKey,
  GapRow,
  MeanScore,
  NpsScore,
  Proportion,
  SpeedometerReport,
  Unit,
} from "./speedometer-api.ts";

type T = ReturnType<typeof useI18n>["t"];

/** Formats the page's figures in the reader's language and words what each one is made of. */
export function makeFormat(t: T, language: Language, currency: string, minSample: number) {
  const pct = (share: number | null) =>
    share === null
      ? "—"
      : formatNumber(share, language, {
          style: "percent",
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        });
  const score = (v: number | null, digits = 1) =>
    v === null
      ? "—"
      : formatNumber(v, language, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  const signed = (v: number | null, digits = 1) =>
    v === null
      ? "—"
      : formatNumber(v, language, {
          minimumFractionDigits: digits,
          maximumFractionDigits: digits,
          signDisplay: "exceptZero",
        });
  const count = (v: number) => formatNumber(Math.round(v), language);
  const amount = (v: number, unit: Unit) =>
    unit === "revenue" ? formatMoney(v, currency, language) : count(v);
  const interval = (lower: number | null, upper: number | null, f: (v: number | null) => string) =>
    lower === null || upper === null
      ? "—"
      : t("speedometerPage.interval", { lower: f(lower), upper: f(upper) });

  const proportionLines = (p: Proportion, unit: Unit) => [
    { label: t("speedometerPage.hint.numerator"), value: amount(p.numerator, unit) },
    { label: t("speedometerPage.hint.denominator"), value: amount(p.denominator, unit) },
    {
      label: t("speedometerPage.hint.n"),
      value: t(`speedometerPage.units.${unit === "revenue" ? "orders" : unit}`, { count: p.n }),
    },
    { label: t("speedometerPage.hint.interval"), value: interval(p.lower, p.upper, pct) },
  ];
  const notEnough = (enough: boolean) =>
    enough
      ? []
      : [
          {
            label: t("speedometerPage.notEnough"),
            value: t("speedometerPage.hint.minimum", { count: minSample }),
          },
        ];

  return {
    pct,
    score,
    signed,
    count,
    interval,
    component(c: Proportion & { key: ComponentKey }, unit: Unit): Explanation {
      return {
        title: t(`speedometerPage.components.${c.key}.name`),
        formula: t(`speedometerPage.formula.${c.key}`),
        lines: [...proportionLines(c, unit), ...notEnough(c.enough)],
      };
    },
    cci(r: SpeedometerReport): Explanation {
      const parts = cciParts(r.components, r.cci.weightsUsed);
      const used = parts.used.map((k) => t(`speedometerPage.components.${k}.name`)).join(", ");
      return {
        title: t("speedometerPage.cci.name"),
        formula: t("speedometerPage.formula.cci"),
        lines: [
          {
            label: t("speedometerPage.hint.numerator"),
            value: r.cci.enough ? `Σ wₖ·pₖ = ${score(parts.weighted, 4)}` : "—",
          },
          {
            label: t("speedometerPage.hint.denominator"),
            value: r.cci.enough ? `Σ wₖ = ${score(parts.weights, 2)}` : "—",
          },
          { label: t("speedometerPage.hint.used"), value: used || "—" },
          {
            label: t("speedometerPage.hint.n"),
            value: r.components
              .map((c) => `${t(`speedometerPage.components.${c.key}.short`)} ${count(c.n)}`)
              .join(" · "),
          },
          { label: t("speedometerPage.hint.interval"), value: interval(r.cci.lower, r.cci.upper, score) },
          ...notEnough(r.cci.enough),
        ],
      };
    },
    nps(n: NpsScore): Explanation {
      return {
        title: t("speedometerPage.stated.nps"),
        formula: t("speedometerPage.formula.nps"),
        lines: [
          { label: t("speedometerPage.hint.promoters"), value: count(n.promoters) },
          { label: t("speedometerPage.hint.detractors"), value: count(n.detractors) },
          {
            label: t("speedometerPage.hint.numerator"),
            value: `${count(n.promoters)} − ${count(n.detractors)} = ${count(n.promoters - n.detractors)}`,
          },
          {
            label: t("speedometerPage.hint.denominator"),
            value: t("speedometerPage.units.answers", { count: n.n }),
          },
          { label: t("speedometerPage.hint.n"), value: count(n.n) },
          { label: t("speedometerPage.hint.interval"), value: interval(n.lower, n.upper, score) },
          ...notEnough(n.enough),
        ],
      };
    },
    csat(p: Proportion): Explanation {
      return {
        title: t("speedometerPage.stated.csat"),
        formula: t("speedometerPage.formula.csat"),
        lines: [
          { label: t("speedometerPage.hint.numerator"), value: count(p.numerator) },
          {
            label: t("speedometerPage.hint.denominator"),
            value: t("speedometerPage.units.answers", { count: p.denominator }),
          },
          { label: t("speedometerPage.hint.n"), value: count(p.n) },
          { label: t("speedometerPage.hint.interval"), value: interval(p.lower, p.upper, pct) },
          ...notEnough(p.enough),
        ],
      };
    },
    ces(m: MeanScore): Explanation {
      return {
        title: t("speedometerPage.stated.ces"),
        formula: t("speedometerPage.formula.ces"),
        lines: [
          { label: t("speedometerPage.hint.numerator"), value: count(m.sum) },
          {
            label: t("speedometerPage.hint.denominator"),
            value: t("speedometerPage.units.answers", { count: m.n }),
          },
          { label: t("speedometerPage.hint.n"), value: count(m.n) },
          {
            label: t("speedometerPage.hint.interval"),
            value: interval(m.lower, m.upper, (v) => score(v, 2)),
          },
          ...notEnough(m.enough),
        ],
      };
    },
    gapCci(g: GapRow): Explanation {
      return {
        title: `${t("speedometerPage.cci.name")} · ${g.label}`,
        formula: t("speedometerPage.formula.cci"),
        lines: [
          { label: t("speedometerPage.hint.interval"), value: interval(g.cci.lower, g.cci.upper, score) },
          { label: t("speedometerPage.gap.cciRank"), value: g.cciRank === null ? "—" : count(g.cciRank) },
          ...notEnough(g.cci.enough),
        ],
      };
    },
    gapNps(g: GapRow): Explanation {
      return {
        title: `${t("speedometerPage.stated.nps")} · ${g.label}`,
        formula: t("speedometerPage.formula.nps"),
        lines: [
          {
            label: t("speedometerPage.hint.n"),
            value: t("speedometerPage.units.answers", { count: g.nps.n }),
          },
          { label: t("speedometerPage.hint.interval"), value: interval(g.nps.lower, g.nps.upper, score) },
          { label: t("speedometerPage.gap.npsRank"), value: g.npsRank === null ? "—" : count(g.npsRank) },
          ...notEnough(g.nps.enough),
        ],
      };
    },
  };
}

export type Format = ReturnType<typeof makeFormat>;
export type { ComponentFigure };
