import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** A random secret for a cookie or an API token; we store only its SHA-256 (the secret has 256 bits of entropy). */
export const newSecret = (bytes = 32): string => randomBytes(bytes).toString("base64url");

export const sha256 = (value: string): string => createHash("sha256").update(value).digest("hex");

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
