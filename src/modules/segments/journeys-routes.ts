import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type pg from "pg";
import { z } from "zod";
import { type App, errorSchema, requireWorkspace } from "../../platform/http/index.ts";
import {
  journeyCreateBody,
  journeyListOut,
  journeyOptionsOut,
  journeyOut,
  journeyUpdateBody,
  stageCreateBody,
  stageUpdateBody,
  touchpointCreateBody,
  touchpointUpdateBody,
} from "./journeys-schemas.ts";
import { journeyMap, journeyOptions } from "./journeys-service.ts";
import {
  createJourney,
  createStage,
  createTouchpoint,
  deleteJourney,
  deleteStage,
  deleteTouchpoint,
  listJourneys,
  updateJourney,
  updateStage,
  updateTouchpoint,
} from "./journeys-store.ts";

export type JourneyRouteOptions = { pool: pg.Pool };

const params = z.object({ ws: z.string().min(1).max(64) });
const idParams = params.extend({ id: z.coerce.number().int().positive() });
const stageParams = idParams.extend({ stageId: z.coerce.number().int().positive() });
const touchpointParams = idParams.extend({ touchpointId: z.coerce.number().int().positive() });
const errors = { 401: errorSchema, 403: errorSchema, 404: errorSchema, 409: errorSchema, 422: errorSchema };
const tags = ["segments"];
/** Every role that may change settings may also analyse (roles.ts), so 'analyse' admits both. */
const EDIT = "analyse" as const;

/**
 * Customer journey maps: read with 'read', edit with 'analyse' (which every 'manage_settings' role has).
 * Every edit answers with the whole map, figures included, so the editor redraws from one response.
 */
export function registerJourneyRoutes(app: App, o: JourneyRouteOptions): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { pool } = o;
  const base = "/api/workspaces/:ws/journeys";

  r.get(
    base,
    {
      preHandler: requireWorkspace(pool, "read"),
      schema: {
        tags,
        summary: "Customer journey maps",
        params,
        response: { 200: journeyListOut, ...errors },
      },
    },
    async (req) => ({ journeys: await listJourneys(pool, req.workspace!.id) }),
  );

  r.get(
    "/api/workspaces/:ws/journey-options",
    {
      preHandler: requireWorkspace(pool, "read"),
      schema: {
        tags,
        summary: "What a journey map's touchpoints may name: channels, locations, problems, segments",
        params,
        response: { 200: journeyOptionsOut, ...errors },
      },
    },
    async (req) => journeyOptions(pool, req.workspace!.id),
  );

  r.post(
    base,
    {
      preHandler: requireWorkspace(pool, EDIT),
      schema: {
        tags,
        summary: "Create a journey map, optionally for a segment",
        params,
        body: journeyCreateBody,
        response: { 201: journeyOut, ...errors },
      },
    },
    async (req, reply) => {
      const ws = req.workspace!.id;
      const id = await createJourney(pool, ws, req.body);
      return reply.status(201).send(await journeyMap(pool, ws, id));
    },
  );

  r.get(
    `${base}/:id`,
    {
      preHandler: requireWorkspace(pool, "read"),
      schema: {
        tags,
        summary:
          "A journey map: stages, touchpoints, linked problems, figures of the last 90 days, pain points",
        params: idParams,
        response: { 200: journeyOut, ...errors },
      },
    },
    async (req) => journeyMap(pool, req.workspace!.id, req.params.id),
  );

  r.patch(
    `${base}/:id`,
    {
      preHandler: requireWorkspace(pool, EDIT),
      schema: {
        tags,
        summary: "Rename a journey map or change its segment",
        params: idParams,
        body: journeyUpdateBody,
        response: { 200: journeyOut, ...errors },
      },
    },
    async (req) => {
      const ws = req.workspace!.id;
      await updateJourney(pool, ws, req.params.id, req.body);
      return journeyMap(pool, ws, req.params.id);
    },
  );

  r.delete(
    `${base}/:id`,
    {
      preHandler: requireWorkspace(pool, EDIT),
      schema: {
        tags,
        summary: "Delete a journey map",
        params: idParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (req, reply) => {
      await deleteJourney(pool, req.workspace!.id, req.params.id);
      return reply.status(204).send(null);
    },
  );

  r.post(
    `${base}/:id/stages`,
    {
      preHandler: requireWorkspace(pool, EDIT),
      schema: {
        tags,
        summary: "Add a stage (at the end, or at a position counted from 0)",
        params: idParams,
        body: stageCreateBody,
        response: { 201: journeyOut, ...errors },
      },
    },
    async (req, reply) => {
      const ws = req.workspace!.id;
      await createStage(pool, ws, req.params.id, req.body);
      return reply.status(201).send(await journeyMap(pool, ws, req.params.id));
    },
  );

  r.patch(
    `${base}/:id/stages/:stageId`,
    {
      preHandler: requireWorkspace(pool, EDIT),
      schema: {
        tags,
        summary: "Rename a stage or move it to a position counted from 0",
        params: stageParams,
        body: stageUpdateBody,
        response: { 200: journeyOut, ...errors },
      },
    },
    async (req) => {
      const ws = req.workspace!.id;
      await updateStage(pool, ws, req.params.id, req.params.stageId, req.body);
      return journeyMap(pool, ws, req.params.id);
    },
  );

  r.delete(
    `${base}/:id/stages/:stageId`,
    {
      preHandler: requireWorkspace(pool, EDIT),
      schema: {
        tags,
        summary: "Delete a stage and its touchpoints",
        params: stageParams,
        response: { 200: journeyOut, ...errors },
      },
    },
    async (req) => {
      const ws = req.workspace!.id;
      await deleteStage(pool, ws, req.params.id, req.params.stageId);
      return journeyMap(pool, ws, req.params.id);
    },
  );

  r.post(
    `${base}/:id/stages/:stageId/touchpoints`,
    {
      preHandler: requireWorkspace(pool, EDIT),
      schema: {
        tags,
        summary: "Add a touchpoint to a stage: channel and/or location, note, linked problems, pain point",
        params: stageParams,
        body: touchpointCreateBody,
        response: { 201: journeyOut, ...errors },
      },
    },
    async (req, reply) => {
      const ws = req.workspace!.id;
      await createTouchpoint(pool, ws, req.params.id, req.params.stageId, req.body);
      return reply.status(201).send(await journeyMap(pool, ws, req.params.id));
    },
  );

  r.patch(
    `${base}/:id/touchpoints/:touchpointId`,
    {
      preHandler: requireWorkspace(pool, EDIT),
      schema: {
        tags,
        summary: "Change a touchpoint, mark it a pain point, or move it (to another stage and/or position)",
        params: touchpointParams,
        body: touchpointUpdateBody,
        response: { 200: journeyOut, ...errors },
      },
    },
    async (req) => {
      const ws = req.workspace!.id;
      await updateTouchpoint(pool, ws, req.params.id, req.params.touchpointId, req.body);
      return journeyMap(pool, ws, req.params.id);
    },
  );

  r.delete(
    `${base}/:id/touchpoints/:touchpointId`,
    {
      preHandler: requireWorkspace(pool, EDIT),
      schema: {
        tags,
        summary: "Delete a touchpoint",
        params: touchpointParams,
        response: { 200: journeyOut, ...errors },
      },
    },
    async (req) => {
      const ws = req.workspace!.id;
      await deleteTouchpoint(pool, ws, req.params.id, req.params.touchpointId);
      return journeyMap(pool, ws, req.params.id);
    },
  );
}
