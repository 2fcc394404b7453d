/**
 * `npm run eval [-- name ...]`: quality evaluations against labelled data (all when none is named).
 *
 * problems: our clustering (choosing the number of problems itself) vs plain TF-IDF + k-means given the
 * true number of labels, NMI and ARI against the labels, on
 *  - Banking77 train (10,003 English banking requests, 77 intents): ../shared/data/banking77_en/train.csv
 *  - SentiRuEval-2015 restaurants train, negative aspect sentences (Russian, 5 aspect categories): the
 *    review text is cut into sentences at . ! ? … and line breaks; a sentence is kept when it contains the
 *    start of at least one aspect marked sentiment="negative" and mark="Rel" (about this restaurant), and
 *    all such aspects in it share one category (Food, Service, Interior, Price, Whole), which is its label;
 *    sentences with negative aspects of two categories are left out (counted in the output);
 *  - the demo workspace's complaint texts (requests of kind complaint and detractors' comments, ru/uk/en)
 *    with the generator's ground truth (13 planted problems, and "none" for vague texts).
 * Our unsorted texts count as one more cluster. Figures go to the "Problems" section of docs/benchmarks.md.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { generateDemo } from "../src/modules/demo/index.ts";
import { ari, baselineClusters, nmi, readTextColumn, runPipeline } from "../src/modules/problems/index.ts";
import { writeBenchmarkBlock } from "./problems.ts";

type Labelled = { name: string; texts: string[]; labels: string[]; lang?: "ru" | "uk" | "en"; note: string };

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const data = path.resolve(root, process.env.STORONA_SHARED_DATA ?? "../shared/data");

async function banking77(): Promise<Labelled> {
  const file = path.join(data, "banking77_en", "train.csv");
  const texts: string[] = [];
  for await (const r of readTextColumn(file, "text")) texts.push(r.text);
  const labels: string[] = [];
  for await (const r of readTextColumn(file, "category")) labels.push(r.text);
  return { name: "Banking77 train (en)", texts, labels, lang: "en", note: "10,003 requests, 77 intents" };
}

const decode = (s: string): string =>
  s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    const named: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()]!;
    return String.fromCodePoint(
      e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10),
    );
  });

function sentiRuEval(): Labelled & { mixed: number; reviews: number } {
  const xml = readFileSync(
    path.join(data, "sentiruEval2015_restaurants_ru", "SentiRuEval_rest_markup_train.xml"),
    "utf8",
  );
  const texts: string[] = [];
  const labels: string[] = [];
  let mixed = 0;
  let reviews = 0;
  for (const [, body] of xml.matchAll(/<review[^>]*>([\s\S]*?)<\/review>/g)) {
    reviews++;
    const text = decode(body!.match(/<text>([\s\S]*?)<\/text>/)?.[1] ?? "");
    const negative = [...body!.matchAll(/<aspect [^>]*\/>/g)]
      .map(([a]) => {
        const attr = (n: string) => decode(a.match(new RegExp(` ${n}="([^"]*)"`))?.[1] ?? "");
        return {
          from: Number(attr("from")),
          category: attr("category"),
          sentiment: attr("sentiment"),
          mark: attr("mark"),
        };
      })
      .filter((a) => a.sentiment === "negative" && a.mark === "Rel");
    for (const m of text.matchAll(/[^.!?…\n]+(?:[.!?…]+|\n|$)/g)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const categories = new Set(
        negative.filter((a) => a.from >= start && a.from < end).map((a) => a.category),
      );
      if (categories.size === 0) continue;
      if (categories.size > 1) {
        mixed++;
        continue;
      }
      texts.push(m[0].trim());
      labels.push([...categories][0]!);
    }
  }
  return {
    name: "SentiRuEval-2015 restaurants, negative aspect sentences (ru)",
    texts,
    labels,
    lang: "ru",
    note: "",
    mixed,
    reviews,
  };
}

function demo(): Labelled {
  const options = { seed: 42, customers: 6000, endDate: new Date("2026-03-01T00:00:00Z") };
  const texts: string[] = [];
  const labels: string[] = [];
  const detractor = (kind: string, score: number) =>
    (kind === "nps" && score <= 6) || (kind === "csat" && score <= 2) || (kind === "ces" && score >= 5);
  for (const b of generateDemo(options).bundles()) {
    for (const r of b.requests) {
      if (r.kind !== "complaint") continue;
      texts.push(r.subject ? `${r.subject}. ${r.text}` : r.text);
      labels.push(r.problem ?? "none");
    }
    for (const f of b.feedback) {
      if (!f.comment || !detractor(f.kind, f.score)) continue;
      texts.push(f.comment);
      labels.push(f.problem ?? "none");
    }
  }
  return {
    name: "Storona demo complaints (ru/uk/en)",
    texts,
    labels,
    note: "seed 42, 6,000 customers, 13 planted problems + none",
  };
}

type Row = {
  set: Labelled;
  trueK: number;
  ours: { k: number; unsorted: number; nmi: number; ari: number; s: number };
  base: { nmi: number; ari: number; s: number };
};

function evaluate(set: Labelled): Row {
  const trueK = new Set(set.labels).size;
  let t0 = performance.now();
  const run = runPipeline(
    set.texts.map((text) => ({ text })),
    { langHint: set.lang },
  );
  const oursS = (performance.now() - t0) / 1000;
  const found = [...run.clustering.labels];
  t0 = performance.now();
  const base = [...baselineClusters(set.texts, trueK, 1)];
  const baseS = (performance.now() - t0) / 1000;
  const row = {
    set,
    trueK,
    ours: {
      k: run.clustering.k,
      unsorted: found.filter((l) => l < 0).length,
      nmi: nmi(set.labels, found),
      ari: ari(set.labels, found),
      s: oursS,
    },
    base: { nmi: nmi(set.labels, base), ari: ari(set.labels, base), s: baseS },
  };
  console.log(
    `${set.name}: ${set.texts.length} texts, ${trueK} labels | ours k=${row.ours.k} (${row.ours.unsorted} unsorted) ` +
      `NMI ${row.ours.nmi.toFixed(3)} ARI ${row.ours.ari.toFixed(3)} | baseline k=${trueK} NMI ${row.base.nmi.toFixed(3)} ARI ${row.base.ari.toFixed(3)}`,
  );
  return row;
}

export async function runProblemsEval(): Promise<void> {
  const senti = sentiRuEval();
  senti.note = `${senti.texts.length} sentences from ${senti.reviews} reviews, 5 categories (${senti.mixed} two-category sentences left out)`;
  const rows = [evaluate(await banking77()), evaluate(senti), evaluate(demo())];
  const f = (x: number) => x.toFixed(3);
  const table = rows
    .map(
      (r) =>
        `| ${r.set.name} | ${r.set.texts.length.toLocaleString("en")} | ${r.trueK} | ${r.ours.k} (${r.ours.unsorted} unsorted) | ` +
        `**${f(r.ours.nmi)}** | ${f(r.ours.ari)} | ${f(r.base.nmi)} | ${f(r.base.ari)} | ${r.ours.nmi >= r.base.nmi ? "yes" : "**no**"} |`,
    )
    .join("\n");
  writeBenchmarkBlock(
    "problems-eval",
    `### Quality (\`npm run eval -- problems\`, ${new Date().toISOString().slice(0, 10)})

Ours: the product's clustering (src/modules/problems/pipeline.ts), which chooses the number of problems itself;
its unsorted texts count as one more cluster. Baseline: plain TF-IDF (lower-cased words, raw counts, smoothed idf,
L2 rows) + Lloyd's k-means with k-means++ seeding (seed 1), **given the true number of labels**.
NMI with the arithmetic-mean normalisation; ARI = adjusted Rand index. Target: our NMI ≥ the baseline's.

| data | texts | labels | ours: problems found | ours NMI | ours ARI | baseline NMI | baseline ARI | NMI ≥ baseline |
|---|---|---|---|---|---|---|---|---|
${table}

${rows.map((r) => `- ${r.set.name}: ${r.set.note}.`).join("\n")}
- SentiRuEval extraction: sentences (cut at . ! ? … and line breaks) holding the start of a negative aspect with
  mark "Rel"; label = its aspect category; sentences whose negative aspects span two categories are left out.
- The number of problems is ours to find, not the labels': ${rows.map((r) => `${r.ours.k} for ${r.trueK}`).join(", ")}.
  Intents worded alike merge (Banking77's pending, charged and declined cash withdrawals are one problem,
  «withdrawal, cash, atm»; a lost phone and a lost card another), one aspect splits by what went wrong
  (SentiRuEval's Service: waiting «минут, ждали, часа», waiters, drinks brought late), and a demo problem
  can split by language or phrasing.`,
  );
}

const evals: Record<string, () => Promise<void>> = { problems: runProblemsEval };

if (import.meta.url === `file://${process.argv[1]}`) {
  const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const unknown = wanted.filter((w) => !evals[w]);
  if (unknown.length > 0) {
    console.error(`Unknown evaluation: ${unknown.join(", ")}. Known: ${Object.keys(evals).join(", ")}`);
    process.exit(2);
  }
  for (const [name, run] of Object.entries(evals)) {
    if (wanted.length > 0 && !wanted.includes(name)) continue;
    console.log(`== ${name}`);
    await run();
  }
}
