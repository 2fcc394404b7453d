import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import rateLimit from "@fastify/rate-limit";
import fastifyStatic from "@fastify/static";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { type FastifyError, type FastifyInstance } from "fastify";
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type pg from "pg";
import { z } from "zod";
import { AppError, type ErrorCode, statusOf } from "../errors.ts";
import { checkCsrf, identify } from "./auth.ts";

export type App = FastifyInstance;

export type AppOptions = {
  pool: pg.Pool;
  version: string;
  logLevel?: string;
  /** Folder of the built web app (index.html + assets); served with an SPA fallback when present. */
  webDir?: string;
  bodyLimit?: number;
};

type ErrorBody = { error: { code: ErrorCode; message: string; details?: unknown } };

const body = (code: ErrorCode, message: string, details?: unknown): ErrorBody => ({
  error: details === undefined ? { code, message } : { code, message, details },
});

/** Validation issues from zod as `[{ path, message }]`, naming the field. */
function validationDetails(err: FastifyError): Array<{ path: string; message: string }> {
  const v = (
    err as FastifyError & {
      validation?: Array<{ instancePath?: string; message?: string; params?: unknown }>;
    }
  ).validation;
  if (!v) return [];
  return v.map((i) => {
    const issue = (i.params as { issue?: { path?: Array<string | number> } } | undefined)?.issue;
    const p = issue?.path?.join(".") ?? (i.instancePath ?? "").replace(/^\//, "").replaceAll("/", ".");
    return { path: p, message: i.message ?? "invalid" };
  });
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logLevel && options.logLevel !== "silent" ? { level: options.logLevel } : false,
    bodyLimit: options.bodyLimit ?? 16 * 1024 * 1024,
    trustProxy: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest("principal", undefined);
  app.decorateRequest("workspace", undefined);

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Storona API",
        description: "Customer-centricity measured from what customers do.",
        version: options.version,
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer", description: "A workspace API token (stn_…)" },
          cookie: { type: "apiKey", in: "cookie", name: "storona_sid" },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/api/docs" });

  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/")) return;
    request.principal = await identify(options.pool, request);
  });
  app.addHook("preHandler", async (request) => {
    checkCsrf(request);
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof AppError) {
      return reply.status(statusOf(err.code)).send(body(err.code, err.message, err.details));
    }
    if (err.validation) {
      const details = validationDetails(err);
      const where = details[0]?.path ? ` (${details.map((d) => d.path).join(", ")})` : "";
      return reply.status(422).send(body("validation", `The request has invalid fields${where}`, details));
    }
    if (err.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
      return reply.status(413).send(body("payload_too_large", "The request body is too large"));
    }
    if (err.statusCode === 429) {
      return reply.status(429).send(body("rate_limited", "Too many attempts; wait a minute and try again"));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.status(err.statusCode).send(body("bad_request", err.message));
    }
    request.log.error(err);
    return reply.status(500).send(body("internal", "Something went wrong on the server; it has been logged"));
  });

  const webDir = options.webDir;
  const hasWeb = webDir !== undefined && fs.existsSync(path.join(webDir, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false });
  }
  app.setNotFoundHandler((request, reply) => {
    // A missing asset (say, after a rebuild) must be a 404, not the app's HTML under a .js name.
    if (
      request.url.startsWith("/api/") ||
      request.url.startsWith("/assets/") ||
      request.method !== "GET" ||
      !hasWeb
    ) {
      return reply.status(404).send(body("not_found", `No such address: ${request.method} ${request.url}`));
    }
    // Client-side routes (/w/demo/problems …) all load the app.
    return reply.type("text/html").sendFile("index.html");
  });

  const zapp = app.withTypeProvider<ZodTypeProvider>();
  zapp.get(
    "/api/health",
    {
      schema: {
        tags: ["system"],
        summary: "Is the server up and can it reach its database?",
        response: {
          200: z.object({ status: z.literal("ok"), version: z.string(), database: z.literal("ok") }),
          503: z.object({ error: z.object({ code: z.string(), message: z.string() }) }),
        },
      },
    },
    async (_req, reply) => {
      try {
        await options.pool.query("SELECT 1");
      } catch {
        return reply.status(503).send(body("unavailable", "The database does not answer"));
      }
      return { status: "ok" as const, version: options.version, database: "ok" as const };
    },
  );
  return app;
}

/** The shared error answer, for route schemas. */
export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
