import { describe, expect, it } from "vitest";
import { decodeStream, scanUtf8, sniffEncoding } from "./encoding.ts";

const win1251 = (text: string): Uint8Array => {
  // Cyrillic А..я are 0xC0..0xFF in Windows-1251; Ё/ё are 0xA8/0xB8; ASCII as is.
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else if (c >= 0x410 && c <= 0x44f) out.push(c - 0x410 + 0xc0);
    else if (c === 0x401) out.push(0xa8);
    else if (c === 0x451) out.push(0xb8);
    else throw new Error(`no 1251 byte for ${ch}`);
  }
  return Uint8Array.from(out);
};

const utf16le = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, "utf16le"));

const decodeAll = async (chunks: Uint8Array[], onGuess?: (e: string) => void): Promise<string> => {
  let out = "";
  for await (const t of decodeStream(chunks, { onGuess: (g) => onGuess?.(g.encoding) })) out += t;
  return out;
};

const oneByteChunks = (bytes: Uint8Array): Uint8Array[] => Array.from(bytes, (b) => Uint8Array.of(b));

describe("sniffEncoding", () => {
  it("recognises a UTF-8 BOM", () => {
    expect(sniffEncoding(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41))).toEqual({
      encoding: "utf-8",
      bom: true,
      evidence: "bom",
    });
  });

  it("takes valid UTF-8 Cyrillic as UTF-8 and 1C's Windows-1251 as 1251", () => {
    expect(sniffEncoding(new TextEncoder().encode("Дата;Сумма;Клиент")).encoding).toBe("utf-8");
    expect(sniffEncoding(win1251("Дата;Сумма;Клиент\r\n01.02.2024;100;Ёлкин")).encoding).toBe("windows-1251");
  });

  it("calls pure ASCII UTF-8 and keeps a UTF-8 file with one broken byte UTF-8", () => {
    expect(sniffEncoding(new TextEncoder().encode("a,b\n1,2")).evidence).toBe("ascii");
    const text = new TextEncoder().encode("Привет, как дела? Всё хорошо. ".repeat(3));
    const broken = Uint8Array.from([...text, 0xff, 0x41]);
    expect(sniffEncoding(broken)).toMatchObject({ encoding: "utf-8", evidence: "mostly-utf8" });
  });

  it("does not count a multi-byte sequence cut by the end of the sample as invalid", () => {
    const bytes = new TextEncoder().encode("ЖЖ");
    expect(scanUtf8(bytes.subarray(0, 3))).toEqual({ valid: 1, invalid: 0 });
  });

  it("spots UTF-16 without a BOM by its NUL pattern", () => {
    expect(sniffEncoding(utf16le("date\tamount\n2024-01-01\t5\n")).encoding).toBe("utf-16le");
  });

  it("rejects overlong and surrogate encodings as UTF-8", () => {
    expect(scanUtf8(Uint8Array.of(0xc0, 0xaf)).invalid).toBeGreaterThan(0);
    expect(scanUtf8(Uint8Array.of(0xed, 0xa0, 0x80)).invalid).toBeGreaterThan(0);
  });
});

describe("decodeStream", () => {
  it("reassembles UTF-8 sequences split across chunks, one byte at a time", async () => {
    const text = "Дата,Сума\n2024-01-01,«100 ₴» 😀\n";
    expect(await decodeAll(oneByteChunks(new TextEncoder().encode(text)))).toBe(text);
  });

  it("drops the BOM, even when it arrives split", async () => {
    const bytes = new TextEncoder().encode("\ufeffa,b\n");
    expect(await decodeAll(oneByteChunks(bytes))).toBe("a,b\n");
  });

  it("decodes Windows-1251 and reports the guess", async () => {
    let guess = "";
    const text = "Покупатель;Сумма\r\nЁлкин;12,50\r\n";
    expect(await decodeAll([win1251(text)], (g) => (guess = g))).toBe(text);
    expect(guess).toBe("windows-1251");
  });

  it("waits for the first non-ASCII byte: 100 KB of ASCII, then 1251 Cyrillic", async () => {
    const ascii = "1,2\n".repeat(25_000);
    const bytes = Uint8Array.from([...new TextEncoder().encode(ascii), ...win1251("Иван,Петров\n")]);
    const chunks = [];
    for (let k = 0; k < bytes.length; k += 4096) chunks.push(bytes.subarray(k, k + 4096));
    let guess = "";
    expect(await decodeAll(chunks, (g) => (guess = g))).toBe(`${ascii}Иван,Петров\n`);
    expect(guess).toBe("windows-1251");
  });

  it("decodes UTF-16LE with a BOM", async () => {
    const bytes = Uint8Array.from([0xff, 0xfe, ...utf16le("Дата\tСумма\n")]);
    expect(await decodeAll(oneByteChunks(bytes))).toBe("Дата\tСумма\n");
  });

  it("handles an empty input and a forced encoding", async () => {
    expect(await decodeAll([])).toBe("");
    let out = "";
    for await (const t of decodeStream([win1251("Да")], { encoding: "windows-1251" })) out += t;
    expect(out).toBe("Да");
  });
});
