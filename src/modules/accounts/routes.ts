import type { FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type pg from "pg";
import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import {
  type App,
  createSession,
  destroySession,
  errorSchema,
  requireUser,
  requireWorkspace,
  roles,
  SESSION_COOKIE,
  sessionCookieOptions,
} from "../../platform/http/index.ts";
import * as service from "./service.ts";
import * as store from "./store.ts";

export type AccountsRouteOptions = {
  pool: pg.Pool;
  cookieSecure: boolean;
  signupOpen: boolean;
  demoLogin: { email: string; password: string } | undefined;
  /** Sign-in attempts allowed per minute per client address and e-mail. */
  signinPerMinute?: number;
};

const locale = z.enum(["ru", "uk", "en"]);
const role = z.enum(roles);
const tokenRole = z.enum(["manager", "agent", "analyst", "viewer"]);
const meSchema = z.object({
  user: z.object({ id: z.number(), email: z.string(), name: z.string(), locale }),
  csrfToken: z.string(),
  workspaces: z.array(
    z.object({ id: z.number(), slug: z.string(), name: z.string(), role, isDemo: z.boolean() }),
  ),
});
const wsParams = z.object({ ws: z.string().min(1).max(64) });
const errors = { 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

export function registerAccountRoutes(app: App, o: AccountsRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { pool } = o;

  async function startSession(reply: FastifyReply, userId: number) {
    const { sid, csrfToken } = await createSession(pool, userId);
    reply.setCookie(SESSION_COOKIE, sid, sessionCookieOptions(o.cookieSecure));
    return { ...(await service.me(pool, userId)), csrfToken };
  }

  r.get(
    "/api/auth/config",
    {
      schema: {
        tags: ["auth"],
        summary: "What the sign-in page needs to know",
        response: {
          200: z.object({
            signupOpen: z.boolean(),
            demo: z.object({ email: z.string(), password: z.string() }).nullable(),
          }),
        },
      },
    },
    async () => ({ signupOpen: o.signupOpen, demo: o.demoLogin ?? null }),
  );

  r.post(
    "/api/auth/signin",
    {
      config: {
        csrf: false,
        rateLimit: {
          hook: "preHandler",
          max: o.signinPerMinute ?? 10,
          timeWindow: "1 minute",
          keyGenerator: (req) =>
            `${req.ip}|${String((req.body as { email?: string } | undefined)?.email ?? "").toLowerCase()}`,
        },
      },
      schema: {
        tags: ["auth"],
        summary: "Sign in with e-mail and password",
        body: z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(200) }),
        response: { 200: meSchema, ...errors },
      },
    },
    async (req, reply) => {
      const user = await service.authenticate(pool, req.body.email, req.body.password);
      return startSession(reply, user.id);
    },
  );

  r.post(
    "/api/auth/signup",
    {
      config: { csrf: false, rateLimit: { max: 20, timeWindow: "1 minute" } },
      schema: {
        tags: ["auth"],
        summary: "Create an account (and optionally a workspace you own)",
        body: z.object({
          email: z.string().min(3).max(320),
          name: z.string().max(200).default(""),
          password: z.string().max(200),
          workspaceName: z.string().max(200).optional(),
          locale: locale.optional(),
        }),
        response: { 201: meSchema, ...errors },
      },
    },
    async (req, reply) => {
      if (!o.signupOpen) throw new AppError("forbidden", "Sign-up is closed on this server; ask an owner");
      const user = await service.createUser(pool, req.body);
      if (req.body.workspaceName?.trim()) {
        await service.createWorkspace(pool, { name: req.body.workspaceName, ownerId: user.id });
      }
      return reply.status(201).send(await startSession(reply, user.id));
    },
  );

  r.post(
    "/api/auth/signout",
    { schema: { tags: ["auth"], summary: "Sign out", response: { 204: z.null(), 401: errorSchema } } },
    async (req, reply) => {
      const p = req.principal;
      if (p?.kind === "user") await destroySession(pool, p.sessionHash);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return reply.status(204).send(null);
    },
  );

  r.get(
    "/api/auth/me",
    {
      schema: {
        tags: ["auth"],
        summary: "Who am I",
        response: { 200: meSchema, 401: errorSchema, 403: errorSchema },
      },
    },
    async (req) => {
      const p = requireUser(req);
      return { ...(await service.me(pool, p.userId)), csrfToken: p.csrfToken };
    },
  );

  r.patch(
    "/api/auth/me",
    {
      schema: {
        tags: ["auth"],
        summary: "Change my language or name",
        body: z.object({ locale: locale.optional(), name: z.string().min(1).max(200).optional() }),
        response: { 200: meSchema, ...errors },
      },
    },
    async (req) => {
      const p = requireUser(req);
      await store.updateUser(pool, p.userId, req.body);
      return { ...(await service.me(pool, p.userId)), csrfToken: p.csrfToken };
    },
  );

  registerWorkspaceRoutes(app, o);
}

