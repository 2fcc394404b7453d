import { parseArgs } from "node:util";
import { type Config, ConfigError, loadConfig } from "../platform/config.ts";
import { connectStorage, EmbeddedPostgresError, type Storage } from "../platform/db/index.ts";
import { AppError, exitCodeOf } from "../platform/errors.ts";
import { isRole } from "../platform/http/roles.ts";
import { printTable } from "./output.ts";

const HELP = `storona — customer-centricity measured from what customers do

Usage: storona <command> [options]

  start                              run the web app and API (embedded PostgreSQL unless DATABASE_URL is set)
  migrate                            apply database migrations and exit
  import <customers|orders|requests|feedback> <file> --workspace W [--map column=field ...]
         [--default field=value ...] [--format csv|jsonl|xlsx|cdnow] [--dry-run] [--json] [--errors]
         [--no-refresh]
                                     load a file; prints read/inserted/updated/unchanged/rejected
  demo [--seed N] [--customers N] [--slug S] [--end YYYY-MM-DD]
                                     build a demo workspace (larger ones for benchmarks)
  money fit --in <summary.csv> --model bgnbd|pareto|gg [--json]
  money clv --workspace W [--json]      customer lifetime value per customer
  speedometer --workspace W [--json] [--from YYYY-MM] [--to YYYY-MM] [--by location|channel|segment]
  speedometer rebuild --workspace W     the Customer-Centricity Index as the page shows it; recompute it
  service --workspace W [--json] [--from YYYY-MM] [--to YYYY-MM] [--channel C] [--kind K]
  service rebuild --workspace W         waiting and response times, SLA; recompute them
  problems cluster --in <file> --text-column <name> [--out <file.csv>]
                                     cluster any column of texts into problems, offline
  segments --workspace W [--json] [--cached]
                                     RFM, behavioural and rule segments with sizes and profiles
  refresh --workspace W                 recompute every derived figure of a workspace from scratch
  users create --email E --password P [--name N] [--locale ru|uk|en]
  users list [--json]
  workspaces create --name N [--slug S] [--currency UAH] [--time-zone Europe/Kyiv] [--owner EMAIL]
  workspaces list [--json]
  members add --workspace W --email E --role owner|manager|advocate|agent|analyst|viewer

Settings come from the environment; see the README.`;

type Flags = Record<string, string | boolean | undefined>;

function flags(args: string[]): Flags {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      seed: { type: "string" },
      customers: { type: "string" },
      slug: { type: "string" },
      end: { type: "string" },
      email: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      locale: { type: "string" },
      currency: { type: "string" },
      "time-zone": { type: "string" },
      owner: { type: "string" },
      workspace: { type: "string" },
      role: { type: "string" },
      json: { type: "boolean" },
    },
  });
  return values;
}

function need(f: Flags, name: string): string {
  const v = f[name];
  if (typeof v !== "string" || v === "") throw new AppError("bad_request", `--${name} is required`);
  return v;
}

async function withStorage<T>(config: Config, fn: (s: Storage) => Promise<T>): Promise<T> {
  const storage = await connectStorage(config, { note: (l) => console.error(l) });
  try {
    return await fn(storage);
  } finally {
    await storage.shutdown();
  }
}

// Commands import what they need lazily, so `storona help` or `users list` do not load the whole server.
const accounts = () => import("../modules/accounts/index.ts");

async function start(config: Config): Promise<void> {
  const t0 = Date.now();
  const { startServer } = await import("./server.ts");
  const server = await startServer(config, { log: (l) => console.log(l) });
  const db = server.storage.embedded
    ? `embedded PostgreSQL in ${server.storage.embedded.dataDir}`
    : "DATABASE_URL";
  console.log(`\nStorona is running at ${server.url}  (database: ${db}; ready in ${Date.now() - t0} ms)`);
  if (server.demo) {
    console.log(
      `Demo login: ${server.demo.email} / ${server.demo.password}  (workspace '${server.demo.workspaceSlug}')`,
    );
  }
  console.log("Press Ctrl-C to stop.");
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.log("Stopping anyway.");
      process.exit(1);
    }
    stopping = true;
    console.log(`\n${signal}: stopping the server and the database…`);
    await server.close();
    console.log("Stopped.");
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

