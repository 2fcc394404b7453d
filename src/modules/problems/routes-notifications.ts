import type { FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type pg from "pg";
import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import { type App, errorSchema, requireWorkspace } from "../../platform/http/index.ts";
import * as s from "./schemas.ts";
import * as manage from "./store-manage.ts";

/** In-app notifications of the signed-in person in a workspace (problems writes "problem_reopened"). */

const errors = { 401: errorSchema, 403: errorSchema, 404: errorSchema, 422: errorSchema };

const personOf = (req: FastifyRequest): number => {
  const p = req.principal;
  if (p?.kind !== "user")
    throw new AppError("forbidden", "Notifications belong to a signed-in person, not an API token");
  return p.userId;
};

export function registerNotificationRoutes(app: App, o: { pool: pg.Pool; now?: () => Date }): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { pool } = o;
  const now = o.now ?? (() => new Date());
  const read = requireWorkspace(pool, "read");
  const tags = ["notifications"];

  r.get(
    "/api/workspaces/:ws/notifications",
    {
      preHandler: read,
      schema: {
        tags,
        summary: "My notifications in this workspace, newest first",
        params: s.wsParams,
        querystring: z.object({ unread: z.enum(["true", "false"]).optional() }),
        response: { 200: s.notificationsResponse, ...errors },
      },
    },
    async (req) => {
      const rows = await manage.readNotifications(
        pool,
        req.workspace!.id,
        personOf(req),
        req.query.unread === "true",
      );
      return { notifications: rows.map((n) => ({ ...n, payload: n.payload as Record<string, unknown> })) };
    },
  );

  r.post(
    "/api/workspaces/:ws/notifications/:nid/read",
    {
      preHandler: read,
      schema: {
        tags,
        summary: "Mark one notification read",
        params: s.notificationParams,
        response: { 200: z.object({ updated: z.number() }), ...errors },
      },
    },
    async (req) => {
      const updated = await manage.markRead(pool, req.workspace!.id, personOf(req), req.params.nid, now());
      if (updated === 0) throw new AppError("not_found", `No notification ${req.params.nid}`);
      return { updated };
    },
  );

  r.post(
    "/api/workspaces/:ws/notifications/read-all",
    {
      preHandler: read,
      schema: {
        tags,
        summary: "Mark all my notifications read",
        params: s.wsParams,
        response: { 200: z.object({ updated: z.number() }), ...errors },
      },
    },
    async (req) => ({ updated: await manage.markRead(pool, req.workspace!.id, personOf(req), null, now()) }),
  );
}
