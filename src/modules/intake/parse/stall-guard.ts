/**
 * Turns "waits forever" into an error. exceljs's streaming reader never settles on some damaged archives
 * (an entry that fails to inflate while it is being copied to a temporary file); a damaged upload must
 * give an error, not a request that never ends. The guard fails the awaited step when nothing moved
 * (no input read, no row produced) for `stallMs`. Its timer runs only while someone is waiting.
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
      this.start();
      step.then(
        (value) => {
          this.fail = null;
          this.tick++;
          resolve(value);
        },
        (error: unknown) => {
          this.fail = null;
          reject(error);
        },
      );
    });
  }

  private start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (!this.fail) {
        this.stop(); // nobody is waiting: no timer keeps the process alive
        return;
      }
      if (this.seen === this.tick) {
        const fail = this.fail;
        this.fail = null;
        this.stop();
        fail(new Error(this.message));
        return;
      }
      this.seen = this.tick;
    }, this.stallMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
