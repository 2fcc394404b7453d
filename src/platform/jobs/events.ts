/**
 * "Data changed" notifications: after an import batch or an API batch commits, listeners (rollup refreshes,
 * model refits, problem assignment) are told which workspace and kind of data changed and since when.
 * The server registers the listeners; the code that writes data only announces.
 */
export type DataChange = { workspaceId: number; entity: string; since: Date };
export type DataListener = (change: DataChange) => Promise<void>;

const listeners: DataListener[] = [];
let failures: Array<{ change: DataChange; error: unknown }> = [];

export function onDataChanged(listener: DataListener): () => void {
  listeners.push(listener);
  return () => {
    const i = listeners.indexOf(listener);
    if (i >= 0) listeners.splice(i, 1);
  };
}

/** Runs every listener; one failing does not stop the others (its error is kept for /api/health-style checks). */
export async function announceDataChanged(change: DataChange): Promise<void> {
  for (const l of [...listeners]) {
    try {
      await l(change);
    } catch (error) {
      failures = [...failures.slice(-19), { change, error }];
    }
  }
}

export const recentListenerFailures = () => failures;
