import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type pg from "pg";
import { z } from "zod";
import { type App, errorSchema, requireWorkspace } from "../../platform/http/index.ts";
import { speedometerCsv } from "./csv.ts";
import { speedometerQuery, speedometerResponse } from "./schemas.ts";
import { speedometerReport } from "./service.ts";

export type SpeedometerRouteOptions = { pool: pg.Pool; now?: () => Date };

const params = z.object({ ws: z.string().min(1).max(64) });
const errors = { 401: errorSchema, 403: errorSchema, 404: errorSchema, 422: errorSchema };

export function registerSpeedometerRoutes(app: App, o: SpeedometerRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = o.now ?? (() => new Date());

  r.get(
    "/api/workspaces/:ws/speedometer",
    {
      preHandler: requireWorkspace(o.pool, "read"),
      schema: {
        tags: ["speedometer"],
        summary:
          "How customers judge the business by what they do: the CCI, its components and the stated scores",
        params,
        querystring: speedometerQuery,
        response: { 200: speedometerResponse, ...errors },
      },
    },
    async (req) => speedometerReport(o.pool, req.workspace!.id, req.query, now()),
  );

  r.get(
    "/api/workspaces/:ws/speedometer.csv",
    {
      preHandler: requireWorkspace(o.pool, "export"),
      schema: {
        tags: ["speedometer"],
        summary: "The speedometer's figures as CSV (UTF-8 with BOM)",
        params,
        querystring: speedometerQuery,
        response: { 200: z.string(), ...errors },
      },
    },
    async (req, reply) => {
      const report = await speedometerReport(o.pool, req.workspace!.id, req.query, now());
      const name = `speedometer-${report.workspace.slug}-${report.period.from}-${report.period.to}.csv`;
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(speedometerCsv(report));
    },
  );
}
