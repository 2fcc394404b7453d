import type { FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type pg from "pg";
import { z } from "zod";
import { type App, errorSchema, requireWorkspace } from "../../platform/http/index.ts";
import { atRiskCustomers, exportContext, moneySummary, updateSettings } from "./report.ts";
import {
  type AtRiskReason,
  atRiskQuery,
  atRiskReasons,
  atRiskResponse,
  fitBody,
  settingsSchema,
  summarySchema,
} from "./schemas.ts";
import { fitWorkspace } from "./service.ts";
import { moneySettingsPatch } from "./settings.ts";
import { valuesCsv } from "./store-read.ts";

export type MoneyRouteOptions = { pool: pg.Pool; now?: () => Date };

const params = z.object({ ws: z.string().min(1).max(64) });
const errors = { 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const tags = ["money"];

export function registerMoneyRoutes(app: App, o: MoneyRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { pool } = o;

  r.get(
    "/api/workspaces/:ws/money",
    {
      preHandler: requireWorkspace(pool, "read"),
      schema: {
        tags,
        summary:
          "What customers are worth: CLV, revenue at risk, satisfied vs dissatisfied value, model diagnostics",
        params,
        response: { 200: summarySchema, ...errors },
      },
    },
    async (req) => moneySummary(pool, req.workspace!.id),
  );

  r.get(
    "/api/workspaces/:ws/money/at-risk",
    {
      preHandler: requireWorkspace(pool, "read"),
      schema: {
        tags,
        summary: "The customers behind revenue at risk, with their reasons (sortable, paginated)",
        params,
        querystring: atRiskQuery,
        response: { 200: atRiskResponse, ...errors },
      },
    },
    async (req) => atRiskCustomers(pool, req.workspace!.id, req.query),
  );

  const csv =
    (atRiskOnly: boolean) =>
    async (req: { workspace?: { id: number }; query: unknown }, reply: FastifyReply) => {
      const ctx = await exportContext(pool, req.workspace!.id);
      // The at-risk export follows the table's reason filter (the same customers the page lists).
      const reason = atRiskOnly ? (req.query as { reason?: AtRiskReason }).reason : undefined;
      const stream = await valuesCsv(pool, ctx.ws.id, ctx.threshold, ctx.digits, atRiskOnly, reason);
      const name = `${atRiskOnly ? `revenue-at-risk${reason ? `-${reason}` : ""}` : "customer-values"}-${ctx.ws.slug}.csv`;
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(stream);
    };
  const csvSchema = (summary: string, querystring = z.object({})) => ({
    preHandler: requireWorkspace(pool, "export"),
    schema: { tags, summary, params, querystring, response: { 200: z.string(), ...errors } },
  });
  r.get(
    "/api/workspaces/:ws/money/at-risk.csv",
    csvSchema(
      "Customers behind revenue at risk as CSV (UTF-8 with BOM; amounts in major units), optionally of one reason",
      z.object({ reason: z.enum(atRiskReasons).optional() }),
    ),
    csv(true),
  );
  r.get(
    "/api/workspaces/:ws/money/customers.csv",
    csvSchema("Every customer's value as CSV (UTF-8 with BOM; amounts in major units)"),
    csv(false),
  );

  r.post(
    "/api/workspaces/:ws/money/fit",
    {
      preHandler: requireWorkspace(pool, "analyse"),
      schema: {
        tags,
        summary: "Fit the models now (as of today or a given day) and return the new summary",
        params,
        body: fitBody.optional(),
        response: { 200: summarySchema, ...errors },
      },
    },
    async (req) => {
      await fitWorkspace(pool, req.workspace!.id, {
        asOf: req.body?.asOf,
        holdoutCutoff: req.body?.holdoutCutoff,
        now: o.now,
      });
      return moneySummary(pool, req.workspace!.id);
    },
  );

  r.patch(
    "/api/workspaces/:ws/money/settings",
    {
      // Managers tune horizon, margin and discount rate, so the analysts' permission suffices here
      // (owner, manager, advocate, analyst); the workspace's own settings still need 'manage_settings'.
      preHandler: requireWorkspace(pool, "analyse"),
      schema: {
        tags,
        summary: "Change the CLV settings (horizon, margin, discount rate, at-risk threshold and period)",
        params,
        body: moneySettingsPatch,
        response: {
          200: z.object({
            settings: settingsSchema,
            /** The current values were computed with other settings: fit again to apply these. */
            refitNeeded: z.boolean(),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const settings = await updateSettings(pool, req.workspace!.id, req.body);
      const summary = await moneySummary(pool, req.workspace!.id);
      return { settings, refitNeeded: summary.fit?.stale ?? false };
    },
  );
}
