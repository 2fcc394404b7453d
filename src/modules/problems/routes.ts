import type { FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type pg from "pg";
import { z } from "zod";
import { type App, errorSchema, requireWorkspace } from "../../platform/http/index.ts";
import { problemsCsv } from "./csv.ts";
import { registerNotificationRoutes } from "./routes-notifications.ts";
import * as s from "./schemas.ts";
import { reclusterWorkspace } from "./service.ts";
import * as decide from "./service-decisions.ts";
import { problemDetail } from "./service-detail.ts";
import * as manage from "./service-manage.ts";
import { listProblems } from "./service-rank.ts";

export type ProblemRouteOptions = { pool: pg.Pool; now?: () => Date };

const errors = { 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const ok = z.object({ ok: z.literal(true) });
const base = "/api/workspaces/:ws/problems";

/** Who acts: the signed-in person, or null for an API token (the history then shows "via API"). */
const actorOf = (req: FastifyRequest): number | null =>
  req.principal?.kind === "user" ? req.principal.userId : null;

export function registerProblemRoutes(app: App, o: ProblemRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { pool } = o;
  const now = o.now ?? (() => new Date());
  const read = requireWorkspace(pool, "read");
  const write = requireWorkspace(pool, "manage_problems");
  const tags = ["problems"];

  r.get(
    base,
    {
      preHandler: read,
      schema: {
        tags,
        summary:
          "The problems that annoy customers most, ranked: the top 10 first, every part of the score shown",
        params: s.wsParams,
        querystring: s.listQuery,
        response: { 200: s.listResponse, ...errors },
      },
    },
    async (req) => listProblems(pool, req.workspace!, req.query, now()),
  );

  r.get(
    "/api/workspaces/:ws/problems.csv",
    {
      preHandler: requireWorkspace(pool, "export"),
      schema: {
        tags,
        summary: "The ranked problems as CSV (UTF-8 with BOM)",
        params: s.wsParams,
        querystring: s.listQuery,
        response: { 200: z.string(), ...errors },
      },
    },
    async (req, reply) => {
      const list = await listProblems(pool, req.workspace!, req.query, now());
      const day = list.window.to.toISOString().slice(0, 10);
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="problems-${req.workspace!.slug}-${day}.csv"`)
        .send(problemsCsv(list));
    },
  );

  r.post(
    `${base}/recluster`,
    {
      preHandler: requireWorkspace(pool, "analyse"),
      schema: {
        tags,
        summary: "Cluster the complaint texts again (ids, owners and decisions are kept)",
        params: s.wsParams,
        response: { 200: s.reclusterResponse, ...errors },
      },
    },
    async (req) => reclusterWorkspace(pool, req.workspace!.id, { now: now() }),
  );

  r.get(
    `${base}/:id`,
    {
      preHandler: read,
      schema: {
        tags,
        summary:
          "One problem: its figures, quotes, mentions (filtered, paged), history, comments and initiatives",
        params: s.idParams,
        querystring: s.detailQuery,
        response: { 200: s.detailResponse, ...errors },
      },
    },
    async (req) => problemDetail(pool, req.workspace!, req.params.id, req.query, now()),
  );

  r.patch(
    `${base}/:id`,
    {
      preHandler: write,
      schema: {
        tags,
        summary: "Rename, set the owner, status or due date",
        params: s.idParams,
        body: s.patchBody,
        response: { 200: ok, ...errors },
      },
    },
    async (req) => {
      await manage.patchProblem(pool, req.workspace!.id, req.params.id, req.body, actorOf(req), now());
      return { ok: true as const };
    },
  );

  r.post(
    `${base}/:id/merge`,
    {
      preHandler: write,
      schema: {
        tags,
        summary: "Merge other problems into this one",
        params: s.idParams,
        body: s.mergeBody,
        response: { 200: ok, ...errors },
      },
    },
    async (req) => {
      await decide.mergeProblems(pool, req.workspace!.id, req.params.id, req.body.ids, actorOf(req), now());
      return { ok: true as const };
    },
  );

  r.post(
    `${base}/:id/split`,
    {
      preHandler: write,
      schema: {
        tags,
        summary: "Split the given mentions off into a new problem",
        params: s.idParams,
        body: s.splitBody,
        response: { 201: z.object({ id: z.number() }), ...errors },
      },
    },
    async (req, reply) => {
      const id = await decide.splitProblem(
        pool,
        req.workspace!.id,
        req.params.id,
        req.body.mentionIds,
        req.body.label ?? null,
        actorOf(req),
        now(),
      );
      return reply.status(201).send({ id });
    },
  );

  r.post(
    `${base}/:id/mentions/:mid/move`,
    {
      preHandler: write,
      schema: {
        tags,
        summary: "Move one mention to another problem, or to none",
        params: s.mentionParams,
        body: s.moveBody,
        response: { 200: ok, ...errors },
      },
    },
    async (req) => {
      await decide.moveMention(
        pool,
        req.workspace!.id,
        req.params.id,
        req.params.mid,
        req.body.to,
        actorOf(req),
        now(),
      );
      return { ok: true as const };
    },
  );

  r.post(
    `${base}/:id/not-a-problem`,
    {
      preHandler: write,
      schema: {
        tags,
        summary: "Mark as not a problem (or undo)",
        params: s.idParams,
        body: s.notAProblemBody,
        response: { 200: ok, ...errors },
      },
    },
    async (req) => {
      await decide.setNotAProblem(
        pool,
        req.workspace!.id,
        req.params.id,
        !req.body.undo,
        actorOf(req),
        now(),
      );
      return { ok: true as const };
    },
  );

  r.post(
    `${base}/:id/comments`,
    {
      preHandler: write,
      schema: {
        tags,
        summary: "Comment on a problem",
        params: s.idParams,
        body: s.commentBody,
        response: { 201: z.object({ id: z.number() }), ...errors },
      },
    },
    async (req, reply) => {
      const id = await manage.comment(
        pool,
        req.workspace!.id,
        req.params.id,
        req.body.body,
        actorOf(req),
        now(),
      );
      return reply.status(201).send({ id });
    },
  );

  r.post(
    `${base}/:id/initiatives`,
    {
      preHandler: write,
      schema: {
        tags,
        summary: "Link an initiative working on this problem",
        params: s.idParams,
        body: s.linkBody,
        response: { 200: ok, ...errors },
      },
    },
    async (req) => {
      await manage.linkInitiative(
        pool,
        req.workspace!.id,
        req.params.id,
        req.body.initiativeId,
        true,
        actorOf(req),
        now(),
      );
      return { ok: true as const };
    },
  );

  r.delete(
    `${base}/:id/initiatives/:initiativeId`,
    {
      preHandler: write,
      schema: {
        tags,
        summary: "Unlink an initiative",
        params: s.initiativeParams,
        response: { 200: ok, ...errors },
      },
    },
    async (req) => {
      await manage.linkInitiative(
        pool,
        req.workspace!.id,
        req.params.id,
        req.params.initiativeId,
        false,
        actorOf(req),
        now(),
      );
      return { ok: true as const };
    },
  );

  registerNotificationRoutes(app, o);
}
