import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiError, api, toApiError } from "../../app/api.ts";
import { workspaceKeys, workspaceUrl } from "../../app/workspace.ts";
import type { Entity, Format } from "./fields.ts";

// The shapes of src/modules/intake/routes.ts, as the page reads them.

export type UploadResult = { uploadId: string; fileName: string; bytes: number };

export type MapHow = "override" | "exact" | "weak" | "partial" | "attribute" | "ignored" | "unmapped";

export type MappingLine = { column: string; field: string | null; confidence: number; how: MapHow | string };

export type PreviewRow = {
  line: number;
  cells: (string | null)[];
  ok: boolean;
  errors: { column: string | null; message: string }[];
};

export type Preview = {
  format: string;
  encoding: string | null;
  delimiter: string | null;
  columns: string[];
  mapping: MappingLine[];
  mappingErrors: { code: string; message: string }[];
  rows: PreviewRow[];
};

export type RunStatus = "running" | "done" | "failed";
export type RunSource = "file" | "api" | "web";

export type ImportRun = {
  id: number;
  entity: Entity;
  source: RunSource;
  fileName: string | null;
  status: RunStatus;
  dryRun: boolean;
  totalRows: number | null;
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  createdCustomers: number;
  createdLocations: number;
  errors: number;
  warnings: number;
  message: string | null;
  startedAt: string;
  finishedAt: string | null;
};

export type RunIssue = {
  line: number | null;
  recordIndex: number | null;
  column: string | null;
  value: string | null;
  severity: "error" | "warning";
  code: string;
  message: string;
};

export type RunDetails = ImportRun & { issues: RunIssue[] };

/** What the preview and the run are asked for: one uploaded file read as one entity. */
export type ImportRequest = {
  uploadId: string;
  entity: Entity;
  format: Format;
  map: Record<string, string>;
  defaults: Record<string, string>;
};

const importsKey = (slug: string) => ["workspace", slug, "imports"] as const;

export const intakeKeys = {
  runs: (slug: string) => [...importsKey(slug), "list"] as const,
  run: (slug: string, id: number) => [...importsKey(slug), "run", id] as const,
  preview: (slug: string, request: ImportRequest) => [...importsKey(slug), "preview", request] as const,
};

export const errorsCsvUrl = (slug: string, runId: number) =>
  workspaceUrl(slug, `/imports/${runId}/errors.csv`);

/** The history: the newest first, refreshed while something is still running. */
export function useImportRuns(slug: string) {
  return useQuery({
    queryKey: intakeKeys.runs(slug),
    queryFn: () => api<{ runs: ImportRun[] }>(workspaceUrl(slug, "/imports")),
    refetchInterval: (query) =>
      query.state.data?.runs.some((run) => run.status === "running") ? 2_000 : false,
  });
}

/** One run, polled every ~500 ms until it is done or failed. */
export function useImportRun(slug: string, id: number | undefined) {
  return useQuery({
    queryKey: intakeKeys.run(slug, id ?? 0),
    queryFn: () => api<RunDetails>(workspaceUrl(slug, `/imports/${id}`)),
    enabled: id !== undefined,
    staleTime: 0,
    refetchInterval: (query) => (query.state.data?.status === "running" ? 500 : false),
    // One slow answer must not end the live view: keep polling through a passing network error.
    retry: (count, error) =>
      !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 5,
  });
}

/** The guessed mapping and 20 checked rows; asked again whenever the request (mapping) changes. */
export function usePreview(slug: string, request: ImportRequest | undefined) {
  return useQuery({
    queryKey: request ? intakeKeys.preview(slug, request) : [...importsKey(slug), "preview", null],
    queryFn: () => api<Preview>(workspaceUrl(slug, "/imports/preview"), { method: "POST", body: request }),
    enabled: request !== undefined,
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: keepPreviousData,
  });
}

export function useStartImport(slug: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportRequest & { dryRun: boolean }) =>
      api<{ runId: number }>(workspaceUrl(slug, "/imports"), { method: "POST", body }),
    onSuccess: () => void client.invalidateQueries({ queryKey: intakeKeys.runs(slug) }),
  });
}

/** After a run ends the history and the cockpit's counts are out of date. */
export function useRunFinished(slug: string) {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: intakeKeys.runs(slug) });
    void client.invalidateQueries({ queryKey: workspaceKeys.overview(slug) });
  };
}

export type Upload = { promise: Promise<UploadResult>; abort: () => void };

/**
 * Sends a file as multipart (field `file`). XMLHttpRequest rather than fetch: only it reports upload
 * progress, which a file of hundreds of megabytes needs.
 */
export function uploadFile(
  slug: string,
  file: File,
  csrfToken: string | undefined,
  onProgress: (sent: number, total: number) => void,
): Upload {
  const request = new XMLHttpRequest();
  const promise = new Promise<UploadResult>((resolve, reject) => {
    request.open("POST", workspaceUrl(slug, "/imports/upload"));
    request.setRequestHeader("accept", "application/json");
    if (csrfToken) request.setRequestHeader("x-csrf-token", csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = request.responseText ? JSON.parse(request.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) resolve(body as UploadResult);
      else reject(toApiError(request.status, body));
    };
    request.onerror = () => reject(new ApiError(0, "network", "network error"));
    request.onabort = () => reject(new ApiError(0, "network", "aborted"));
    const form = new FormData();
    form.append("file", file, file.name);
    request.send(form);
  });
  return { promise, abort: () => request.abort() };
}
