/**
 * Fitting a model on a summary file (`storona money fit --in summary.csv`): one row per customer with
 * id, x, t_x, T and optionally monetary (mean repeat spend). The column names of the common tools are
 * accepted too (lifetimes: frequency, recency, monetary_value; Hardie's files: zbar), so their files fit
 * as they are. A small reader of its own: the file is numbers only, and every bad cell names its line.
 */
import { AppError } from "../../platform/errors.ts";
import { fitBgNbd } from "./bgnbd.ts";
import { fitGammaGamma, spendRows } from "./gamma-gamma.ts";
import type { ModelFit } from "./model-fit.ts";
import { fitParetoNbd, PARETO_MAX_SCALE, PARETO_MAX_SHAPE } from "./pareto-nbd.ts";
import { compressRfm } from "./summary.ts";

export type SummaryFile = {
  ids: string[];
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  monetary: Float64Array | null;
};

const ALIASES: Record<"id" | "x" | "tx" | "T" | "monetary", readonly string[]> = {
  id: ["id", "customer", "customer_id", "customerid"],
  x: ["x", "frequency"],
  tx: ["t_x", "tx", "recency"],
  T: ["t", "age"],
  monetary: ["monetary", "monetary_value", "zbar", "mean_spend", "m"],
};

const unquote = (s: string): string => {
  const t = s.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replaceAll('""', '"') : t;
};

/** No real customer has more repeat purchases, nor a history longer in weeks or days (2,700 years in days). */
const MAX_COUNT_OR_TIME = 1e6;

export function parseSummaryCsv(text: string): SummaryFile {
  const lines = text.replace(/^\ufeff/, "").split(/\r?\n/);
  const header = lines[0] ?? "";
  const delimiter = header.includes(",") ? "," : header.includes(";") ? ";" : "\t";
  const names = header.split(delimiter).map((h) => unquote(h).toLowerCase());
  const col = (key: keyof typeof ALIASES): number => names.findIndex((n) => ALIASES[key].includes(n));
  const at = { id: col("id"), x: col("x"), tx: col("tx"), T: col("T"), monetary: col("monetary") };
  const missing = (["id", "x", "tx", "T"] as const).filter((k) => at[k] < 0);
  if (missing.length > 0) {
    throw new AppError(
      "validation",
      `The header needs columns id, x, t_x, T[, monetary]; missing: ${missing.join(", ")}`,
      {
        line: 1,
        header: names,
      },
    );
  }
  const ids: string[] = [];
  const cols = { x: [] as number[], tx: [] as number[], T: [] as number[], m: [] as number[] };
  for (let i = 1; i < lines.length; i++) {
    const raw = lines[i] as string;
    if (raw.trim() === "") continue;
    const cells = raw.split(delimiter).map(unquote);
    const num = (k: "x" | "tx" | "T" | "monetary"): number => {
      const cell = cells[at[k]] ?? "";
      const v = cell === "" ? Number.NaN : Number(cell);
      if (!Number.isFinite(v) || v < 0) {
        throw new AppError(
          "validation",
          `Line ${i + 1}, column ${names[at[k]]}: '${cell}' is not a number ≥ 0`,
          {
            line: i + 1,
            column: names[at[k]],
            value: cell,
          },
        );
      }
      if (k !== "monetary" && v > MAX_COUNT_OR_TIME) {
        throw new AppError(
          "validation",
          `Line ${i + 1}, column ${names[at[k]]}: '${cell}' is too large (at most 1000000 purchases or time units)`,
          { line: i + 1, column: names[at[k]], value: cell },
        );
      }
      return v;
    };
    const x = num("x");
    const tx = num("tx");
    const T = num("T");
    if (!Number.isInteger(x)) {
      throw new AppError("validation", `Line ${i + 1}: x must be a whole number of repeat purchases`, {
        line: i + 1,
      });
    }
    if (tx > T)
      throw new AppError("validation", `Line ${i + 1}: t_x (${tx}) is after T (${T})`, { line: i + 1 });
    ids.push(cells[at.id] ?? "");
    cols.x.push(x);
    cols.tx.push(tx);
    cols.T.push(T);
    if (at.monetary >= 0) cols.m.push(num("monetary"));
  }
  if (ids.length === 0) throw new AppError("validation", "The file has a header but no customers");
  return {
    ids,
    x: Float64Array.from(cols.x),
    tx: Float64Array.from(cols.tx),
    T: Float64Array.from(cols.T),
    monetary: at.monetary >= 0 ? Float64Array.from(cols.m) : null,
  };
}

export type FileModel = "bgnbd" | "pareto" | "gg";
export type FileFit = {
  model: FileModel;
  customers: number;
  rows: number;
  params: Record<string, number>;
  standardErrors: Record<string, number | null>;
  logLik: number;
  converged: boolean;
  evaluations: number;
  /**
   * The customers hardly differ: the estimate ran to the "no heterogeneity" edge (Pareto/NBD's search box,
   * or a BG/NBD shape as large as that box's). The rates it implies hold; the parameters and errors do not.
   */
  boundary: boolean;
};

/** BG/NBD is not boxed; a purchase-rate shape this large (1% variation) is the same verdict as Pareto/NBD's edge. */
const bgnbdAtEdge = (p: { r: number; alpha: number }): boolean =>
  p.r > PARETO_MAX_SHAPE / 2 || p.alpha > PARETO_MAX_SCALE / 2;

export function fitSummaryFile(file: SummaryFile, model: FileModel): FileFit {
  let fit: ModelFit<Record<string, number>>;
  let boundary = false;
  if (model === "gg") {
    if (!file.monetary) {
      throw new AppError("validation", "The Gamma-Gamma model needs a monetary column (mean repeat spend)");
    }
    fit = fitGammaGamma(spendRows(file.x, file.monetary));
  } else {
    const { rows } = compressRfm(file);
    if (model === "bgnbd") {
      const bg = fitBgNbd(rows);
      boundary = bgnbdAtEdge(bg.params);
      fit = bg;
    } else {
      const pareto = fitParetoNbd(rows);
      boundary = pareto.boundary;
      fit = pareto;
    }
  }
  return {
    model,
    customers: fit.customers,
    rows: fit.rows,
    params: fit.params,
    standardErrors: Object.fromEntries(
      Object.entries(fit.standardErrors).map(([k, v]) => [k, Number.isFinite(v) ? v : null]),
    ),
    logLik: fit.logLik,
    converged: fit.converged,
    evaluations: fit.evaluations,
    boundary,
  };
}
