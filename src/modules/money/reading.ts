/**
 * The plain-language reading of the money page: message keys with typed numbers, so the web app words
 * each line in the user's language and formats money, shares and dates with Intl. The rules decide what
 * is worth saying and how sure we may be; the words live in the web app's i18n files (money.reading.*).
 */
import type { FitView, MoneyFigures, ReadingLine } from "./schemas.ts";

type Format = ReadingLine["params"][string]["format"];
type Tone = ReadingLine["tone"];

const line = (
  key: string,
  tone: Tone,
  params: Record<string, [number | string, Format]> = {},
): ReadingLine => ({
  key: `money.reading.${key}`,
  tone,
  params: Object.fromEntries(Object.entries(params).map(([k, [value, format]]) => [k, { value, format }])),
});

/** Repeat buyers below this make every parameter shaky; the reading says so first. */
const THIN_REPEAT_CUSTOMERS = 100;
/** Total holdout error (as a share of actual purchases) for "good" and for "fair". */
const GOOD_ERROR = 0.1;
const FAIR_ERROR = 0.25;
/** A parameter whose standard error exceeds half its value is reported as uncertain. */
const UNCERTAIN_RELATIVE_SE = 0.5;

export function moneyReading(fit: FitView | null, figures: MoneyFigures | null): ReadingLine[] {
  if (!fit || !figures) return [line("noFit", "neutral")];
  const out: ReadingLine[] = [];
  if (fit.stale) out.push(line("stale", "warning"));
  if (fit.repeatCustomers < THIN_REPEAT_CUSTOMERS) {
    out.push(
      line("thinData", "warning", {
        customers: [fit.customers, "count"],
        repeatCustomers: [fit.repeatCustomers, "count"],
      }),
    );
  }
  if (fit.otherCurrencies.length > 0) {
    out.push(
      line("otherCurrencies", "warning", {
        orders: [fit.otherCurrencies.reduce((n, c) => n + c.orders, 0), "count"],
        currencies: [fit.otherCurrencies.map((c) => c.currency).join(", "), "text"],
      }),
    );
  }
  const t = figures.totals;
  out.push(
    line("value", "neutral", {
      customers: [t.customers, "count"],
      clv: [t.clv, "money"],
      months: [fit.settings.horizonMonths, "count"],
      margin: [fit.settings.margin, "percent"],
      likelyActive: [t.likelyActive, "count"],
    }),
  );
  if (figures.distribution.top20Share !== null) {
    out.push(line("concentration", "neutral", { share: [figures.distribution.top20Share, "percent"] }));
  }
  const risk = figures.atRisk;
  if (risk.customers > 0) {
    const reasons = Object.fromEntries(risk.byReason.map((r) => [r.reason, r.customers]));
    out.push(
      line("atRisk", "warning", {
        amount: [risk.amount, "money"],
        customers: [risk.customers, "count"],
        share: [risk.share ?? 0, "percent"],
        complaints: [reasons.unresolved_complaint ?? 0, "count"],
        detractors: [reasons.detractor ?? 0, "count"],
        dropped: [reasons.alive_dropped ?? 0, "count"],
      }),
    );
  } else {
    out.push(line("noRisk", "good"));
  }
  out.push(satisfactionLine("nps", figures.satisfaction.nps.promotersVsDetractors, figures));
  const c = figures.satisfaction.complaints;
  // Fast vs slow compares customers who were both helped; open complaints are recent by nature, so
  // their customers bought recently and look valuable for that reason alone (seen in the demo data).
  const complaintDiff = c.fastVsSlow.enough ? c.fastVsSlow : c.fastVsUnresolved;
  out.push(satisfactionLine("complaints", complaintDiff, figures));
  out.push(...modelLines(fit));
  return out;
}

