/** The one door to the server: JSON in and out, the CSRF header on changes, errors as ApiError. */

export const errorCodes = [
  "bad_request",
  "unauthenticated",
  "forbidden",
  "not_found",
  "conflict",
  "payload_too_large",
  "validation",
  "rate_limited",
  "internal",
  "network",
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export type FieldError = { path: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: unknown;
  constructor(status: number, code: ErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = "ApiError";
    this.status = status;
    this.code = code;
    this.details = details;
  }

  /** Validation details as field → server message (422 answers list them). */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!Array.isArray(this.details)) return out;
    for (const item of this.details as unknown[]) {
      if (item && typeof item === "object" && "path" in item && "message" in item) {
        const { path, message } = item as { path: unknown; message: unknown };
        const key = Array.isArray(path) ? path.join(".") : String(path);
        out[key] = String(message);
      }
    }
    return out;
  }
}

const statusCodes: Record<number, ErrorCode> = {
  400: "bad_request",
  401: "unauthenticated",
  403: "forbidden",
  404: "not_found",
  409: "conflict",
  413: "payload_too_large",
  422: "validation",
  429: "rate_limited",
};

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === "string" && (errorCodes as readonly string[]).includes(value);
}

/** Turns a failed answer into an ApiError; a body without the contract's shape still gets a code. */
export function toApiError(status: number, body: unknown): ApiError {
  const fallback = statusCodes[status] ?? "internal";
  if (body && typeof body === "object" && "error" in body) {
    const error = (body as { error: unknown }).error;
    if (error && typeof error === "object") {
      const { code, message, details } = error as { code?: unknown; message?: unknown; details?: unknown };
      return new ApiError(
        status,
        isErrorCode(code) ? code : fallback,
        typeof message === "string" ? message : `HTTP ${status}`,
        details,
      );
    }
  }
  return new ApiError(status, fallback, `HTTP ${status}`);
}

let csrfToken: string | undefined;

/** Remembered from /api/auth/me and the sign-in answer; sent on every change. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export async function api<T>(path: string, options: { method?: Method; body?: unknown } = {}): Promise<T> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { accept: "application/json" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: "same-origin",
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (cause) {
    throw new ApiError(0, "network", cause instanceof Error ? cause.message : "network error");
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined; // e.g. an HTML error page from a proxy
  }
  if (!response.ok) throw toApiError(response.status, body);
  return body as T;
}
