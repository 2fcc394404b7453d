import type pg from "pg";
import { createWorkspace, findUserByEmail, upsertMember } from "../modules/accounts/index.ts";
import { loadDemo } from "../modules/demo/index.ts";
import type { Config } from "../platform/config.ts";
import { AppError } from "../platform/errors.ts";
import { demoPeople } from "./demo-workspace.ts";
import { rebuildDerived } from "./derived.ts";
import { progressBar } from "./output.ts";

/** `storona demo`: a separate, seeded demo workspace of any size (for benchmarks and trials). */
export async function buildDemoWorkspace(
  pool: pg.Pool,
  f: Record<string, string | boolean | undefined>,
  config: Config,
): Promise<void> {
  const int = (name: string, fallback: number) => {
    const raw = f[name];
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1)
      throw new AppError("bad_request", `--${name} must be a positive whole number`);
    return n;
  };
  const seed = int("seed", config.demo.seed);
  const customers = int("customers", config.demo.customers);
  const endRaw = f.end as string | undefined;
  const endDate = endRaw ? new Date(`${endRaw}T00:00:00Z`) : new Date(new Date().toISOString().slice(0, 10));
  if (Number.isNaN(endDate.getTime()))
    throw new AppError("bad_request", "--end must be a date like 2026-11-01");
  const slug = (f.slug as string | undefined) ?? `demo-s${seed}-c${customers}`;
  const ws = await createWorkspace(pool, {
    name: `Demo ${customers} (seed ${seed})`,
    slug,
    currency: "UAH",
    timeZone: "Europe/Kyiv",
    isDemo: true,
  });
  // The demo owner can open it in the web app when the default demo exists.
  const owner = await findUserByEmail(pool, demoPeople[0].email);
  if (owner) await upsertMember(pool, ws.id, owner.id, "owner");
  const started = Date.now();
  const bar = progressBar(`Building '${slug}'`);
  let phase = "";
  await loadDemo(pool, ws.id, { seed, customers, endDate }, (p) => {
    if (p.phase !== phase) {
      bar.done();
      phase = p.phase;
    }
    bar.update(p.done, p.total);
  });
  bar.done();
  console.log("Computing the figures (money, segments, speedometer, service, problems)…");
  const steps = await rebuildDerived(pool, ws.id, (l) => console.log(l));
  for (const st of steps) if (!st.error) console.log(`  ${st.step}: ${(st.ms / 1000).toFixed(1)} s`);
  console.log(`Workspace '${slug}' (id ${ws.id}) built in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}
