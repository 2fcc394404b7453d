import { open } from "node:fs/promises";
import { FastOrderRows, type FastOrdersLane, type SourceRow } from "./parse/index.ts";

const CHUNK = 1 << 20;

export type LaneStop = { offset: number; line: number };

/**
 * Reads the file from byte `offset` (physical line `line`) with the fast lane, handing each batch of at
 * most `size` rows — the lane's own rows and the lines it handed back — to `emit` (which must be done with
 * `fast`, whose rows point into a reused buffer, when it resolves). Returns where the lane stopped (a line
 * only the full tokenizer can read), or undefined at the end of the file.
 */
export async function scanLane(
  lane: FastOrdersLane,
  file: string,
  offset: number,
  line: number,
  size: number,
  emit: (fast: FastOrderRows, slow: SourceRow[], lastLine: number) => Promise<void>,
): Promise<LaneStop | undefined> {
  const fh = await open(file, "r");
  const fast = new FastOrderRows();
  let slow: SourceRow[] = [];
  let buf = Buffer.allocUnsafe(CHUNK);
  let spare = Buffer.allocUnsafe(CHUNK);
  let filled = 0; // bytes in buf (a partial line carried from the last read first)
  let pos = offset; // file offset of buf[0]
  let at = line;
  let lastLine = line - 1;
  const flush = async () => {
    if (fast.n === 0 && slow.length === 0) return;
    await emit(fast, slow, lastLine);
    fast.reset(buf);
    slow = [];
  };
  try {
    fast.reset(buf);
    for (;;) {
      const { bytesRead } = await fh.read(buf, filled, buf.length - filled, pos + filled);
      const end = filled + bytesRead;
      const eof = bytesRead === 0;
      let k = 0;
      for (;;) {
        let lf = buf.indexOf(10, k);
        if (lf < 0 || lf >= end) {
          if (!eof || k >= end) break;
          lf = end; // the last line, without a line break
        }
        const outcome = lane.line(buf, k, lf, at, fast, slow);
        if (outcome === "stop") {
          await flush();
          return { offset: pos + k, line: at };
        }
        lastLine = at;
        at++;
        k = lf + 1;
        if (fast.n + slow.length >= size) await flush();
      }
      // Rows point into buf: they go before its bytes are reused.
      await flush();
      if (eof) return undefined;
      if (k === 0 && end === buf.length) {
        // No line break in a whole chunk: a line for the full tokenizer.
        return { offset: pos, line: at };
      }
      // The unfinished line moves to the front of the other buffer.
      buf.copy(spare, 0, k, end);
      [buf, spare] = [spare, buf];
      fast.reset(buf);
      pos += k;
      filled = end - k;
    }
  } finally {
    await fh.close();
  }
}
