import type { Messages } from "./messages.ts";

// The money page (features/money). Kept apart from en.ts for its size; en.ts includes it.
export const moneyEn = {
  description:
    "What each customer is likely to be worth, which valuable customers are slipping away, and how much more satisfied customers are worth than dissatisfied ones.",
  formula: "How it is computed",
  notEnough: "not enough data",
  yes: "yes",
  no: "no",
  exportTable: "Export table (CSV)",
  fit: {
    fittedAt: "Models fitted {{date}}",
    asOf: "Data up to {{date}}",
    took: "took {{time}}",
    stale: "Settings changed since this fit: the figures still use the old ones",
    refit: "Fit again",
    refitting: "Fitting the models…",
    elapsed: "{{elapsed}} of about {{expected}}",
    elapsedNoEstimate: "{{elapsed}} so far",
    done: "The models were fitted again; every figure below is new.",
    readOnly: "Figures as of the last fit. Owners, managers, advocates and analysts can fit again.",
  },
  empty: {
    title: "No customer values yet",
    text: "Values come from completed orders. Import orders on the “Data & imports” page, then fit the models.",
    fit: "Fit the models now",
    toIntake: "Go to data & imports",
  },
  reading: {
    title: "What the numbers say",
    noFit: "The models have not been fitted on this workspace yet.",
    stale:
      "The settings changed after the last fit. The figures below still use the old settings; fit again to apply the new ones.",
    thinData:
      "Only {{repeatCustomers}} of {{customers}} customers bought more than once: every estimate below is shaky.",
    value:
      "Your {{customers}} customers are expected to bring {{clv}} of profit in the next {{months}} months (margin {{margin}}, discounted). {{likelyActive}} of them are likely still active.",
    concentration: "The most valuable 20% of customers hold {{share}} of that value.",
    atRisk:
      "{{amount}} ({{share}} of all value) sits with {{customers}} customers at risk: {{complaints}} with an unresolved complaint, {{detractors}} detractors, {{dropped}} whose chance of still being active just fell below the threshold.",
    noRisk: "No customer is at risk right now: no unresolved complaints, no detractors, no sudden drops.",
    nps: {
      notEnough:
        "Too few answers to compare {{of}} ({{ofCustomers}}) with {{versus}} ({{versusCustomers}}): at least 30 in each group are needed.",
      pays: "{{of}} are worth {{ofMean}} each, {{versus}} {{versusMean}}: {{difference}} more per customer (95% interval {{lower}} … {{upper}}), {{ratio}} times as much. This is an association, not proof of cause: people who buy often may also answer more kindly.",
      reversed:
        "{{of}} are worth less than {{versus}}: {{ofMean}} against {{versusMean}} per customer (difference {{difference}}, 95% interval {{lower}} … {{upper}}).",
      noDifference:
        "{{of}} ({{ofMean}}) and {{versus}} ({{versusMean}}) are worth about the same: the difference {{difference}} could be chance (95% interval {{lower}} … {{upper}}).",
    },
    complaints: {
      notEnough:
        "Too few customers to compare those whose complaint was {{of}} ({{ofCustomers}}) with those whose complaint was {{versus}} ({{versusCustomers}}): at least 30 in each group are needed.",
      pays: "Customers whose complaint was {{of}} are worth {{ofMean}} each, against {{versusMean}} when it was {{versus}}: {{difference}} more (95% interval {{lower}} … {{upper}}).",
      reversed:
        "Customers whose complaint was {{of}} are worth less ({{ofMean}}) than when it was {{versus}} ({{versusMean}}); difference {{difference}}, 95% interval {{lower}} … {{upper}}.",
      noDifference:
        "Customers whose complaint was {{of}} ({{ofMean}} each) and those whose complaint was {{versus}} ({{versusMean}}) show no clear difference in value: {{difference}}, 95% interval {{lower}} … {{upper}}.",
    },
    holdout: {
      good: "The model was checked on the last {{weeks}} weeks it had not seen (after {{cutoff}}): it predicted {{predicted}} repeat purchases, {{actual}} happened ({{error}}). Its per-customer error, {{mae}}, beats the naive forecast's {{naiveMae}}.",
      fair: "Checked on the last {{weeks}} weeks after {{cutoff}}: {{predicted}} repeat purchases predicted, {{actual}} happened ({{error}}). Per-customer error {{mae}} (naive forecast {{naiveMae}}). Treat the figures as rough.",
      poor: "Checked on the last {{weeks}} weeks after {{cutoff}}: {{predicted}} repeat purchases predicted, {{actual}} happened ({{error}}). That is far off: use the figures with care.",
      naiveBetter:
        "A naive forecast (each customer keeps their past rate) did better than the model per customer.",
    },
    holdoutSkipped: {
      too_short: "The data cover too short a time to check the model on a period it has not seen.",
      cutoff_outside_data: "The chosen cut-off lies outside the data, so the model was not checked.",
      fit_failed: "The model could not be fitted on the earlier part of the data, so it was not checked.",
    },
    spendFallback: {
      too_few_repeat_customers:
        "Only {{customers}} customers bought more than once, too few for the spend model: everyone's spend per purchase is the average, {{meanSpend}}.",
      frequency_spend_correlated:
        "Customers who buy more often also spend differently per purchase (correlation {{correlation}}), which the spend model does not allow: the average spend, {{meanSpend}}, is used instead.",
      fit_failed:
        "The spend model could not be fitted: the average spend per purchase, {{meanSpend}}, is used.",
    },
    aliveFallback: {
      pareto_failed:
        "The Pareto/NBD model could not be fitted, so the chance of still being active comes from BG/NBD (one-time buyers then show 100%).",
      pareto_too_slow:
        "The Pareto/NBD model took too long, so the chance of still being active comes from BG/NBD (one-time buyers then show 100%).",
    },
    otherCurrencies:
      "Orders in other currencies ({{currencies}}): {{orders}}. They count as purchases, but their amounts are left out of spend, revenue and customer value: Storona does not convert currencies.",
    aliveHomogeneous:
      "Customers hardly differ in how often they buy and leave, so everyone is treated alike when judging who is still active.",
    uncertainParams:
      "Some parameters are uncertain (standard error over half the value, or unknown): {{names}}.",
  },
  cards: {
    clv: "Customer value (CLV)",
    clvNote: "next {{months}} mo., margin {{margin}}",
    customers: "Customers with purchases",
    customersNote: "repeat buyers: {{repeat}}",
    likelyActive: "Likely still active",
    likelyActiveNote: "mean P(alive) {{mean}}",
    atRisk: "Revenue at risk",
    atRiskNote: "{{share}} of all value · customers: {{customers}}",
  },
  formulas: {
    clv: "CLV = Σ over months k = 1…H of E[purchases in month k] × E[spend per purchase] × margin ÷ (1 + annual rate)^(k/12). Purchases come from BG/NBD given the customer's own history (x, t_x, T), spend from Gamma-Gamma. H = {{months}} months, margin {{margin}}, annual rate {{rate}}.",
    clvTotal:
      "The sum of every customer's CLV. CLV = Σ over months k = 1…H of E[purchases in month k] × E[spend per purchase] × margin ÷ (1 + annual rate)^(k/12); H = {{months}} months, margin {{margin}}, annual rate {{rate}}.",
    customers:
      "Customers with at least one completed order before the fit; repeat buyers bought on more than one day.",
    pAlive:
      "P(alive): the probability the customer has not left for good, from the Pareto/NBD model given how many repeat purchases they made (x), when the last was (t_x) and how long they have been a customer (T).",
    likelyActive: "Customers whose P(alive) is at least 50%; the mean is over all customers.",
    expectedPurchases:
      "E[Y(H) | x, t_x, T]: purchases expected in the next {{months}} months from BG/NBD, given the customer's own history.",
    expectedSpend:
      "E[Z | x, z̄] = p·(γ + x·z̄) ÷ (p·x + q − 1) (Gamma-Gamma): a weighted mean of the customer's own average spend z̄ and the average of all customers; more repeat purchases x put more weight on the customer's own.",
    atRisk:
      "The sum of CLV of customers with an unresolved complaint, a detractor answer (NPS 0–6), or a P(alive) that fell below {{threshold}} in the last {{days}} days. Each customer is counted once; the reasons overlap.",
    top20: "The share of all CLV held by the most valuable 20% of customers.",
    distribution:
      "Customers grouped by their CLV in equal steps; the last bar holds everyone above its lower edge (set near the 99th percentile), so one very large customer does not squeeze the rest.",
    groupMean:
      "Mean CLV of the group with its 95% interval: mean ± 1.96 · sd ÷ √n. With under 30 customers no mean is shown.",
    difference:
      "Difference of the two groups' means with a 95% interval (Welch): (m₁ − m₂) ± 1.96 · √(sd₁²/n₁ + sd₂²/n₂). Only when the interval excludes zero is the difference unlikely to be chance.",
    revenue12m: "Revenue actually received from the customers in the 12 months before the fit.",
    se: "Standard error from the inverse Hessian of the log-likelihood at the optimum; the 95% interval is θ · exp(±1.96 · se ÷ θ), which stays positive as the parameters must.",
    logLik:
      "Log-likelihood at the optimum: the higher (closer to zero), the better the fit. Compare only models fitted on the same customers.",
    mae: "Mean over customers of |predicted − actual| repeat purchases after the cut-off.",
    naiveMae:
      "The same error for a naive forecast in which each customer keeps buying at their past rate x ÷ T.",
    totalError: "(predicted − actual) ÷ actual, over all customers together.",
    tracking:
      "Cumulative repeat purchases of all customers, week by week: what happened and what the model expects. After the cut-off the model fitted on the earlier data has not seen what happened.",
  },
  distribution: {
    title: "How value is spread",
    text: "How many customers fall into each band of value over the next {{months}} months.",
    chartLabel: "Bar chart: customers per band of CLV",
    axisCustomers: "Customers",
    axisValue: "CLV",
    band: "{{from}} – {{to}}",
    bandOpen: "{{from}} and more",
    tooltip: "Customers: {{customers}} · value {{clv}}",
    top20: "The most valuable 20% of customers hold {{share}} of all value.",
    clvFormula: "How one customer’s CLV is computed",
    percentiles: "Percentiles of CLV",
    p10: "10%",
    p25: "25%",
    p50: "Median",
    p75: "75%",
    p90: "90%",
    p99: "99%",
    max: "Highest",
    bandColumn: "Band",
    customersColumn: "Customers",
    valueColumn: "Value",
  },
  atRisk: {
    title: "Revenue at risk",
    text: "Valuable customers who may be slipping away, and what put them at risk.",
    filterLabel: "Show customers at risk because of",
    all: "Any reason",
    reasons: {
      unresolved_complaint: "Unresolved complaint",
      detractor: "Detractor answer",
      alive_dropped: "P(alive) dropped",
    },
    reasonDetail: {
      unresolved_complaint: "Complaint not resolved",
      detractor: "Detractor: NPS {{score}}",
      alive_dropped: "P(alive) {{from}} → {{to}} in {{days}} days",
    },
    columns: {
      customer: "Customer",
      pAlive: "P(alive)",
      expectedPurchases: "Expected purchases",
      expectedSpend: "Spend per purchase",
      clv: "CLV",
      revenue12m: "Revenue, 12 mo.",
      lastPurchase: "Last purchase",
      reasons: "Why at risk",
    },
    sortBy: "Sort by {{column}}",
    ascending: "ascending",
    descending: "descending",
    noName: "(no name)",
    exportAtRisk: "Export customers at risk (CSV)",
    exportAll: "Export every customer's value (CSV)",
    rows: "Rows {{from}}–{{to}} of {{total}}",
    pages: "Pages of customers at risk",
    previous: "Previous page",
    next: "Next page",
    page: "Page {{page}}",
    emptyTitle: "Nobody is at risk",
    emptyText:
      "No customer has an unresolved complaint, a detractor answer or a P(alive) that just fell below {{threshold}}.",
    emptyReason: "No customer is at risk for this reason.",
    amountOf: "Value at risk: {{amount}} · customers: {{customers}}",
  },
  satisfaction: {
    title: "What satisfaction is worth",
    text: "Mean value per customer by their latest NPS answer and by how their complaints ended, with 95% intervals.",
    npsTitle: "By NPS answer",
    complaintsTitle: "By complaint outcome",
    groups: {
      promoter: "Promoters (9–10)",
      passive: "Passives (7–8)",
      detractor: "Detractors (0–6)",
      no_answer: "No answer",
      none: "No complaints",
      fast: "Resolved fast",
      slow: "Resolved slowly",
      unresolved: "Unresolved",
    },
    names: {
      promoter: "promoters",
      passive: "passives",
      detractor: "detractors",
      no_answer: "customers without an answer",
      none: "without complaints",
      fast: "resolved fast",
      slow: "resolved slowly",
      unresolved: "left unresolved",
    },
    columns: {
      group: "Group",
      customers: "Customers",
      meanClv: "Mean CLV",
      interval: "95% interval",
      totalClv: "Total CLV",
      meanRevenue: "Mean revenue, 12 mo.",
    },
    difference:
      "Difference, {{of}} − {{versus}}: {{difference}} per customer (95% interval {{lower}} … {{upper}})",
    differenceNotEnough: "{{of}} and {{versus}}: too few customers in the groups to compare.",
    fastThreshold: "“Fast” means resolved within {{hours}} h ({{source}}).",
    thresholdSource: {
      setting: "as set below",
      median: "the median resolution time",
      none: "no resolved complaints yet",
    },
  },
  diagnostics: {
    title: "How far to trust the model",
    text: "The fitted parameters with their standard errors, and a check of the model on a period it had not seen.",
    models: {
      bgnbd: "Purchases: BG/NBD",
      "pareto-nbd": "Still active: Pareto/NBD",
      aliveBgnbd: "Still active: BG/NBD",
      "gamma-gamma": "Spend per purchase: Gamma-Gamma",
      mean: "Spend per purchase: average",
    },
    parameter: "Parameter",
    estimate: "Estimate",
    se: "Standard error",
    interval: "95% interval",
    logLik: "Log-likelihood",
    converged: "Converged",
    fittedOn: "Customers fitted",
    subsample_one: "a sample of {{formatted}}",
    subsample_other: "a sample of {{formatted}}",
    correlation: "Correlation of purchases and spend",
    meanSpend: "Average spend per purchase",
    boundary: "at the edge of the search: customers hardly differ",
    noParams: "No parameters: the average spend per purchase is used.",
    holdoutTitle: "Holdout check",
    holdoutText:
      "Fitted on the data up to {{cutoff}}, then each customer's purchases until {{end}} ({{weeks}} weeks) were predicted and compared with what happened.",
    holdoutCustomers: "Customers checked",
    mae: "Error per customer",
    naiveMae: "Naive forecast's error",
    actual: "Repeat purchases that happened",
    predicted: "Predicted",
    totalError: "Total error",
    trackingTitle: "Cumulative repeat purchases: actual vs predicted",
    trackingLabel: "Line chart: cumulative repeat purchases by week, actual and predicted",
    actualLine: "Actual",
    predictedLine: "Predicted",
    noTracking: "No weekly series was kept for this fit.",
  },
  settings: {
    title: "Settings",
    text: "How value is counted. A change applies after the models are fitted again.",
    readOnly: "Only owners, managers, advocates and analysts change these settings.",
    horizonMonths: "Horizon, months",
    horizonHint: "How far ahead value is counted (1–120).",
    margin: "Margin, %",
    marginHint: "The share of each purchase that is profit (above 0, at most 100).",
    annualDiscountRate: "Annual discount rate, %",
    discountHint: "Money later is worth less than money now (0–100).",
    atRiskThreshold: "At-risk threshold for P(alive), %",
    thresholdHint: "A fall below this in the last period puts a customer at risk (above 0, below 100).",
    periodDays: "Period, days",
    periodHint: "“The last period” for that fall (7–365).",
    fastResolutionHours: "Fast resolution, hours",
    fastHint: "Complaints resolved within this time count as fast. Empty: the median.",
    save: "Save settings",
    saved: "Saved. Fit the models again to apply the new settings.",
    unchanged: "Nothing changed.",
    invalid: "Not a number in the range above.",
  },
} satisfies Messages;
