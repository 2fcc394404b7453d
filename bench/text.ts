/**
 * Throughput of the text tools on 100,000 short customer texts (the size the clustering acceptance line
 * works with), generated with a fixed seed (see src/platform/text/testdata/generate.ts).
 *
 *   npx tsx bench/text.ts [count]
 */
import { analyze, detectLanguage, normalize } from "../src/platform/text/index.ts";
import { generateTexts } from "../src/platform/text/testdata/generate.ts";

// CPU time as well as wall time: on a shared machine the wall clock also counts other processes.
const time = (label: string, texts: readonly string[], run: (t: string) => unknown): void => {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const t of texts) run(t);
  const wall = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu0);
  const cpu = (used.user + used.system) / 1e6;
  const rate = (s: number): string => Math.round(texts.length / s).toLocaleString("en");
  console.log(
    `${label.padEnd(15)} wall ${wall.toFixed(2)} s (${rate(wall)} texts/s)  cpu ${cpu.toFixed(2)} s (${rate(cpu)} texts/s)`,
  );
};

const main = (): void => {
  const count = Number(process.argv[2] ?? 100_000);
  const texts = generateTexts(count);
  const words = texts.reduce((n, t) => n + t.split(/\s+/).length, 0);
  console.log(`${count.toLocaleString("en")} texts, ${(words / count).toFixed(1)} words each on average`);
  time("normalize", texts, (t) => normalize(t));
  time("detectLanguage", texts, (t) => detectLanguage(t));
  time("analyze", texts, (t) => analyze(t));
};

if (import.meta.url === `file://${process.argv[1]}`) main();
