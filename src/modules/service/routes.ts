import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type pg from "pg";
import { z } from "zod";
import { type App, errorSchema, requireWorkspace } from "../../platform/http/index.ts";
import { reportCsv, requestsCsv } from "./csv.ts";
import { rebuildAfterSettings } from "./jobs.ts";
import {
  ordersQuery,
  ordersResponse,
  requestsQuery,
  requestsResponse,
  serviceQuery,
  serviceResponse,
  settingsResponse,
} from "./schemas.ts";
import { serviceOrders, serviceReport, serviceRequests } from "./service.ts";
import { serviceSettingsInput } from "./settings.ts";
import { readServiceSettings, writeServiceSettings } from "./settings-api.ts";

export type ServiceRouteOptions = {
  pool: pg.Pool;
  now?: () => Date;
  /**
   * What to do after the settings were saved; by default a rebuild started in the background (errors go
   * to the log). Tests pass a function that awaits it.
   */
  afterSettings?: (workspaceId: number) => Promise<unknown> | undefined;
  /** Percentiles are exact up to this many requests in the period (service.ts EXACT_LIMIT). */
  exactLimit?: number;
};

const params = z.object({ ws: z.string().min(1).max(64) });
const errors = { 401: errorSchema, 403: errorSchema, 404: errorSchema, 422: errorSchema };
const CSV_ROWS = 100_000;

export function registerServiceRoutes(app: App, o: ServiceRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const now = o.now ?? (() => new Date());
  const afterSettings =
    o.afterSettings ??
    ((id: number) => {
      rebuildAfterSettings(o.pool, id).catch((e: unknown) =>
        app.log.error({ err: e, workspaceId: id }, "service rebuild failed"),
      );
      return undefined;
    });
  const tags = ["service"];
  const csv = (reply: { header: (k: string, v: string) => unknown }, name: string) => {
    reply.header("content-type", "text/csv; charset=utf-8");
    reply.header("content-disposition", `attachment; filename="${name}"`);
  };

  r.get(
    "/api/workspaces/:ws/service",
    {
      preHandler: requireWorkspace(o.pool, "read"),
      schema: {
        tags,
        summary:
          "Waiting: first response and resolution by channel and hour, demand outside working hours, SLAs, order waits",
        params,
        querystring: serviceQuery,
        response: { 200: serviceResponse, ...errors },
      },
    },
    async (req) => serviceReport(o.pool, req.workspace!.id, req.query, now(), { exactLimit: o.exactLimit }),
  );

  r.get(
    "/api/workspaces/:ws/service.csv",
    {
      preHandler: requireWorkspace(o.pool, "export"),
      schema: {
        tags,
        summary: "The service figures as CSV (UTF-8 with BOM)",
        params,
        querystring: serviceQuery,
        response: { 200: z.string(), ...errors },
      },
    },
    async (req, reply) => {
      const report = await serviceReport(o.pool, req.workspace!.id, req.query, now(), {
        exactLimit: o.exactLimit,
      });
      csv(reply, `service-${report.workspace.slug}-${report.period.from}-${report.period.to}.csv`);
      return reply.send(reportCsv(report));
    },
  );

  r.get(
    "/api/workspaces/:ws/service/requests",
    {
      preHandler: requireWorkspace(o.pool, "read"),
      schema: {
        tags,
        summary: "The requests behind a cell of the service page (newest first, a page at a time)",
        params,
        querystring: requestsQuery,
        response: { 200: requestsResponse, ...errors },
      },
    },
    async (req) => serviceRequests(o.pool, req.workspace!.id, req.query, now()),
  );

  r.get(
    "/api/workspaces/:ws/service/requests.csv",
    {
      preHandler: requireWorkspace(o.pool, "export"),
      schema: {
        tags,
        summary: `The requests behind a cell as CSV (up to ${CSV_ROWS.toLocaleString("en")} rows)`,
        params,
        querystring: requestsQuery.omit({ limit: true, offset: true }),
        response: { 200: z.string(), ...errors },
      },
    },
    async (req, reply) => {
      const page = await serviceRequests(
        o.pool,
        req.workspace!.id,
        { ...req.query, limit: CSV_ROWS, offset: 0 },
        now(),
      );
      csv(reply, `service-requests-${req.workspace!.slug}-${page.period.from}-${page.period.to}.csv`);
      return reply.send(requestsCsv(page));
    },
  );

  r.get(
    "/api/workspaces/:ws/service/orders",
    {
      preHandler: requireWorkspace(o.pool, "read"),
      schema: {
        tags,
        summary: "The orders behind a wait bucket or an hour of the week",
        params,
        querystring: ordersQuery,
        response: { 200: ordersResponse, ...errors },
      },
    },
    async (req) => serviceOrders(o.pool, req.workspace!.id, req.query, now()),
  );

  r.get(
    "/api/workspaces/:ws/service/settings",
    {
      preHandler: requireWorkspace(o.pool, "read"),
      schema: {
        tags,
        summary: "Working hours, holidays and SLA policies",
        params,
        response: { 200: settingsResponse, ...errors },
      },
    },
    async (req) => readServiceSettings(o.pool, req.workspace!.id),
  );

  r.put(
    "/api/workspaces/:ws/service/settings",
    {
      preHandler: requireWorkspace(o.pool, "manage_settings"),
      schema: {
        tags,
        summary: "Replace the working hours, holidays and SLA policies; the figures are then recomputed",
        params,
        body: serviceSettingsInput,
        response: { 200: settingsResponse, ...errors },
      },
    },
    async (req) => {
      const id = req.workspace!.id;
      await writeServiceSettings(o.pool, id, req.body);
      await afterSettings(id);
      return readServiceSettings(o.pool, id);
    },
  );
}
