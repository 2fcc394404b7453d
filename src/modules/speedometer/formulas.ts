import type { ComponentKey } from "./types.ts";

/**
 * What every number says about itself on hover: an i18n key for the page and the English text for the
 * CLI and the API docs. W is the window in days, t the end of the month shown.
 */
export type FormulaKey = ComponentKey | "cci" | "nps" | "csat" | "ces";

export const formulaText: Record<FormulaKey, string> = {
  repeat:
    "customers who bought in [t−2W, t−W) and bought again in [t−W, t) ÷ customers who bought in [t−2W, t−W)",
  fullPrice:
    "revenue of completed orders paid at full price (amount ≥ list amount) ÷ revenue of completed orders",
  waitTolerance:
    "orders with a wait (wait_days > 0) that were completed ÷ orders with a wait that were completed or cancelled",
  referral: "new customers (first completed order in the period) who came by a referral ÷ new customers",
  recovery:
    "customers who complained in [t−2W, t−W) and bought in [t−W, t) ÷ customers who complained in [t−2W, t−W)",
  cci: "100 × Σ wₖ·componentₖ ÷ Σ wₖ over the components with enough data (n ≥ 30)",
  nps: "% of answers 9–10 − % of answers 0–6",
  csat: "answers 4–5 ÷ all answers (scale 1–5)",
  ces: "mean answer (scale 1–7)",
};

export const formulaKey = (k: FormulaKey): string => `speedometer.formula.${k}`;

/** What the denominator counts, so the UI can say "of 412 customers" or "of ₴1.2M". */
export const denominatorUnit: Record<ComponentKey, "customers" | "revenue" | "orders"> = {
  repeat: "customers",
  fullPrice: "revenue",
  waitTolerance: "orders",
  referral: "customers",
  recovery: "customers",
};
