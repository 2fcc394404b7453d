import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import type pg from "pg";
import { z } from "zod";
import { AppError } from "../../platform/errors.ts";
import { errorSchema, requireWorkspace } from "../../platform/http/index.ts";
import {
  autoMap,
  collectRows,
  createRowConverter,
  type EntityKind,
  openTable,
  type RawCell,
  writeCsv,
} from "./parse/index.ts";
import { importFile } from "./pipeline.ts";
import { MAX_RECORDS, writeRecords } from "./records.ts";
import * as store from "./store.ts";

const entity = z.enum(["customers", "orders", "requests", "feedback"]);
const format = z.enum(["auto", "csv", "jsonl", "xlsx", "cdnow"]);
const wsParams = z.object({ ws: z.string().min(1).max(64) });
const errors = { 401: errorSchema, 403: errorSchema, 404: errorSchema, 413: errorSchema, 422: errorSchema };

type Upload = { path: string; fileName: string; workspaceId: number; at: number };
const uploads = new Map<string, Upload>();
const UPLOAD_TTL = 6 * 3600 * 1000;
const uploadDir = path.join(os.tmpdir(), "storona-uploads");

function sweepUploads(): void {
  const now = Date.now();
  for (const [id, u] of uploads) {
    if (now - u.at > UPLOAD_TTL) {
      fs.rmSync(u.path, { force: true });
      uploads.delete(id);
    }
  }
}

const cellText = (c: RawCell): string | null =>
  c === null || c === undefined
    ? null
    : c instanceof Date
      ? c.toISOString()
      : typeof c === "object"
        ? JSON.stringify(c)
        : String(c);

