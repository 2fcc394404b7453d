/** One error type for the whole server; a single mapper turns codes into HTTP statuses and CLI exit codes. */
export type ErrorCode =
  | "bad_request"
  | "validation"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "rate_limited"
  | "unavailable"
  | "internal";

export type ErrorDetails = Record<string, unknown> | Array<Record<string, unknown>>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;
  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.details = details;
  }
}

const httpStatus: Record<ErrorCode, number> = {
  bad_request: 400,
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

const exitCodes: Record<ErrorCode, number> = {
  bad_request: 2,
  validation: 3,
  unauthenticated: 4,
  forbidden: 4,
  not_found: 5,
  conflict: 6,
  payload_too_large: 2,
  rate_limited: 7,
  unavailable: 8,
  internal: 1,
};

export const statusOf = (code: ErrorCode): number => httpStatus[code];
export const exitCodeOf = (code: ErrorCode): number => exitCodes[code];
/** Whether a background job that failed with this code should be tried again. */
export const isRetryable = (code: ErrorCode): boolean => code === "unavailable" || code === "internal";
