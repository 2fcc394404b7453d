import type pg from "pg";
import { createUser, createWorkspace, findUserByEmail, upsertMember } from "../modules/accounts/index.ts";
import { loadDemo } from "../modules/demo/index.ts";

export type DemoLogin = { email: string; password: string; workspaceSlug: string };

/** The demo workspace and its people, one per role, all with the same printed password. */
export const DEMO_SLUG = "demo";
export const DEMO_PASSWORD = "storona-demo";
export const demoPeople = [
  { email: "demo@storona.local", name: "Олена Коваль", role: "owner", locale: "uk" },
  { email: "manager@storona.local", name: "Игорь Петров", role: "manager", locale: "ru" },
  { email: "advocate@storona.local", name: "Марія Шевчук", role: "advocate", locale: "uk" },
  { email: "agent@storona.local", name: "Анна Смирнова", role: "agent", locale: "ru" },
  { email: "analyst@storona.local", name: "Sam Taylor", role: "analyst", locale: "en" },
  { email: "viewer@storona.local", name: "Дмитро Бондар", role: "viewer", locale: "uk" },
] as const;

export type EnsureDemoOptions = {
  seed: number;
  customers: number;
  /** The last day of the demo's 24 months; defaults to today (UTC). */
  endDate?: Date;
  log?: (line: string) => void;
  /** Runs once the demo data is in (derived figures); a failure there is logged, not fatal. */
  afterLoad?: (workspaceId: number) => Promise<void>;
};

/**
 * Creates and fills the demo workspace on the first start only. The load is one transaction, so a start
 * interrupted half-way leaves an empty workspace, which the next start fills.
 */
export async function ensureDemo(pool: pg.Pool, o: EnsureDemoOptions): Promise<DemoLogin> {
  const log = o.log ?? (() => {});
  const found = await pool.query<{ id: number; has_data: boolean }>(
    `SELECT w.id, EXISTS (SELECT 1 FROM orders WHERE workspace_id = w.id) AS has_data
     FROM workspace w WHERE w.slug = $1`,
    [DEMO_SLUG],
  );
  let workspaceId = found.rows[0]?.id;
  const login = { email: demoPeople[0].email, password: DEMO_PASSWORD, workspaceSlug: DEMO_SLUG };
  if (found.rows[0]?.has_data) return login;

  for (const p of demoPeople) {
    const user =
      (await findUserByEmail(pool, p.email)) ??
      (await createUser(pool, { email: p.email, name: p.name, password: DEMO_PASSWORD, locale: p.locale }));
    if (workspaceId === undefined) {
      const ws = await createWorkspace(pool, {
        name: "Домашній затишок",
        slug: DEMO_SLUG,
        currency: "UAH",
        timeZone: "Europe/Kyiv",
        ownerId: user.id,
        isDemo: true,
      });
      workspaceId = ws.id;
    }
    await upsertMember(pool, workspaceId, user.id, p.role);
  }
  if (workspaceId === undefined) throw new Error("demo workspace was not created");

  const endDate = o.endDate ?? new Date(new Date().toISOString().slice(0, 10));
  log(
    `Building the demo workspace (${o.customers.toLocaleString("en")} customers, seed ${o.seed}) — first start only…`,
  );
  const started = Date.now();
  let lastPhase = "";
  await loadDemo(pool, workspaceId, { seed: o.seed, customers: o.customers, endDate }, (p) => {
    if (p.phase !== lastPhase) {
      lastPhase = p.phase;
      log(`  ${p.phase}…`);
    }
  });
  if (o.afterLoad) {
    try {
      await o.afterLoad(workspaceId);
    } catch (e) {
      log(`  Computing the demo's figures failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  log(`Demo workspace ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  return login;
}