/** Does the satisfied group carry more value? Only claimed when the 95% interval excludes zero. */
function satisfactionLine(
  topic: "nps" | "complaints",
  d: MoneyFigures["satisfaction"]["nps"]["promotersVsDetractors"],
  figures: MoneyFigures,
): ReadingLine {
  const groups = topic === "nps" ? figures.satisfaction.nps.groups : figures.satisfaction.complaints.groups;
  const of = groups.find((g) => g.group === d.of);
  const versus = groups.find((g) => g.group === d.versus);
  const counts = {
    of: [d.of, "text"] as [string, Format],
    versus: [d.versus, "text"] as [string, Format],
    ofCustomers: [of?.customers ?? 0, "count"] as [number, Format],
    versusCustomers: [versus?.customers ?? 0, "count"] as [number, Format],
  };
  if (!d.enough || !d.clv || of?.clv.mean == null || versus?.clv.mean == null) {
    return line(`${topic}.notEnough`, "neutral", counts);
  }
  const params = {
    ...counts,
    ofMean: [of.clv.mean, "money"] as [number, Format],
    versusMean: [versus.clv.mean, "money"] as [number, Format],
    difference: [d.clv.estimate, "money"] as [number, Format],
    lower: [d.clv.lower, "money"] as [number, Format],
    upper: [d.clv.upper, "money"] as [number, Format],
    ratio: [versus.clv.mean > 0 ? of.clv.mean / versus.clv.mean : 0, "decimal"] as [number, Format],
  };
  if (d.clv.lower > 0) return line(`${topic}.pays`, "good", params);
  if (d.clv.upper < 0) return line(`${topic}.reversed`, "warning", params);
  return line(`${topic}.noDifference`, "neutral", params);
}

function modelLines(fit: FitView): ReadingLine[] {
  const out: ReadingLine[] = [];
  const h = fit.holdout;
  if (h) {
    const error = h.totalActual > 0 ? (h.totalPredicted - h.totalActual) / h.totalActual : 0;
    const beatsNaive = h.meanAbsoluteError < h.naiveMeanAbsoluteError;
    const size = Math.abs(error);
    const tone: Tone = size <= GOOD_ERROR && beatsNaive ? "good" : size <= FAIR_ERROR ? "neutral" : "warning";
    const quality = tone === "good" ? "good" : tone === "neutral" ? "fair" : "poor";
    out.push(
      line(`holdout.${quality}`, tone, {
        weeks: [Math.round(h.weeks), "count"],
        cutoff: [h.cutoff, "date"],
        predicted: [h.totalPredicted, "decimal"],
        actual: [h.totalActual, "count"],
        error: [error, "percent"],
        mae: [h.meanAbsoluteError, "decimal"],
        naiveMae: [h.naiveMeanAbsoluteError, "decimal"],
      }),
    );
    if (!beatsNaive) out.push(line("holdout.naiveBetter", "warning"));
  } else {
    out.push(line(`holdoutSkipped.${fit.holdoutSkipped ?? "too_short"}`, "neutral"));
  }
  if (fit.spend.fallbackReason) {
    out.push(
      line(`spendFallback.${fit.spend.fallbackReason}`, "warning", {
        customers: [fit.spend.customers, "count"],
        correlation: [fit.spend.correlation ?? 0, "decimal"],
        meanSpend: [fit.spend.meanSpend ?? 0, "money"],
      }),
    );
  }
  if (fit.alive.fallbackReason) out.push(line(`aliveFallback.${fit.alive.fallbackReason}`, "warning"));
  if (fit.alive.boundary) out.push(line("aliveHomogeneous", "neutral"));
  const uncertain = [...fit.purchase.params, ...fit.spend.params]
    .filter((p) => p.standardError === null || p.standardError > UNCERTAIN_RELATIVE_SE * p.estimate)
    .map((p) => p.name);
  if (uncertain.length > 0)
    out.push(line("uncertainParams", "warning", { names: [uncertain.join(", "), "text"] }));
  return out;
}
