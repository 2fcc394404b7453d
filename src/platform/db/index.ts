export { type CopyValue, copyLine, copyRows } from "./copy.ts";
export { BinaryCopyWriter, sendLent } from "./copy-binary.ts";
export { EmbeddedPostgresError, type EmbeddedServer, startEmbedded } from "./embedded.ts";
export { migrate, readMigrations } from "./migrate.ts";
export { type Database, type Db, openDatabase } from "./pool.ts";
export { connectStorage, type Storage } from "./storage.ts";
