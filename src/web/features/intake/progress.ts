/** One look at a running import: when (ms, the browser's clock) and how many rows were read by then. */
export type Sample = { at: number; read: number };

export type Pace = {
  /** Rows per second over the recent window, when two looks are far enough apart to tell. */
  rowsPerSecond: number | undefined;
  /** Seconds left at that pace, when the total is known. */
  secondsLeft: number | undefined;
  /** 0–100; undefined when the total is unknown (spreadsheets are not counted ahead). */
  percent: number | undefined;
};

const WINDOW_MS = 10_000;

/** Keeps the samples of the last ten seconds (and the one just before, so the window is full). */
export function addSample(samples: readonly Sample[], next: Sample): Sample[] {
  const kept = samples.filter((s) => s.at <= next.at && s.read <= next.read);
  const firstInside = kept.findIndex((s) => next.at - s.at <= WINDOW_MS);
  const from = firstInside <= 0 ? 0 : firstInside - 1;
  return [...kept.slice(from), next];
}

/**
 * Rows per second over the window, the time left at that pace, and the share done. The server counts
 * rows batch by batch, so the pace is measured across the window rather than between two polls.
 */
export function pace(samples: readonly Sample[], total: number | null): Pace {
  const first = samples[0];
  const last = samples[samples.length - 1];
  const read = last?.read ?? 0;
  const percent = total && total > 0 ? Math.min(100, (read / total) * 100) : undefined;
  if (!first || !last || last.at - first.at < 1_000 || last.read <= first.read)
    return { rowsPerSecond: undefined, secondsLeft: undefined, percent };
  const rowsPerSecond = ((last.read - first.read) * 1_000) / (last.at - first.at);
  const secondsLeft =
    total && total > read ? Math.ceil((total - read) / rowsPerSecond) : total ? 0 : undefined;
  return { rowsPerSecond, secondsLeft, percent };
}

/** Seconds as the largest two units: [hours, minutes] or [minutes, seconds] or [0, seconds]. */
export function splitDuration(seconds: number): { hours: number; minutes: number; seconds: number } {
  const whole = Math.max(0, Math.round(seconds));
  return { hours: Math.floor(whole / 3600), minutes: Math.floor((whole % 3600) / 60), seconds: whole % 60 };
}
