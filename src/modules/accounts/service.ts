import type pg from "pg";
import { AppError } from "../../platform/errors.ts";
import { newApiToken, type Role } from "../../platform/http/index.ts";
import { dummyHash, hashPassword, passwordProblem, verifyPassword } from "./passwords.ts";
import { slugify } from "./slug.ts";
import * as store from "./store.ts";

/** Accounts: people, workspaces, who belongs where with which role, and machine tokens. */

export type Locale = "ru" | "uk" | "en";
export type Me = {
  user: { id: number; email: string; name: string; locale: Locale };
  workspaces: Array<{ id: number; slug: string; name: string; role: Role; isDemo: boolean }>;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export async function me(pool: pg.Pool, userId: number): Promise<Me> {
  const user = await store.findUser(pool, userId);
  if (!user) throw new AppError("unauthenticated", "Your account no longer exists");
  const ws = await store.workspacesOf(pool, userId);
  return {
    user: { id: user.id, email: user.email, name: user.name, locale: user.locale },
    workspaces: ws.map((w) => ({ id: w.id, slug: w.slug, name: w.name, role: w.role, isDemo: w.is_demo })),
  };
}

export async function createUser(
  pool: pg.Pool,
  input: { email: string; name: string; password: string; locale?: Locale },
): Promise<store.UserRow> {
  const email = input.email.trim();
  if (!EMAIL.test(email)) {
    throw new AppError("validation", "The e-mail address is not valid", [
      { path: "email", message: "not an e-mail" },
    ]);
  }
  const problem = passwordProblem(input.password);
  if (problem) {
    throw new AppError("validation", `The password needs ${problem}`, [
      { path: "password", message: problem },
    ]);
  }
  const name = input.name.trim() || email.split("@")[0] || email;
  const user = await store.insertUser(pool, {
    email,
    name,
    passwordHash: await hashPassword(input.password),
    locale: input.locale ?? "en",
  });
  if (!user) {
    throw new AppError("conflict", "An account with this e-mail already exists", [
      { path: "email", message: "taken" },
    ]);
  }
  return user;
}

export async function authenticate(pool: pg.Pool, email: string, password: string): Promise<store.UserRow> {
  const user = await store.findUserByEmail(pool, email.trim());
  // Verify against a dummy hash when the e-mail is unknown so both answers take the same time.
  const ok = await verifyPassword(user?.password_hash ?? (await dummyHash), password);
  if (!user || !ok) throw new AppError("unauthenticated", "E-mail or password is wrong");
  return user;
}

export async function createWorkspace(
  pool: pg.Pool,
  input: {
    name: string;
    slug?: string;
    currency?: string;
    timeZone?: string;
    ownerId?: number;
    isDemo?: boolean;
  },
): Promise<store.WorkspaceRow> {
  const name = input.name.trim();
  if (!name)
    throw new AppError("validation", "The workspace needs a name", [{ path: "name", message: "required" }]);
  const currency = (input.currency ?? "EUR").toUpperCase();
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new AppError("validation", "Currency must be a 3-letter ISO code such as UAH or EUR", [
      { path: "currency", message: "not an ISO 4217 code" },
    ]);
  }
  const timeZone = input.timeZone ?? "Europe/Kyiv";
  if (!isTimeZone(timeZone)) {
    throw new AppError("validation", `Unknown time zone '${timeZone}'`, [
      { path: "timeZone", message: "unknown" },
    ]);
  }
  const base = input.slug ?? slugify(name);
  if (!/^[a-z0-9][a-z0-9-]{1,39}$/.test(base)) {
    throw new AppError("validation", "The short name may hold only a-z, 0-9 and '-', 2 to 40 characters", [
      { path: "slug", message: "invalid" },
    ]);
  }
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    let row: store.WorkspaceRow | undefined;
    // An explicit slug must be free; a derived one gets a number appended until it is.
    for (let i = 1; !row && i < 100; i++) {
      const slug = i === 1 ? base : `${base.slice(0, 36)}-${i}`;
      row = await store.insertWorkspace(client, { slug, name, currency, timeZone, isDemo: input.isDemo });
      if (!row && input.slug) break;
    }
    if (!row)
      throw new AppError("conflict", `The short name '${base}' is taken`, [
        { path: "slug", message: "taken" },
      ]);
    if (input.ownerId !== undefined) await store.upsertMember(client, row.id, input.ownerId, "owner");
    await client.query("COMMIT");
    return row;
  } catch (e) {
    await client.query("ROLLBACK");
    throw e;
  } finally {
    client.release();
  }
}

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export async function addMember(
  pool: pg.Pool,
  workspaceId: number,
  email: string,
  role: Role,
): Promise<void> {
  const user = await store.findUserByEmail(pool, email);
  if (!user) {
    throw new AppError("not_found", `No account with the e-mail ${email}; ask them to sign up first`, [
      { path: "email", message: "no such account" },
    ]);
  }
  const current = await store.memberRole(pool, workspaceId, user.id);
  if (current === "owner" && role !== "owner") await guardLastOwner(pool, workspaceId);
  await store.upsertMember(pool, workspaceId, user.id, role);
}

async function guardLastOwner(pool: pg.Pool, workspaceId: number): Promise<void> {
  if ((await store.ownerCount(pool, workspaceId)) <= 1) {
    throw new AppError("conflict", "A workspace must keep at least one owner");
  }
}

export async function changeRole(
  pool: pg.Pool,
  workspaceId: number,
  userId: number,
  role: Role,
): Promise<void> {
  const current = await store.memberRole(pool, workspaceId, userId);
  if (!current) throw new AppError("not_found", "This person is not a member of the workspace");
  if (current === "owner" && role !== "owner") await guardLastOwner(pool, workspaceId);
  await store.upsertMember(pool, workspaceId, userId, role);
}

export async function removeMember(pool: pg.Pool, workspaceId: number, userId: number): Promise<void> {
  const current = await store.memberRole(pool, workspaceId, userId);
  if (!current) throw new AppError("not_found", "This person is not a member of the workspace");
  if (current === "owner") await guardLastOwner(pool, workspaceId);
  await store.deleteMember(pool, workspaceId, userId);
}

export async function issueToken(
  pool: pg.Pool,
  workspaceId: number,
  input: { name: string; role: Role; createdBy: number | null },
) {
  const t = newApiToken();
  const row = await store.insertToken(pool, {
    workspaceId,
    name: input.name,
    prefix: t.prefix,
    hash: t.hash,
    role: input.role,
    createdBy: input.createdBy,
  });
  return { token: t.token, id: row.id, name: input.name, prefix: t.prefix, role: input.role };
}