async function main(argv: string[]): Promise<void> {
  const [command, sub, ...rest] = argv;
  const config = loadConfig();
  const { addMember, createUser, createWorkspace, listUsers, listWorkspaces } =
    command === "users" || command === "workspaces" || command === "members"
      ? await accounts()
      : ({} as Awaited<ReturnType<typeof accounts>>);
  switch (command) {
    case "start":
      return start(config);
    case "migrate":
      return withStorage(config, async () => console.log("Migrations applied."));
    case "demo": {
      const f = flags([sub, ...rest].filter((x): x is string => x !== undefined));
      const { buildDemoWorkspace } = await import("./demo-command.ts");
      return withStorage(config, (s) => buildDemoWorkspace(s.pool, f, config));
    }
    case "import": {
      const { runImportCommand } = await import("./import-command.ts");
      return withStorage(config, (s) =>
        runImportCommand(
          [sub, ...rest].filter((x): x is string => x !== undefined),
          s.pool,
        ),
      );
    }
    case "money": {
      const { runMoneyCommand } = await import("./money-command.ts");
      let storage: Storage | undefined;
      try {
        return await runMoneyCommand(
          [sub, ...rest].filter((x): x is string => x !== undefined),
          async () => {
            storage ??= await connectStorage(config, { note: (l) => console.error(l) });
            return storage.pool;
          },
        );
      } finally {
        await storage?.shutdown();
      }
    }
    case "speedometer": {
      const { runSpeedometerCommand } = await import("./speedometer-command.ts");
      const args = [sub, ...rest].filter((x): x is string => x !== undefined);
      return withStorage(config, (s) => runSpeedometerCommand(args, s.pool));
    }
    case "service": {
      const { runServiceCommand } = await import("./service-command.ts");
      const args = [sub, ...rest].filter((x): x is string => x !== undefined);
      return withStorage(config, (s) => runServiceCommand(args, s.pool));
    }
    case "problems": {
      const { runProblemsCommand } = await import("./problems-command.ts");
      return runProblemsCommand([sub, ...rest].filter((x): x is string => x !== undefined));
    }
    case "segments": {
      const { runSegmentsCommand } = await import("./segments-command.ts");
      const args = [sub, ...rest].filter((x): x is string => x !== undefined);
      return withStorage(config, (s) => runSegmentsCommand(args, s.pool));
    }
    case "refresh": {
      const f = flags([sub, ...rest].filter((x): x is string => x !== undefined));
      const { rebuildDerived } = await import("./derived.ts");
      const { resolveWorkspace } = await import("./workspace-arg.ts");
      return withStorage(config, async (s) => {
        const ws = await resolveWorkspace(s.pool, need(f, "workspace"));
        const steps = await rebuildDerived(s.pool, ws.id, (l) => console.log(l));
        for (const st of steps) {
          console.log(`${st.step}: ${st.error ? `failed: ${st.error}` : `${(st.ms / 1000).toFixed(1)} s`}`);
        }
        if (steps.some((st) => st.error)) process.exitCode = 1;
      });
    }
    case "users": {
      const f = flags(rest);
      if (sub === "create") {
        const locale = (f.locale as string | undefined) ?? "en";
        if (locale !== "ru" && locale !== "uk" && locale !== "en")
          throw new AppError("bad_request", "--locale must be ru, uk or en");
        return withStorage(config, async (s) => {
          const u = await createUser(s.pool, {
            email: need(f, "email"),
            password: need(f, "password"),
            name: (f.name as string | undefined) ?? "",
            locale,
          });
          console.log(`Created user ${u.id} <${u.email}>.`);
        });
      }
      if (sub === "list") {
        return withStorage(config, async (s) => printTable(await listUsers(s.pool), Boolean(f.json)));
      }
      break;
    }
    case "workspaces": {
      const f = flags(rest);
      if (sub === "create") {
        return withStorage(config, async (s) => {
          let ownerId: number | undefined;
          const owner = f.owner as string | undefined;
          const w = await createWorkspace(s.pool, {
            name: need(f, "name"),
            slug: f.slug as string | undefined,
            currency: f.currency as string | undefined,
            timeZone: f["time-zone"] as string | undefined,
            ownerId,
          });
          if (owner) await addMember(s.pool, w.id, owner, "owner");
          console.log(`Created workspace ${w.id} '${w.slug}' (${w.name}).`);
        });
      }
      if (sub === "list") {
        return withStorage(config, async (s) =>
          printTable(
            (await listWorkspaces(s.pool)).map((w) => ({
              id: w.id,
              slug: w.slug,
              name: w.name,
              currency: w.currency.trim(),
              time_zone: w.time_zone,
              members: w.members,
              demo: w.is_demo,
            })),
            Boolean(f.json),
          ),
        );
      }
      break;
    }
    case "members": {
      const f = flags(rest);
      if (sub === "add") {
        const role = need(f, "role");
        if (!isRole(role)) throw new AppError("bad_request", `--role: unknown role '${role}'`);
        return withStorage(config, async (s) => {
          const ws = await listWorkspaces(s.pool);
          const target = ws.find((w) => w.slug === need(f, "workspace") || String(w.id) === f.workspace);
          if (!target) throw new AppError("not_found", `No workspace '${f.workspace}'`);
          await addMember(s.pool, target.id, need(f, "email"), role);
          console.log(`${f.email} is now ${role} in '${target.slug}'.`);
        });
      }
      break;
    }
    case undefined:
    case "help":
    case "--help":
    case "-h":
      console.log(HELP);
      return;
  }
  throw new AppError(
    "bad_request",
    `Unknown command: storona ${[command, sub].filter(Boolean).join(" ")}\n\n${HELP}`,
  );
}

// A reader that stops early (`storona money clv --json | head`) closes the pipe. Like other Unix tools we
// then stop writing quietly instead of crashing on EPIPE; the command still finishes and releases the
// database (an embedded cluster it started is stopped as usual).
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  process.stdout.write = (() => true) as typeof process.stdout.write;
});

main(process.argv.slice(2)).catch((e: unknown) => {
  if (e instanceof AppError) {
    console.error(`Error: ${e.message}`);
    process.exit(exitCodeOf(e.code));
  }
  if (e instanceof ConfigError || e instanceof EmbeddedPostgresError) {
    console.error(e.message);
    process.exit(2);
  }
  if (e instanceof TypeError && (e as NodeJS.ErrnoException).code?.startsWith("ERR_PARSE_ARGS")) {
    console.error(`Error: ${e.message}\n\n${HELP}`);
    process.exit(2);
  }
  console.error(e);
  process.exit(1);
});
