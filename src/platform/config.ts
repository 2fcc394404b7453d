import path from "node:path";
import { z } from "zod";

/**
 * Every setting Storona reads from the environment, validated once at start.
 * Nothing else in the code reads process.env (the README's settings table mirrors this list).
 */
const booleanish = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off", ""])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  STORONA_HOME: z.string().min(1).default(".storona"),
  STORONA_DEMO: booleanish.default(true),
  STORONA_DEMO_SEED: z.coerce.number().int().default(42),
  STORONA_DEMO_CUSTOMERS: z.coerce.number().int().min(50).default(6000),
  STORONA_COOKIE_SECURE: booleanish.default(false),
  STORONA_LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  STORONA_SIGNUP: booleanish.default(true),
  STORONA_SHARED_DATA: z.string().optional(),
});

export type Config = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  home: string;
  demo: { enabled: boolean; seed: number; customers: number };
  cookieSecure: boolean;
  logLevel: z.infer<typeof schema>["STORONA_LOG_LEVEL"];
  signupOpen: boolean;
  sharedData: string;
};

export class ConfigError extends Error {}

export function loadConfig(
  env: Record<string, string | undefined> = process.env,
  cwd = process.cwd(),
): Config {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid settings:\n${lines.join("\n")}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    home: path.resolve(cwd, e.STORONA_HOME),
    demo: { enabled: e.STORONA_DEMO, seed: e.STORONA_DEMO_SEED, customers: e.STORONA_DEMO_CUSTOMERS },
    cookieSecure: e.STORONA_COOKIE_SECURE,
    logLevel: e.STORONA_LOG_LEVEL,
    signupOpen: e.STORONA_SIGNUP,
    sharedData: path.resolve(cwd, e.STORONA_SHARED_DATA ?? "../shared/data"),
  };
}
