/**
 * Turns "waits forever" into an error. exceljs's streaming reader never settles on some damaged archives
 * (an entry that fails to inflate while it is being copied to a temporary file); a damaged upload must
 * give an error, not a request that never ends. The guard fails the awaited step when nothing moved
 * (no input read, no row produced) for `stallMs`. Its timer keeps the process alive only while someone is
 * waiting (ref/unref), so a finished import exits at once; `stop()` ends it for good.
 */
export class StallGuard {
  private tick = 0;
  private seen = -1;
  private fail: ((error: Error) => void) | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly stallMs: number;
  private readonly message: string;

  constructor(stallMs: number, message: string) {
    this.stallMs = stallMs;
    this.message = message;
  }

  /** Something moved (bytes read, a row parsed). */
  progress(): void {
    this.tick++;
  }

  wait<T>(step: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.fail = reject;
      this.seen = -1;
      this.start().ref();
      step.then(
        (value) => {
          this.settle();
          this.tick++;
          resolve(value);
        },
        (error: unknown) => {
          this.settle();
          reject(error);
        },
      );
    });
  }

  private settle(): void {
    this.fail = null;
    this.timer?.unref();
  }

  private start(): ReturnType<typeof setInterval> {
    if (this.timer) return this.timer;
    this.timer = setInterval(() => {
      if (!this.fail) return;
      if (this.seen === this.tick) {
        const fail = this.fail;
        this.fail = null;
        this.stop();
        fail(new Error(this.message));
        return;
      }
      this.seen = this.tick;
    }, this.stallMs);
    return this.timer;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
