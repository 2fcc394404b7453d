// `npm run bench [-- name ...]`: runs the named benchmarks (all when none is named). Each benchmark measures
// itself against a reference run in the same process (a ratio), because the machines here are noisy.
export {};

type Bench = { name: string; file: string; fn: string };

const benches: Bench[] = [
  { name: "start", file: "./start.ts", fn: "runStartBench" },
  { name: "intake", file: "./intake.ts", fn: "runIntakeBench" },
  { name: "speedometer", file: "./speedometer.ts", fn: "runSpeedometerBench" },
  { name: "money", file: "./money.ts", fn: "runMoneyBench" },
  { name: "problems", file: "./problems.ts", fn: "runProblemsBench" },
  { name: "service", file: "./service.ts", fn: "runServiceBench" },
  { name: "segments", file: "./segments.ts", fn: "runSegmentsBench" },
  { name: "text", file: "./text.ts", fn: "runTextBench" },
];

const wanted = process.argv.slice(2).filter((a) => !a.startsWith("-"));
const unknown = wanted.filter((w) => !benches.some((b) => b.name === w));
if (unknown.length > 0) {
  console.error(`Unknown benchmark: ${unknown.join(", ")}. Known: ${benches.map((b) => b.name).join(", ")}`);
  process.exit(2);
}
for (const b of benches) {
  if (wanted.length > 0 && !wanted.includes(b.name)) continue;
  let mod: Record<string, unknown>;
  try {
    mod = (await import(b.file)) as Record<string, unknown>;
  } catch (e) {
    console.log(`== ${b.name}: not available (${(e as Error).message.split("\n")[0]})`);
    continue;
  }
  const fn = mod[b.fn];
  if (typeof fn !== "function") {
    console.log(`== ${b.name}: ${b.file} does not export ${b.fn}()`);
    continue;
  }
  console.log(`== ${b.name}`);
  await (fn as () => Promise<void>)();
}
