import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with OWASP's minimum: 19 MiB, 2 passes, 1 lane.
const params = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, params);

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** Compared against when the e-mail is unknown, so the answer takes as long as for a known one. */
export const dummyHash = hash("not-a-real-password", params);

export function passwordProblem(password: string): string | undefined {
  if (password.length < 8) return "at least 8 characters";
  if (password.length > 200) return "at most 200 characters";
  return undefined;
}
