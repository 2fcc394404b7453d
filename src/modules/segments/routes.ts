import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type pg from "pg";
import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import { type App, can, errorSchema, requireWorkspace } from "../../platform/http/index.ts";
import { customersCsv, segmentsCsv } from "./csv.ts";
import { rebuildSegments } from "./rebuild.ts";
import {
  createBody,
  detailOut,
  previewBody,
  rebuildOut,
  reportOut,
  segmentOut,
  updateBody,
} from "./schemas.ts";
import {
  createRuleSegment,
  deleteSegment,
  previewRule,
  segmentDetail,
  segmentsReport,
  updateSegment,
} from "./service.ts";
import { findSegment, segmentCustomers } from "./store-read.ts";

export type SegmentRouteOptions = {
  pool: pg.Pool;
  now?: () => Date;
  /** passed to rebuildSegments (tests skip the speedometer's recount) */
  speedometer?: boolean;
};

const params = z.object({ ws: z.string().min(1).max(64) });
const idParams = params.extend({ id: z.coerce.number().int().positive() });
const errors = { 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const CSV_ROWS = 200_000;
const tags = ["segments"];

export function registerSegmentRoutes(app: App, o: SegmentRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { pool } = o;
  const now = o.now ?? (() => new Date());
  const csv = (reply: { header: (k: string, v: string) => unknown }, name: string) => {
    reply.header("content-type", "text/csv; charset=utf-8");
    reply.header("content-disposition", `attachment; filename="${name}"`);
  };

  r.get(
    "/api/workspaces/:ws/segments",
    {
      preHandler: requireWorkspace(pool, "read"),
      schema: {
        tags,
        summary: "Whom you serve: RFM, behavioural and rule segments with sizes, profiles, problems and CCI",
        params,
        response: { 200: reportOut, ...errors },
      },
    },
    async (req) => {
      const ws = req.workspace!;
      return segmentsReport(pool, ws.id, now(), { withMembers: can(ws.role, "manage_initiatives") });
    },
  );

  r.get(
    "/api/workspaces/:ws/segments.csv",
    {
      preHandler: requireWorkspace(pool, "export"),
      schema: { tags, summary: "The segments list as CSV", params },
    },
    async (req, reply) => {
      const ws = req.workspace!;
      const report = await segmentsReport(pool, ws.id, now());
      csv(reply, `segments-${ws.slug}.csv`);
      return reply.send(segmentsCsv(report.segments));
    },
  );

  r.post(
    "/api/workspaces/:ws/segments/rebuild",
    {
      preHandler: requireWorkspace(pool, "analyse"),
      schema: {
        tags,
        summary: "Recompute RFM and behavioural segments and the rule segments' members",
        params,
        response: { 200: rebuildOut, ...errors },
      },
    },
    async (req) => {
      const out = await rebuildSegments(pool, req.workspace!.id, { speedometer: o.speedometer });
      return { ...out, asOf: out.asOf?.toISOString() ?? null };
    },
  );

  r.post(
    "/api/workspaces/:ws/segments/preview",
    {
      preHandler: requireWorkspace(pool, "read"),
      schema: {
        tags,
        summary: "How many customers a rule selects now (the rule builder's count)",
        params,
        body: previewBody,
        response: { 200: z.object({ customers: z.number() }), ...errors },
      },
    },
    async (req) => ({ customers: await previewRule(pool, req.workspace!.id, req.body.definition) }),
  );

  r.post(
    "/api/workspaces/:ws/segments",
    {
      preHandler: requireWorkspace(pool, "manage_initiatives"),
      schema: {
        tags,
        summary: "Create a rule segment (its members are computed at once)",
        params,
        body: createBody,
        response: { 201: segmentOut, ...errors },
      },
    },
    async (req, reply) => reply.status(201).send(await createRuleSegment(pool, req.workspace!.id, req.body)),
  );

  r.get(
    "/api/workspaces/:ws/segments/:id",
    {
      preHandler: requireWorkspace(pool, "read"),
      schema: {
        tags,
        summary: "A segment: profile, top problems, CCI and NPS, persona with quotes of its customers",
        params: idParams,
        response: { 200: detailOut, ...errors },
      },
    },
    async (req) => segmentDetail(pool, req.workspace!.id, req.params.id, now()),
  );

  r.patch(
    "/api/workspaces/:ws/segments/:id",
    {
      preHandler: requireWorkspace(pool, "manage_initiatives"),
      schema: {
        tags,
        summary: "Name, owner, target mark, persona text; the rule of a rule segment",
        params: idParams,
        body: updateBody,
        response: { 200: segmentOut, ...errors },
      },
    },
    async (req) => updateSegment(pool, req.workspace!.id, req.params.id, req.body),
  );

  r.delete(
    "/api/workspaces/:ws/segments/:id",
    {
      preHandler: requireWorkspace(pool, "manage_initiatives"),
      schema: {
        tags,
        summary: "Delete a rule segment",
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteSegment(pool, req.workspace!.id, req.params.id);
      return reply.status(204).send(null);
    },
  );

  r.get(
    "/api/workspaces/:ws/segments/:id/customers.csv",
    {
      preHandler: requireWorkspace(pool, "export"),
      schema: { tags, summary: "A segment's customers as CSV (biggest spenders first)", params: idParams },
    },
    async (req, reply) => {
      const ws = req.workspace!;
      const s = await findSegment(pool, ws.id, req.params.id);
      if (!s) throw new AppError("not_found", `No segment ${req.params.id}`);
      const rows = await segmentCustomers(pool, ws.id, s.id, CSV_ROWS);
      csv(reply, `segment-${s.id}-customers-${ws.slug}.csv`);
      return reply.send(customersCsv(rows));
    },
  );
}
