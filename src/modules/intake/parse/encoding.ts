import { isAscii } from "node:buffer";
import type { ByteSource } from "./source.ts";

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1251";

export type EncodingGuess = {
  encoding: TextEncodingName;
  bom: boolean;
  /** Why: a byte-order mark, the NUL pattern of UTF-16, valid UTF-8, pure ASCII, or invalid UTF-8 (→ 1251). */
  evidence: "bom" | "utf16-pattern" | "valid-utf8" | "mostly-utf8" | "ascii" | "invalid-utf8" | "given";
};

export type DecodeOptions = {
  /** "auto" (default) sniffs; a name forces it (`--encoding`). */
  encoding?: TextEncodingName | "auto";
  /** How many bytes after the first non-ASCII byte the sniffer looks at. */
  sampleBytes?: number;
  onGuess?: (guess: EncodingGuess) => void;
};

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean =>
  bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);

const bomOf = (bytes: Uint8Array): EncodingGuess | null => {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { encoding: "utf-8", bom: true, evidence: "bom" };
  if (startsWith(bytes, [0xff, 0xfe])) return { encoding: "utf-16le", bom: true, evidence: "bom" };
  if (startsWith(bytes, [0xfe, 0xff])) return { encoding: "utf-16be", bom: true, evidence: "bom" };
  return null;
};

// Excel's "Unicode text" is UTF-16 without a BOM sometimes; Latin and Cyrillic text then has a NUL in
// every other byte, which no UTF-8 or 1251 text does.
const utf16Pattern = (bytes: Uint8Array): EncodingGuess | null => {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 16) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.4 && evenNul <= pairs * 0.05)
    return { encoding: "utf-16le", bom: false, evidence: "utf16-pattern" };
  if (evenNul >= pairs * 0.4 && oddNul <= pairs * 0.05)
    return { encoding: "utf-16be", bom: false, evidence: "utf16-pattern" };
  return null;
};

/** Counts well-formed multi-byte UTF-8 sequences and bytes that break the rules; a cut-off tail is not an error. */
export const scanUtf8 = (bytes: Uint8Array): { valid: number; invalid: number } => {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      invalid++;
      i++;
      continue;
    }
    if (i + need >= n) break; // the sample ends inside this sequence
    let cp = b & (0x3f >> need);
    let ok = true;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) {
        ok = false;
        break;
      }
      cp = (cp << 6) | (c & 0x3f);
    }
    if (ok && cp >= min && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff)) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
};

/** UTF-8 BOM, UTF-16, valid UTF-8 (a few bad bytes tolerated), pure ASCII, else Windows-1251 (1C exports). */
export const sniffEncoding = (sample: Uint8Array): EncodingGuess => {
  const bom = bomOf(sample) ?? utf16Pattern(sample);
  if (bom) return bom;
  const { valid, invalid } = scanUtf8(sample);
  if (invalid === 0) return { encoding: "utf-8", bom: false, evidence: valid > 0 ? "valid-utf8" : "ascii" };
  // A UTF-8 file with a stray broken byte stays UTF-8 (the byte shows as �, reported); 1251 Cyrillic
  // makes invalid sequences on almost every letter, so it never gets near this ratio.
  if (valid >= invalid * 20) return { encoding: "utf-8", bom: false, evidence: "mostly-utf8" };
  return { encoding: "windows-1251", bom: false, evidence: "invalid-utf8" };
};

const firstNonAscii = (bytes: Uint8Array): number => {
  if (isAscii(bytes)) return -1; // native and vectorised: the common case costs almost nothing
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80) return i;
  return -1;
};

const concat = (parts: Uint8Array[]): Uint8Array => (parts.length === 1 ? parts[0]! : Buffer.concat(parts));

const asciiText = (bytes: Uint8Array): string =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");

/**
 * Decodes a byte stream into text chunks. Multi-byte sequences split across chunks are carried over
 * (TextDecoder in stream mode). In "auto" mode the choice between UTF-8 and Windows-1251 waits for the
 * first non-ASCII byte, so a file whose first 10 MB are ASCII is still judged by its Cyrillic part.
 */
export async function* decodeStream(source: ByteSource, options: DecodeOptions = {}): AsyncGenerator<string> {
  const sampleBytes = options.sampleBytes ?? 64 * 1024;
  let decoder: TextDecoder | null = null;
  let pending: Uint8Array[] = [];
  let pendingSize = 0;
  let started = false;
  let asciiOnly = true;

  const choose = (guess: EncodingGuess): void => {
    decoder = new TextDecoder(guess.encoding, { ignoreBOM: false });
    options.onGuess?.(guess);
  };
  if (options.encoding && options.encoding !== "auto") {
    choose({ encoding: options.encoding, bom: false, evidence: "given" });
  }

  // Returns text that can be emitted now, or null while still gathering a sample.
  const feed = (bytes: Uint8Array, end: boolean): string | null => {
    if (decoder) return decoder.decode(bytes, { stream: !end });
    pending.push(bytes);
    pendingSize += bytes.length;
    if (!started) {
      if (pendingSize < 1024 && !end) return null;
      started = true;
      const head = concat(pending);
      pending = [head];
      const fixed = bomOf(head) ?? utf16Pattern(head);
      if (fixed) {
        choose(fixed);
        return flushPending(end);
      }
    }
    if (asciiOnly) {
      const head = concat(pending);
      const at = firstNonAscii(head);
      if (at < 0) {
        pending = [];
        pendingSize = 0;
        return asciiText(head);
      }
      asciiOnly = false;
      const text = asciiText(head.subarray(0, at));
      pending = [head.subarray(at)];
      pendingSize = head.length - at;
      return text + (gatherDone(end) ? decideAndFlush(end) : "");
    }
    return gatherDone(end) ? decideAndFlush(end) : null;
  };
  const gatherDone = (end: boolean): boolean => end || pendingSize >= sampleBytes;
  const decideAndFlush = (end: boolean): string => {
    const sample = concat(pending);
    pending = [sample];
    choose(sniffEncoding(sample.subarray(0, sampleBytes)));
    return flushPending(end);
  };
  const flushPending = (end: boolean): string => {
    const all = concat(pending);
    pending = [];
    pendingSize = 0;
    return (decoder as TextDecoder | null)?.decode(all, { stream: !end }) ?? "";
  };

  for await (const chunk of source) {
    if (typeof chunk === "string") {
      if (!decoder) choose({ encoding: "utf-8", bom: false, evidence: "given" });
      if (chunk.length > 0) yield chunk;
      continue;
    }
    const text = feed(chunk, false);
    if (text) yield text;
  }
  const tail = decoder ? (decoder as TextDecoder).decode() : feed(new Uint8Array(0), true);
  if (!decoder) choose({ encoding: "utf-8", bom: false, evidence: "ascii" });
  if (tail) yield tail;
}
