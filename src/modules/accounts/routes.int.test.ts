import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp, type Role, roles } from "../../platform/http/index.ts";
import { createTestDatabase, type TestDatabase } from "../../platform/testing/db.ts";
import { registerAccountRoutes } from "./routes.ts";
import { createUser, createWorkspace } from "./service.ts";
import { upsertMember } from "./store.ts";

type Session = { cookie: string; csrf: string };

describe("accounts API", () => {
  let t: TestDatabase;
  let app: FastifyInstance;
  const sessions = new Map<Role, Session>();
  let outsider: Session;

  async function signin(email: string, password = "correct horse"): Promise<Session> {
    const res = await app.inject({ method: "POST", url: "/api/auth/signin", payload: { email, password } });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "storona_sid");
    expect(cookie).toBeDefined();
    return { cookie: `storona_sid=${cookie!.value}`, csrf: res.json().csrfToken };
  }
  const as = (s: Session) => ({ cookie: s.cookie, "x-csrf-token": s.csrf });

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await buildApp({ pool: t.pool, version: "test" });
    registerAccountRoutes(app, {
      pool: t.pool,
      cookieSecure: false,
      signupOpen: true,
      demoLogin: undefined,
      signinPerMinute: 10,
    });
    await app.ready();
    const owner = await createUser(t.pool, {
      email: "owner@x.test",
      name: "Owner",
      password: "correct horse",
    });
    const ws = await createWorkspace(t.pool, { name: "Acme", slug: "acme", ownerId: owner.id });
    for (const role of roles) {
      if (role === "owner") continue;
      const u = await createUser(t.pool, { email: `${role}@x.test`, name: role, password: "correct horse" });
      await upsertMember(t.pool, ws.id, u.id, role);
    }
    await createUser(t.pool, { email: "outsider@x.test", name: "Out", password: "correct horse" });
    await createWorkspace(t.pool, { name: "Other", slug: "other" });
    for (const role of roles) sessions.set(role, await signin(`${role}@x.test`));
    outsider = await signin("outsider@x.test");
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it("stores passwords as argon2id hashes, never in clear", async () => {
    const r = await t.pool.query("SELECT password_hash FROM app_user WHERE email = 'owner@x.test'");
    expect(r.rows[0].password_hash).toMatch(/^\$argon2id\$/);
    expect(r.rows[0].password_hash).not.toContain("correct horse");
  });

  it("signs up, sets an httpOnly SameSite cookie, answers me, and signs out", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: {
        email: "new@x.test",
        name: "Nova",
        password: "long enough",
        workspaceName: "Кав'ярня Світанок",
      },
    });
    expect(res.statusCode).toBe(201);
    const setCookie = String(res.headers["set-cookie"]);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const body = res.json();
    expect(body.workspaces).toEqual([
      expect.objectContaining({ slug: "kav-yarnya-svitanok", role: "owner", isDemo: false }),
    ]);
    const s = { cookie: `storona_sid=${res.cookies[0]!.value}`, csrf: body.csrfToken };
    expect((await app.inject({ url: "/api/auth/me", headers: { cookie: s.cookie } })).statusCode).toBe(200);
    const out = await app.inject({ method: "POST", url: "/api/auth/signout", headers: as(s) });
    expect(out.statusCode).toBe(204);
    expect((await app.inject({ url: "/api/auth/me", headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it("refuses a wrong password, a duplicate e-mail and a short password with clear errors", async () => {
    const bad = await app.inject({
      method: "POST",
      url: "/api/auth/signin",
      payload: { email: "viewer@x.test", password: "nope nope" },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toEqual({
      error: { code: "unauthenticated", message: "E-mail or password is wrong" },
    });
    const dup = await app.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: { email: "OWNER@x.test", password: "long enough" },
    });
    expect(dup.statusCode).toBe(409);
    const short = await app.inject({
      method: "POST",
      url: "/api/auth/signup",
      payload: { email: "s@x.test", password: "short" },
    });
    expect(short.statusCode).toBe(422);
    expect(short.json().error.details[0].path).toBe("password");
  });

  it("names the invalid field on a malformed body (422), with no stack trace", async () => {
    const res = await app.inject({ method: "POST", url: "/api/auth/signin", payload: { email: 42 } });
    expect(res.statusCode).toBe(422);
    const body = res.json();
    expect(body.error.code).toBe("validation");
    expect(body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(["email", "password"]),
    );
    expect(res.body).not.toMatch(/at .*\.ts:\d+/);
  });

  it("rejects cookie-authenticated writes without the CSRF token", async () => {
    const s = sessions.get("owner")!;
    const res = await app.inject({
      method: "PATCH",
      url: "/api/auth/me",
      headers: { cookie: s.cookie },
      payload: { locale: "uk" },
    });
    expect(res.statusCode).toBe(403);
    const ok = await app.inject({
      method: "PATCH",
      url: "/api/auth/me",
      headers: as(s),
      payload: { locale: "uk" },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().user.locale).toBe("uk");
  });

  // Which roles may do what; every boundary is checked for every role.
  type Call = {
    method?: "GET" | "POST" | "PATCH" | "DELETE";
    url: string;
    payload?: Record<string, unknown>;
  };
  const boundaries: Array<{ name: string; allowed: Role[]; call: () => Call }> = [
    {
      name: "read the workspace",
      allowed: [...roles],
      call: () => ({ url: "/api/workspaces/acme/overview" }),
    },
    {
      name: "see members",
      allowed: ["owner", "manager"],
      call: () => ({ url: "/api/workspaces/acme/members" }),
    },
    {
      name: "change settings",
      allowed: ["owner"],
      call: () => ({ method: "PATCH", url: "/api/workspaces/acme", payload: { name: "Acme" } }),
    },
    { name: "list API tokens", allowed: ["owner"], call: () => ({ url: "/api/workspaces/acme/tokens" }) },
    {
      name: "add members",
      allowed: ["owner"],
      call: () => ({
        method: "POST",
        url: "/api/workspaces/acme/members",
        payload: { email: "viewer@x.test", role: "viewer" },
      }),
    },
  ];
  for (const b of boundaries) {
    for (const role of roles) {
      const expected = b.allowed.includes(role) ? "allowed" : "forbidden";
      it(`${role} may${expected === "allowed" ? "" : " not"} ${b.name}`, async () => {
        const req = b.call();
        const res = await app.inject({
          method: req.method ?? "GET",
          url: req.url,
          ...(req.payload ? { payload: req.payload } : {}),
          headers: as(sessions.get(role)!),
        });
        if (expected === "allowed") expect(res.statusCode).toBeLessThan(300);
        else {
          expect(res.statusCode).toBe(403);
          expect(res.json().error.code).toBe("forbidden");
        }
      });
    }
  }

  it("hides workspaces from non-members (404) and from signed-out callers (401)", async () => {
    expect(
      (await app.inject({ url: "/api/workspaces/acme/overview", headers: as(outsider) })).statusCode,
    ).toBe(404);
    expect((await app.inject({ url: "/api/workspaces/acme/overview" })).statusCode).toBe(401);
  });

  it("keeps at least one owner", async () => {
    const owner = sessions.get("owner")!;
    const me = (await app.inject({ url: "/api/auth/me", headers: as(owner) })).json();
    const res = await app.inject({
      method: "PATCH",
      url: `/api/workspaces/acme/members/${me.user.id}`,
      headers: as(owner),
      payload: { role: "viewer" },
    });
    expect(res.statusCode).toBe(409);
  });

  it("issues API tokens shown once, stored hashed, scoped to one workspace, revocable", async () => {
    const owner = sessions.get("owner")!;
    const made = await app.inject({
      method: "POST",
      url: "/api/workspaces/acme/tokens",
      headers: as(owner),
      payload: { name: "shop sync", role: "viewer" },
    });
    expect(made.statusCode).toBe(201);
    const { token, id } = made.json();
    expect(token).toMatch(/^stn_/);
    const stored = await t.pool.query("SELECT token_hash FROM api_token WHERE id = $1", [id]);
    expect(stored.rows[0].token_hash).not.toBe(token);
    const list = await app.inject({ url: "/api/workspaces/acme/tokens", headers: as(owner) });
    expect(list.body).not.toContain(token);

    const bearer = { authorization: `Bearer ${token}` };
    expect((await app.inject({ url: "/api/workspaces/acme/overview", headers: bearer })).statusCode).toBe(
      200,
    );
    // A viewer token cannot manage tokens, and it does not open another workspace.
    expect((await app.inject({ url: "/api/workspaces/acme/tokens", headers: bearer })).statusCode).toBe(403);
    expect((await app.inject({ url: "/api/workspaces/other/overview", headers: bearer })).statusCode).toBe(
      404,
    );
    // A token is not a person.
    expect((await app.inject({ url: "/api/auth/me", headers: bearer })).statusCode).toBe(403);

    const del = await app.inject({
      method: "DELETE",
      url: `/api/workspaces/acme/tokens/${id}`,
      headers: as(owner),
    });
    expect(del.statusCode).toBe(204);
    expect((await app.inject({ url: "/api/workspaces/acme/overview", headers: bearer })).statusCode).toBe(
      401,
    );
  });

  it("serves health and an OpenAPI document built from the route schemas", async () => {
    const h = await app.inject({ url: "/api/health" });
    expect(h.json()).toEqual({ status: "ok", version: "test", database: "ok" });
    const doc = (await app.inject({ url: "/api/docs/json" })).json();
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/api/auth/signin", "/api/workspaces/{ws}/tokens"]),
    );
    const missing = await app.inject({ url: "/api/nope" });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe("not_found");
  });

  it("rate-limits sign-in attempts", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await app.inject({
        method: "POST",
        url: "/api/auth/signin",
        payload: { email: "victim@x.test", password: `guess-${i}` },
      });
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes[10]).toBe(429);
  });
});
