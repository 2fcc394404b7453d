import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";

// bigint (int8) and numeric come back as strings by default; counts and money in minor units fit in a JS number.
pg.types.setTypeParser(20, (v) => Number(v));
pg.types.setTypeParser(1700, (v) => Number(v));

// biome-ignore lint/complexity/noBannedTypes: each module widens this with db.withTables<...>() for its own tables.
export type Db = Kysely<{}>;

export type Database = { db: Db; pool: pg.Pool; close: () => Promise<void> };

export function openDatabase(
  url: string,
  options: { max?: number; applicationName?: string } = {},
): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? "storona",
  });
  // An idle client losing its connection (e.g. the server restarting) must not crash the process.
  pool.on("error", () => {});
  // Nor a checked-out one between two queries (a long import holds its client): its next query fails instead.
  pool.on("connect", (client) => {
    client.on("error", () => {});
  });
  // biome-ignore lint/complexity/noBannedTypes: see Db.
  const db = new Kysely<{}>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    close: async () => {
      await db.destroy();
    },
  };
}
