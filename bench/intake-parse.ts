// Parse throughput of the intake parsing layer: `npx tsx bench/intake-parse.ts [rows]`.
// Writes a seeded orders CSV to a temp file, then streams it from disk through (1) the CSV reader
// alone and (2) reader + mapping + typed order rows, printing rows/s and peak RSS. Not a test: timing
// depends on the machine.
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { autoMap, createRowConverter, readCsv } from "../src/modules/intake/parse/index.ts";

const rows = Number(process.argv[2] ?? 1_000_000);

// A small LCG: the same file every run.
let seed = 42;
const rand = (n: number): number => {
  seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
  return seed % n;
};

const writeFile = async (path: string): Promise<void> => {
  const out = createWriteStream(path);
  out.write("order_id,customer_id,order_date,amount,list_price,status,store\n");
  const statuses = ["completed", "completed", "completed", "cancelled", "returned"];
  let chunk = "";
  for (let k = 1; k <= rows; k++) {
    const day = 1 + rand(28);
    const amount = `${1 + rand(500)}.${String(rand(100)).padStart(2, "0")}`;
    chunk += `${k},C${rand(200_000)},2024-${String(1 + rand(12)).padStart(2, "0")}-${String(day).padStart(2, "0")} ${String(rand(24)).padStart(2, "0")}:${String(rand(60)).padStart(2, "0")},${amount},${amount},${statuses[rand(5)]},"Store ${rand(40)}"\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await new Promise<void>((r) => out.once("drain", () => r()));
      chunk = "";
    }
  }
  out.end(chunk);
  await new Promise<void>((r) => out.once("finish", () => r()));
};

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const measure = async (label: string, run: () => Promise<number>): Promise<void> => {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  const count = await run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const rate = (s: number): string => Math.round(count / s).toLocaleString("en");
  const peak = process.resourceUsage().maxRSS * 1024;
  // CPU time beside wall time: on a busy machine the wall clock measures the neighbours too.
  console.log(
    `${label}: ${count.toLocaleString("en")} rows in ${seconds.toFixed(2)} s = ${rate(seconds)} rows/s ` +
      `(${cpuSeconds.toFixed(2)} s CPU = ${rate(cpuSeconds)} rows/CPU-s); peak RSS ${mb(peak)}`,
  );
};

const dir = await mkdtemp(join(tmpdir(), "intake-bench-"));
const path = join(dir, "orders.csv");
try {
  await writeFile(path);
  console.log(
    `file: ${rows.toLocaleString("en")} orders, ${mb((await stat(path)).size)}; RSS now ${mb(process.memoryUsage().rss)}`,
  );

  await measure("csv reader        ", async () => {
    const reader = await readCsv(createReadStream(path));
    let n = 0;
    for await (const batch of reader.batches) n += batch.length;
    return n;
  });

  await measure("reader + orders   ", async () => {
    const reader = await readCsv(createReadStream(path));
    const mapped = autoMap("orders", reader.columns);
    if (!mapped.ok) throw new Error(mapped.errors.map((e) => e.message).join("; "));
    const convert = createRowConverter(mapped.mapping, { timeZone: "Europe/Kyiv", currency: "UAH" });
    let n = 0;
    let bad = 0;
    for await (const batch of reader.batches) {
      const out = convert.convertBatch(batch);
      n += out.rows.length;
      bad += out.errors.length;
    }
    if (bad > 0) throw new Error(`${bad} rows rejected`);
    return n;
  });
} finally {
  await rm(dir, { recursive: true, force: true });
}
