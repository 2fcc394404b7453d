import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type pg from "pg";
import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import { type App, errorSchema, requireWorkspace } from "../../platform/http/index.ts";
import { createBody, effectOut, initiativeOut, updateBody } from "./schemas.ts";
import { checkTarget, initiativeEffect } from "./service.ts";
import * as store from "./store.ts";

export type InitiativeRouteOptions = { pool: pg.Pool; now?: () => Date };

const params = z.object({ ws: z.string().min(1).max(64) });
const idParams = params.extend({ id: z.coerce.number().int().positive() });
const errors = { 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };

export function registerInitiativeRoutes(app: App, o: InitiativeRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { pool } = o;
  const now = o.now ?? (() => new Date());

  r.get(
    "/api/workspaces/:ws/initiatives",
    {
      preHandler: requireWorkspace(pool, "read"),
      schema: {
        tags: ["initiatives"],
        summary: "The pedals pressed: changes to product, process and people",
        params,
        response: { 200: z.object({ initiatives: z.array(initiativeOut) }), ...errors },
      },
    },
    async (req) => ({ initiatives: await store.listInitiatives(pool, req.workspace!.id) }),
  );

  r.post(
    "/api/workspaces/:ws/initiatives",
    {
      preHandler: requireWorkspace(pool, "manage_initiatives"),
      schema: {
        tags: ["initiatives"],
        summary: "Log an initiative",
        params,
        body: createBody,
        response: { 201: initiativeOut, ...errors },
      },
    },
    async (req, reply) => {
      const ws = req.workspace!;
      await checkTarget(pool, ws.id, req.body.target ?? {});
      try {
        const created = await store.insertInitiative(pool, ws.id, {
          ...req.body,
          currency: req.body.currency ?? ws.currency,
        });
        return reply.status(201).send(created);
      } catch (e) {
        if ((e as { code?: string }).code === "23505") {
          throw new AppError("conflict", "An initiative with this external id exists", [
            { path: "externalId", message: "taken" },
          ]);
        }
        throw e;
      }
    },
  );

  r.get(
    "/api/workspaces/:ws/initiatives/:id",
    {
      preHandler: requireWorkspace(pool, "read"),
      schema: {
        tags: ["initiatives"],
        summary: "An initiative and what it did to the needle (difference-in-differences)",
        params: idParams,
        response: { 200: z.object({ initiative: initiativeOut, effect: effectOut }), ...errors },
      },
    },
    async (req) => {
      const ws = req.workspace!;
      const initiative = await store.findInitiative(pool, ws.id, req.params.id);
      if (!initiative) throw new AppError("not_found", `No initiative ${req.params.id}`);
      return { initiative, effect: await initiativeEffect(pool, ws.id, initiative, now()) };
    },
  );

  r.patch(
    "/api/workspaces/:ws/initiatives/:id",
    {
      preHandler: requireWorkspace(pool, "manage_initiatives"),
      schema: {
        tags: ["initiatives"],
        summary: "Change an initiative (status, dates, cost, target…)",
        params: idParams,
        body: updateBody,
        response: { 200: initiativeOut, ...errors },
      },
    },
    async (req) => {
      const ws = req.workspace!;
      if (req.body.target !== undefined) await checkTarget(pool, ws.id, req.body.target);
      const updated = await store.updateInitiative(pool, ws.id, req.params.id, req.body);
      if (!updated) throw new AppError("not_found", `No initiative ${req.params.id}`);
      return updated;
    },
  );
}
