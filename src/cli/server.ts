import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type pg from "pg";
import { registerAccountRoutes } from "../modules/accounts/index.ts";
import { registerInitiativeRoutes } from "../modules/initiatives/index.ts";
import { registerIntakeRoutes } from "../modules/intake/index.ts";
import { registerMoneyRoutes } from "../modules/money/index.ts";
import { registerProblemRoutes } from "../modules/problems/index.ts";
import { registerJourneyRoutes, registerSegmentRoutes } from "../modules/segments/index.ts";
import { registerServiceRoutes } from "../modules/service/index.ts";
import { registerSpeedometerRoutes } from "../modules/speedometer/index.ts";
import type { Config } from "../platform/config.ts";
import { connectStorage, type Storage } from "../platform/db/index.ts";
import { buildApp } from "../platform/http/index.ts";
import { type DemoLogin, ensureDemo } from "./demo-workspace.ts";
import { rebuildDerived, startDerivedQueue } from "./derived.ts";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const version: string = JSON.parse(
  fs.readFileSync(path.join(projectRoot, "package.json"), "utf8"),
).version;

export type { DemoLogin };

export type RunningServer = {
  url: string;
  storage: Storage;
  demo: DemoLogin | undefined;
  close: () => Promise<void>;
};

export type ServerOptions = {
  log?: (line: string) => void;
  /** Use this storage instead of connecting one from the config (tests); it is not shut down on close. */
  storage?: Storage;
};

/** Registers every module's routes; the one place that knows them all. */
export function registerModules(
  app: Awaited<ReturnType<typeof buildApp>>,
  deps: { pool: pg.Pool; config: Config; demo: DemoLogin | undefined },
): void {
  registerAccountRoutes(app, {
    pool: deps.pool,
    cookieSecure: deps.config.cookieSecure,
    signupOpen: deps.config.signupOpen,
    demoLogin: deps.demo ? { email: deps.demo.email, password: deps.demo.password } : undefined,
  });
  registerIntakeRoutes(app, { pool: deps.pool });
  registerMoneyRoutes(app, { pool: deps.pool });
  registerSpeedometerRoutes(app, { pool: deps.pool });
  registerInitiativeRoutes(app, { pool: deps.pool });
  registerProblemRoutes(app, { pool: deps.pool });
  registerServiceRoutes(app, { pool: deps.pool });
  registerSegmentRoutes(app, { pool: deps.pool });
  registerJourneyRoutes(app, { pool: deps.pool });
}

export async function startServer(config: Config, opts: ServerOptions = {}): Promise<RunningServer> {
  const log = opts.log ?? (() => {});
  const storage = opts.storage ?? (await connectStorage(config, { note: log }));
  try {
    const demo = config.demo.enabled
      ? await ensureDemo(storage.pool, {
          seed: config.demo.seed,
          customers: config.demo.customers,
          log,
          afterLoad: async (workspaceId) => {
            log("  Computing the figures (money, segments, speedometer, service, problems)…");
            await rebuildDerived(storage.pool, workspaceId);
          },
        })
      : undefined;
    const derived = startDerivedQueue(storage.pool, { log });
    const webDir = path.join(projectRoot, "dist/web");
    if (!fs.existsSync(path.join(webDir, "index.html"))) {
      log(
        "The web app is not built (dist/web is missing): run `npm run build:web`. The API works meanwhile.",
      );
    }
    const app = await buildApp({
      pool: storage.pool,
      version,
      logLevel: config.logLevel === "info" ? "warn" : config.logLevel,
      webDir,
    });
    registerModules(app, { pool: storage.pool, config, demo });
    await app.listen({ port: config.port, host: config.host });
    const addr = app.server.address();
    const port = typeof addr === "object" && addr ? addr.port : config.port;
    const host =
      config.host === "127.0.0.1" || config.host === "0.0.0.0" || config.host === "::"
        ? "localhost"
        : config.host;
    return {
      url: `http://${host}:${port}`,
      storage,
      demo,
      close: async () => {
        derived.stop();
        await app.close();
        if (!opts.storage) await storage.shutdown();
      },
    };
  } catch (e) {
    if (!opts.storage) await storage.shutdown();
    throw e;
  }
}