function registerWorkspaceRoutes(app: App, o: AccountsRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { pool } = o;
  const wsOut = z.object({
    id: z.number(),
    slug: z.string(),
    name: z.string(),
    currency: z.string(),
    timeZone: z.string(),
    locales: z.array(z.string()),
    role,
    isDemo: z.boolean(),
    createdAt: z.date(),
  });
  const toOut = (w: store.WorkspaceRow, myRole: (typeof roles)[number]) => ({
    id: w.id,
    slug: w.slug,
    name: w.name,
    currency: w.currency.trim(),
    timeZone: w.time_zone,
    locales: w.locales,
    role: myRole,
    isDemo: w.is_demo,
    createdAt: w.created_at,
  });

  r.get(
    "/api/workspaces",
    {
      schema: {
        tags: ["workspaces"],
        summary: "My workspaces",
        response: { 200: meSchema.pick({ workspaces: true }), ...errors },
      },
    },
    async (req) => {
      const p = requireUser(req);
      return { workspaces: (await service.me(pool, p.userId)).workspaces };
    },
  );

  r.post(
    "/api/workspaces",
    {
      schema: {
        tags: ["workspaces"],
        summary: "Create a workspace (you become its owner)",
        body: z.object({
          name: z.string().min(1).max(200),
          slug: z.string().max(40).optional(),
          currency: z.string().length(3).optional(),
          timeZone: z.string().max(64).optional(),
        }),
        response: { 201: wsOut, ...errors },
      },
    },
    async (req, reply) => {
      const p = requireUser(req);
      const w = await service.createWorkspace(pool, { ...req.body, ownerId: p.userId });
      return reply.status(201).send(toOut(w, "owner"));
    },
  );

  r.get(
    "/api/workspaces/:ws",
    {
      preHandler: requireWorkspace(pool, "read"),
      schema: {
        tags: ["workspaces"],
        summary: "A workspace",
        params: wsParams,
        response: { 200: wsOut, ...errors },
      },
    },
    async (req) => {
      const w = await store.findWorkspace(pool, String(req.workspace!.id));
      if (!w) throw new AppError("not_found", "No such workspace");
      return toOut(w, req.workspace!.role);
    },
  );

  r.patch(
    "/api/workspaces/:ws",
    {
      preHandler: requireWorkspace(pool, "manage_settings"),
      schema: {
        tags: ["workspaces"],
        summary: "Rename a workspace or change its currency or time zone",
        params: wsParams,
        body: z.object({
          name: z.string().min(1).max(200).optional(),
          currency: z
            .string()
            .regex(/^[A-Za-z]{3}$/)
            .transform((s) => s.toUpperCase())
            .optional(),
          timeZone: z.string().refine(service.isTimeZone, "unknown time zone").optional(),
        }),
        response: { 200: wsOut, ...errors },
      },
    },
    async (req) => {
      await store.updateWorkspace(pool, req.workspace!.id, req.body);
      const w = await store.findWorkspace(pool, String(req.workspace!.id));
      return toOut(w!, req.workspace!.role);
    },
  );

  r.get(
    "/api/workspaces/:ws/overview",
    {
      preHandler: requireWorkspace(pool, "read"),
      schema: {
        tags: ["workspaces"],
        summary: "What data the workspace holds",
        params: wsParams,
        response: {
          200: z.object({
            counts: z.object({
              customers: z.number(),
              orders: z.number(),
              requests: z.number(),
              feedback: z.number(),
              locations: z.number(),
              initiatives: z.number(),
            }),
            firstOrderAt: z.date().nullable(),
            lastOrderAt: z.date().nullable(),
            currency: z.string(),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const { firstOrderAt, lastOrderAt, ...counts } = await store.overviewCounts(pool, req.workspace!.id);
      return { counts, firstOrderAt, lastOrderAt, currency: req.workspace!.currency };
    },
  );

  registerMemberRoutes(app, o);
}

function registerMemberRoutes(app: App, o: AccountsRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { pool } = o;
  const member = z.object({
    userId: z.number(),
    email: z.string(),
    name: z.string(),
    role,
    createdAt: z.date(),
  });
  const userParams = wsParams.extend({ userId: z.coerce.number().int().positive() });

  r.get(
    "/api/workspaces/:ws/members",
    {
      preHandler: requireWorkspace(pool, "read"),
      schema: {
        tags: ["workspaces"],
        summary: "Who belongs to the workspace",
        params: wsParams,
        response: { 200: z.object({ members: z.array(member) }), ...errors },
      },
    },
    async (req) => {
      const role = req.workspace!.role;
      if (role !== "owner" && role !== "manager") {
        throw new AppError("forbidden", `Your role '${role}' may not see the member list`);
      }
      return { members: await store.listMembers(pool, req.workspace!.id) };
    },
  );

  r.post(
    "/api/workspaces/:ws/members",
    {
      preHandler: requireWorkspace(pool, "manage_members"),
      schema: {
        tags: ["workspaces"],
        summary: "Add a person (who has an account) with a role",
        params: wsParams,
        body: z.object({ email: z.string().min(3).max(320), role }),
        response: { 201: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (req, reply) => {
      await service.addMember(pool, req.workspace!.id, req.body.email, req.body.role);
      return reply.status(201).send({ ok: true as const });
    },
  );

  r.patch(
    "/api/workspaces/:ws/members/:userId",
    {
      preHandler: requireWorkspace(pool, "manage_members"),
      schema: {
        tags: ["workspaces"],
        summary: "Change a member's role",
        params: userParams,
        body: z.object({ role }),
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
    },
    async (req) => {
      await service.changeRole(pool, req.workspace!.id, req.params.userId, req.body.role);
      return { ok: true as const };
    },
  );

  r.delete(
    "/api/workspaces/:ws/members/:userId",
    {
      preHandler: requireWorkspace(pool, "manage_members"),
      schema: {
        tags: ["workspaces"],
        summary: "Remove a member",
        params: userParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await service.removeMember(pool, req.workspace!.id, req.params.userId);
      return reply.status(204).send(null);
    },
  );

  const tokenOut = z.object({
    id: z.number(),
    name: z.string(),
    prefix: z.string(),
    role: tokenRole,
    createdAt: z.date(),
    lastUsedAt: z.date().nullable(),
    revokedAt: z.date().nullable(),
  });

  r.get(
    "/api/workspaces/:ws/tokens",
    {
      preHandler: requireWorkspace(pool, "manage_tokens"),
      schema: {
        tags: ["workspaces"],
        summary: "API tokens (never the secrets)",
        params: wsParams,
        response: { 200: z.object({ tokens: z.array(tokenOut) }), ...errors },
      },
    },
    async (req) => ({
      tokens: (await store.listTokens(pool, req.workspace!.id)).map((t) => ({
        ...t,
        role: tokenRole.parse(t.role),
      })),
    }),
  );

  r.post(
    "/api/workspaces/:ws/tokens",
    {
      preHandler: requireWorkspace(pool, "manage_tokens"),
      schema: {
        tags: ["workspaces"],
        summary: "Create an API token; its secret is shown in this answer only",
        params: wsParams,
        body: z.object({ name: z.string().min(1).max(100), role: tokenRole.default("manager") }),
        response: {
          201: z.object({
            token: z.string(),
            id: z.number(),
            name: z.string(),
            prefix: z.string(),
            role: tokenRole,
          }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      const p = req.principal;
      const t = await service.issueToken(pool, req.workspace!.id, {
        name: req.body.name,
        role: req.body.role,
        createdBy: p?.kind === "user" ? p.userId : null,
      });
      return reply.status(201).send({ ...t, role: req.body.role });
    },
  );

  r.delete(
    "/api/workspaces/:ws/tokens/:id",
    {
      preHandler: requireWorkspace(pool, "manage_tokens"),
      schema: {
        tags: ["workspaces"],
        summary: "Revoke an API token",
        params: wsParams.extend({ id: z.coerce.number().int().positive() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      const n = await store.revokeToken(pool, req.workspace!.id, req.params.id);
      if (n === 0) throw new AppError("not_found", "No such token");
      return reply.status(204).send(null);
    },
  );
}