export function registerIntakeRoutes(
  app: FastifyInstance,
  o: { pool: pg.Pool; maxUploadBytes?: number },
): void {
  const { pool } = o;
  void app.register(multipart, { limits: { fileSize: o.maxUploadBytes ?? 2 * 1024 ** 3, files: 1 } });
  const r = app.withTypeProvider<ZodTypeProvider>();

  const runOut = z.object({
    id: z.number(),
    entity,
    source: z.enum(["file", "api", "web"]),
    fileName: z.string().nullable(),
    status: z.enum(["running", "done", "failed"]),
    dryRun: z.boolean(),
    totalRows: z.number().nullable(),
    read: z.number(),
    inserted: z.number(),
    updated: z.number(),
    unchanged: z.number(),
    rejected: z.number(),
    createdCustomers: z.number(),
    createdLocations: z.number(),
    errors: z.number(),
    warnings: z.number(),
    message: z.string().nullable(),
    startedAt: z.date(),
    finishedAt: z.date().nullable(),
  });

  r.post(
    "/api/workspaces/:ws/imports/upload",
    {
      preHandler: requireWorkspace(pool, "import"),
      schema: {
        tags: ["intake"],
        summary: "Upload a file (multipart field 'file') for a preview; returns an upload id",
        params: wsParams,
        response: {
          201: z.object({ uploadId: z.string(), fileName: z.string(), bytes: z.number() }),
          ...errors,
        },
      },
    },
    async (req, reply) => {
      sweepUploads();
      const file = await req.file();
      if (!file) throw new AppError("bad_request", "No file in the upload (multipart field 'file')");
      fs.mkdirSync(uploadDir, { recursive: true, mode: 0o700 });
      const id = randomBytes(12).toString("base64url");
      const target = path.join(uploadDir, id);
      await pipeline(file.file, fs.createWriteStream(target, { mode: 0o600 }));
      if (file.file.truncated) {
        fs.rmSync(target, { force: true });
        throw new AppError("payload_too_large", "The file is larger than this server accepts");
      }
      uploads.set(id, {
        path: target,
        fileName: file.filename,
        workspaceId: req.workspace!.id,
        at: Date.now(),
      });
      return reply
        .status(201)
        .send({ uploadId: id, fileName: file.filename, bytes: fs.statSync(target).size });
    },
  );

  const uploadOf = (id: string, workspaceId: number): Upload => {
    const u = uploads.get(id);
    if (!u || u.workspaceId !== workspaceId)
      throw new AppError("not_found", "That upload is gone; upload the file again");
    return u;
  };

  const mapInput = z.object({
    uploadId: z.string().min(1),
    entity,
    format: format.default("auto"),
    map: z.record(z.string(), z.string()).default({}),
    defaults: z.record(z.string(), z.string()).default({}),
  });

  r.post(
    "/api/workspaces/:ws/imports/preview",
    {
      preHandler: requireWorkspace(pool, "import"),
      schema: {
        tags: ["intake"],
        summary: "The guessed column mapping and the first 20 rows, each checked",
        params: wsParams,
        body: mapInput,
        response: {
          200: z.object({
            format: z.string(),
            encoding: z.string().nullable(),
            delimiter: z.string().nullable(),
            columns: z.array(z.string()),
            mapping: z.array(
              z.object({
                column: z.string(),
                field: z.string().nullable(),
                confidence: z.number(),
                how: z.string(),
              }),
            ),
            mappingErrors: z.array(z.object({ code: z.string(), message: z.string() })),
            rows: z.array(
              z.object({
                line: z.number(),
                cells: z.array(z.string().nullable()),
                ok: z.boolean(),
                errors: z.array(z.object({ column: z.string().nullable(), message: z.string() })),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const u = uploadOf(req.body.uploadId, req.workspace!.id);
      const reader = await openTable(u.path, { format: req.body.format, fileName: u.fileName });
      const sample = await collectRows(reader, 20);
      const outcome = autoMap(req.body.entity, reader.columns, {
        overrides: req.body.map,
        defaults: req.body.defaults,
      });
      let checked = sample.map((s) => ({
        line: s.line,
        cells: s.cells.map(cellText),
        ok: !s.issue,
        errors: [] as Array<{ column: string | null; message: string }>,
      }));
      if (outcome.ok) {
        const conv = createRowConverter(outcome.mapping, {
          timeZone: req.workspace!.timeZone,
          currency: req.workspace!.currency,
        });
        checked = sample.map((s) => {
          const res = conv.convert(s);
          return {
            line: s.line,
            cells: s.cells.map(cellText),
            ok: res.ok,
            errors: res.ok ? [] : res.errors.map((e) => ({ column: e.column, message: e.message })),
          };
        });
      }
      return {
        format: reader.format,
        encoding: reader.encoding,
        delimiter: reader.delimiter,
        columns: [...reader.columns],
        mapping: outcome.mapping.report.map((m) => ({
          column: m.column,
          field: m.field,
          confidence: m.confidence,
          how: m.how,
        })),
        mappingErrors: outcome.ok ? [] : outcome.errors.map((e) => ({ code: e.code, message: e.message })),
        rows: checked,
      };
    },
  );

  r.post(
    "/api/workspaces/:ws/imports",
    {
      preHandler: requireWorkspace(pool, "import"),
      schema: {
        tags: ["intake"],
        summary: "Start importing an uploaded file; poll the run for progress",
        params: wsParams,
        body: mapInput.extend({ dryRun: z.boolean().default(false) }),
        response: { 202: z.object({ runId: z.number() }), ...errors },
      },
    },
    async (req, reply) => {
      const u = uploadOf(req.body.uploadId, req.workspace!.id);
      const principal = req.principal;
      const runId = await new Promise<number>((resolve, reject) => {
        importFile(
          pool,
          {
            workspaceId: req.workspace!.id,
            entity: req.body.entity as EntityKind,
            file: u.path,
            fileName: u.fileName,
            format: req.body.format,
            overrides: req.body.map,
            defaults: req.body.defaults,
            dryRun: req.body.dryRun,
            source: "web",
            createdBy: principal?.kind === "user" ? principal.userId : null,
          },
          undefined,
          resolve,
        ).catch((e) => {
          // Before the run exists (bad mapping) the caller hears it; afterwards the run records it.
          reject(e);
          req.log.warn({ err: e }, "import failed");
        });
      });
      return reply.status(202).send({ runId });
    },
  );

  r.get(
    "/api/workspaces/:ws/imports",
    {
      preHandler: requireWorkspace(pool, "read"),
      schema: {
        tags: ["intake"],
        summary: "Recent imports (files and API batches)",
        params: wsParams,
        response: { 200: z.object({ runs: z.array(runOut) }), ...errors },
      },
    },
    async (req) => ({ runs: await store.listRuns(pool, req.workspace!.id) }),
  );

  r.get(
    "/api/workspaces/:ws/imports/:id",
    {
      preHandler: requireWorkspace(pool, "read"),
      schema: {
        tags: ["intake"],
        summary: "One import: progress, summary and its first rejected rows",
        params: wsParams.extend({ id: z.coerce.number().int().positive() }),
        response: {
          200: runOut.extend({
            issues: z.array(
              z.object({
                line: z.number().nullable(),
                recordIndex: z.number().nullable(),
                column: z.string().nullable(),
                value: z.string().nullable(),
                severity: z.enum(["error", "warning"]),
                code: z.string(),
                message: z.string(),
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (req) => {
      const run = await store.getRun(pool, req.workspace!.id, req.params.id);
      if (!run) throw new AppError("not_found", "No such import");
      return { ...run, issues: await store.listIssues(pool, req.workspace!.id, run.id, 100) };
    },
  );

  r.get(
    "/api/workspaces/:ws/imports/:id/errors.csv",
    {
      preHandler: requireWorkspace(pool, "export"),
      schema: {
        tags: ["intake"],
        summary: "The error report of an import as CSV",
        params: wsParams.extend({ id: z.coerce.number().int().positive() }),
      },
    },
    async (req, reply) => {
      const run = await store.getRun(pool, req.workspace!.id, req.params.id);
      if (!run) throw new AppError("not_found", "No such import");
      const issues = await store.listIssues(pool, req.workspace!.id, run.id);
      const rows = issues.map((i) => [
        i.line ?? i.recordIndex,
        i.column,
        i.value,
        i.severity,
        i.code,
        i.message,
      ]);
      let body = "";
      for await (const chunk of writeCsv(["line", "column", "value", "severity", "code", "message"], rows))
        body += chunk;
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="import-${run.id}-errors.csv"`)
        .send(body);
    },
  );

  registerRecordRoutes(app, pool);
}

function registerRecordRoutes(app: FastifyInstance, pool: pg.Pool): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const result = z.object({
    index: z.number(),
    externalId: z.string().nullable(),
    status: z.enum(["inserted", "updated", "unchanged", "rejected"]),
    errors: z
      .array(
        z.object({
          field: z.string().nullable(),
          value: z.string().nullable(),
          code: z.string(),
          message: z.string(),
        }),
      )
      .optional(),
  });
  const record = z.record(z.string(), z.unknown());
  for (const kind of entity.options) {
    r.post(
      `/api/v1/workspaces/:ws/${kind}`,
      {
        preHandler: requireWorkspace(pool, "import"),
        bodyLimit: 8 * 1024 * 1024,
        schema: {
          tags: ["api v1"],
          summary: `Push up to ${MAX_RECORDS} ${kind} records (idempotent on external_id); one result per record`,
          params: wsParams,
          body: z.union([z.array(record), z.object({ records: z.array(record) })]),
          response: {
            207: z.object({
              runId: z.number(),
              summary: z.object({
                inserted: z.number(),
                updated: z.number(),
                unchanged: z.number(),
                rejected: z.number(),
              }),
              results: z.array(result),
            }),
            ...errors,
          },
        },
      },
      async (req, reply) => {
        const records = Array.isArray(req.body) ? req.body : req.body.records;
        if (records.length > MAX_RECORDS) {
          throw new AppError(
            "payload_too_large",
            `At most ${MAX_RECORDS} records per call; this one has ${records.length}`,
          );
        }
        if (records.length === 0)
          throw new AppError("validation", "No records", [{ path: "records", message: "empty" }]);
        const out = await writeRecords(pool, req.workspace!.id, kind, records);
        const n = (s: string) => out.results.filter((x) => x.status === s).length;
        return reply.status(207).send({
          runId: out.runId,
          summary: {
            inserted: n("inserted"),
            updated: n("updated"),
            unchanged: n("unchanged"),
            rejected: n("rejected"),
          },
          results: out.results,
        });
      },
    );
  }
}
