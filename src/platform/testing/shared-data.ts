import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * Where tests read the public data sets in place (never copied into the project): STORONA_SHARED_DATA when
 * set, else ../shared/data beside the project's root.
 */
export function sharedDataDir(): string {
  return path.resolve(root, process.env.STORONA_SHARED_DATA ?? "../shared/data");
}

/** A file of the shared data, e.g. sharedDataFile("cdnow/CDNOW_sample.txt"). */
export function sharedDataFile(relative: string): string {
  return path.join(sharedDataDir(), relative);
}
