import type { FileNotice } from "./issues.ts";
import { TextNotices } from "./text-notices.ts";

/** A line of a line-oriented format (JSONL, whitespace tables); `text` is null when it was over the limit. */
export type TextLine = { line: number; text: string | null };

/**
 * Splits decoded text into lines on LF (a CR before it is dropped), in batches per chunk. A line longer
 * than `maxLineChars` is not kept in memory: it comes out with `text: null` and the reader rejects it.
 */
export async function* splitLines(
  chunks: AsyncIterable<string>,
  maxLineChars: number,
  fileNotices: FileNotice[],
): AsyncGenerator<TextLine[]> {
  const notices = new TextNotices(fileNotices);
  let carry = "";
  let skipping = false;
  let line = 1;
  const finish = (batch: TextLine[], text: string): void => {
    if (skipping) batch.push({ line, text: null });
    else batch.push({ line, text: text.endsWith("\r") ? text.slice(0, -1) : text });
    skipping = false;
    line++;
  };
  for await (const raw of chunks) {
    const chunk = notices.clean(raw, line);
    const batch: TextLine[] = [];
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf("\n", start);
      if (nl < 0) break;
      const piece = chunk.slice(start, nl);
      if (!skipping && carry.length + piece.length > maxLineChars) skipping = true;
      finish(batch, skipping ? "" : carry + piece);
      carry = "";
      start = nl + 1;
    }
    if (!skipping) {
      carry += chunk.slice(start);
      if (carry.length > maxLineChars) {
        skipping = true;
        carry = "";
      }
    }
    if (batch.length > 0) yield batch;
  }
  if (skipping || carry.length > 0) {
    const batch: TextLine[] = [];
    finish(batch, carry);
    yield batch;
  }
}
