import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { parseArgs } from "node:util";
import { csvLine, readTextColumn, runPipeline } from "../modules/problems/index.ts";
import { AppError } from "../platform/errors.ts";
import { progressBar } from "./output.ts";

export const PROBLEMS_HELP = `storona problems cluster --in <file.csv|file.jsonl> --text-column <name> [--out <file.csv>]
  Clusters the texts of one column into problems, offline, with the algorithm the product uses, and writes
  row,problem_id,problem_label for every input row (problem_id empty: unsorted) to --out or to stdout.
  --lang ru|uk|en   the language to assume when a text cannot tell
  --seed N          the clustering's seed (default 1)`;

/** `storona problems …`: args are what follows the word "problems". */
export async function runProblemsCommand(args: string[]): Promise<void> {
  const [sub, ...rest] = args;
  if (sub !== "cluster")
    throw new AppError("bad_request", `Unknown: storona problems ${sub ?? ""}\n\n${PROBLEMS_HELP}`);
  const { values } = parseArgs({
    args: rest,
    options: {
      in: { type: "string" },
      "text-column": { type: "string" },
      out: { type: "string" },
      lang: { type: "string" },
      seed: { type: "string" },
    },
    strict: true,
  });
  const input = values.in;
  const column = values["text-column"];
  if (!input || !column)
    throw new AppError("bad_request", `--in and --text-column are required\n\n${PROBLEMS_HELP}`);
  const lang = values.lang;
  if (lang !== undefined && lang !== "ru" && lang !== "uk" && lang !== "en") {
    throw new AppError("bad_request", "--lang must be ru, uk or en");
  }
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!Number.isInteger(seed)) throw new AppError("bad_request", "--seed must be a whole number");

  const started = Date.now();
  const read = progressBar("Reading");
  const rows: { row: number; text: string }[] = [];
  try {
    for await (const r of readTextColumn(input, column)) {
      rows.push(r);
      if (rows.length % 1000 === 0) read.update(rows.length);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("not_found", `No file ${input}`);
    throw e;
  }
  read.done();
  const bar = progressBar("Clustering");
  const run = runPipeline(
    rows.map((r) => ({ text: r.text })),
    {
      langHint: lang,
      cluster: { seed },
      onProgress: (phase, done, total) => bar.update(phase === "analyse" ? done : total, total),
    },
  );
  bar.done();

  const out = values.out ? createWriteStream(values.out, { encoding: "utf8" }) : process.stdout;
  const write = async (chunk: string): Promise<void> => {
    if (!out.write(chunk)) await once(out, "drain");
  };
  // No byte-order mark: this file is for programs as much as for spreadsheets; labels are neutralised anyway.
  await write(csvLine(["row", "problem_id", "problem_label"]));
  for (let i = 0; i < rows.length; i++) {
    const c = run.clustering.labels[i]!;
    await write(csvLine([rows[i]!.row, c >= 0 ? c + 1 : null, c >= 0 ? run.problems[c]!.label : null]));
  }
  if (out !== process.stdout) {
    out.end();
    await once(out, "finish");
  }
  const unsorted = run.clustering.labels.filter((l) => l < 0).length;
  process.stderr.write(
    `${rows.length.toLocaleString("en")} texts → ${run.clustering.k} problems, ${unsorted.toLocaleString("en")} unsorted, ` +
      `in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
  );
}
