import pg from "pg";
import type { Config } from "../config.ts";
import { type EmbeddedServer, startEmbedded } from "./embedded.ts";
import { migrate } from "./migrate.ts";
import { type Database, openDatabase } from "./pool.ts";

/** The database Storona runs on: the server at DATABASE_URL, or the embedded one under STORONA_HOME. */
export type Storage = Database & {
  url: string;
  embedded: EmbeddedServer | undefined;
  /** Closes the pool, then stops the embedded server if we started it. */
  shutdown: () => Promise<void>;
};

const EMBEDDED_DB = "storona";

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

export async function connectStorage(
  config: Pick<Config, "databaseUrl" | "home">,
  opts: { note?: (line: string) => void; migrate?: boolean; poolSize?: number } = {},
): Promise<Storage> {
  let embedded: EmbeddedServer | undefined;
  let url: string;
  if (config.databaseUrl) {
    url = config.databaseUrl;
  } else {
    embedded = await startEmbedded({ home: config.home, note: opts.note });
    try {
      await ensureDatabase(embedded.url, EMBEDDED_DB);
    } catch (e) {
      await embedded.stop();
      throw e;
    }
    url = embedded.url.replace(/\/postgres$/, `/${EMBEDDED_DB}`);
  }
  const database = openDatabase(url, { max: opts.poolSize ?? 10 });
  try {
    if (opts.migrate !== false) await migrate(database.pool);
  } catch (e) {
    await database.close();
    await embedded?.stop();
    throw e;
  }
  return {
    ...database,
    url,
    embedded,
    shutdown: async () => {
      await database.close().catch(() => {});
      await embedded?.stop();
    },
  };
}
