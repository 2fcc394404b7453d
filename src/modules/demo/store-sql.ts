import type { DemoBundle } from "./types.ts";

/**
 * The SQL and the COPY rows of the demo load. Staging tables are keyed by external ids; the resolve
 * statements turn those into the identity ids by joining, so ids are never supplied by us.
 */

type Cell = string | number | boolean | Date | null;

/** COPY text format: backslash escapes for the four characters that would break a row, \N for NULL. */
function cell(v: Cell): string {
  if (v === null) return "\\N";
  if (v instanceof Date) return v.toISOString();
  if (typeof v !== "string") return String(v);
  return /[\\\t\n\r]/.test(v)
    ? v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r")
    : v;
}

function row(values: readonly Cell[]): string {
  let line = cell(values[0] ?? null);
  for (let i = 1; i < values.length; i++) line += `\t${cell(values[i] ?? null)}`;
  return `${line}\n`;
}

export const STAGING_TABLES = ["demo_customer", "demo_order", "demo_request", "demo_feedback"] as const;
export type StagingTable = (typeof STAGING_TABLES)[number];

export const CREATE_STAGING = `
CREATE TEMP TABLE demo_customer (
  external_id text, name text, email text, phone text, first_seen_at timestamptz, attributes jsonb, referred_by text
) ON COMMIT DROP;
CREATE TEMP TABLE demo_order (
  external_id text, customer text, ordered_at timestamptz, amount bigint, list_amount bigint, currency text,
  channel text, location text, status text, wait_days integer, referred_by text
) ON COMMIT DROP;
CREATE TEMP TABLE demo_request (
  external_id text, customer text, channel text, kind text, subject text, text text, language text,
  created_at timestamptz, first_response_at timestamptz, resolved_at timestamptz, location text, status text,
  assignee text
) ON COMMIT DROP;
CREATE TEMP TABLE demo_feedback (
  external_id text, customer text, kind text, score smallint, comment text, language text, order_ref text,
  request_ref text, location text, channel text, created_at timestamptz
) ON COMMIT DROP;`;

/** One customer's rows, appended per staging table. */
export function stageRows(b: DemoBundle, add: (table: StagingTable, line: string) => void): void {
  const c = b.customer;
  add(
    "demo_customer",
    row([c.externalId, c.name, c.email, c.phone, c.firstSeenAt, JSON.stringify(c.attributes), c.referredBy]),
  );
  for (const o of b.orders) {
    add(
      "demo_order",
      row([
        o.externalId,
        o.customer,
        o.orderedAt,
        o.amount,
        o.listAmount,
        o.currency,
        o.channel,
        o.location,
        o.status,
        o.waitDays,
        o.referredBy,
      ]),
    );
  }
  for (const r of b.requests) {
    // r.problem is ground truth for tests and deliberately not written anywhere.
    add(
      "demo_request",
      row([
        r.externalId,
        r.customer,
        r.channel,
        r.kind,
        r.subject,
        r.text,
        r.language,
        r.createdAt,
        r.firstResponseAt,
        r.resolvedAt,
        r.location,
        r.status,
        r.assignee,
      ]),
    );
  }
  for (const f of b.feedback) {
    add(
      "demo_feedback",
      row([
        f.externalId,
        f.customer,
        f.kind,
        f.score,
        f.comment,
        f.language,
        f.order,
        f.request,
        f.location,
        f.channel,
        f.createdAt,
      ]),
    );
  }
}

/**
 * The statements that move one staged batch into the workspace, as one multi-statement text so the
 * server works through the whole batch while the next one is being generated. The workspace id is
 * inlined because multi-statement queries cannot take parameters; it is a checked integer.
 * A referrer always comes earlier in the stream than the customer they brought, so it is already there.
 */
export function resolveBatch(workspaceId: number): string {
  if (!Number.isSafeInteger(workspaceId)) throw new Error("workspace id must be an integer");
  const ws = String(workspaceId);
  return `
INSERT INTO customer (workspace_id, external_id, name, email, phone, first_seen_at, attributes)
SELECT ${ws}, external_id, name, email, phone, first_seen_at, attributes FROM demo_customer;

UPDATE customer c SET referred_by_id = r.id
FROM demo_customer s JOIN customer r ON r.workspace_id = ${ws} AND r.external_id = s.referred_by
WHERE s.referred_by IS NOT NULL AND c.workspace_id = ${ws} AND c.external_id = s.external_id;

INSERT INTO orders (workspace_id, external_id, customer_id, ordered_at, amount, list_amount, currency, channel,
                    location_id, status, wait_days, referred_by_id)
SELECT ${ws}, o.external_id, c.id, o.ordered_at, o.amount, o.list_amount, o.currency, o.channel, l.id, o.status,
       o.wait_days, r.id
FROM demo_order o
JOIN customer c ON c.workspace_id = ${ws} AND c.external_id = o.customer
JOIN location l ON l.workspace_id = ${ws} AND l.external_id = o.location
LEFT JOIN customer r ON r.workspace_id = ${ws} AND r.external_id = o.referred_by;

INSERT INTO request (workspace_id, external_id, customer_id, channel, kind, subject, text, language, created_at,
                     first_response_at, resolved_at, location_id, status, assignee)
SELECT ${ws}, q.external_id, c.id, q.channel, q.kind, q.subject, q.text, q.language, q.created_at,
       q.first_response_at, q.resolved_at, l.id, q.status, q.assignee
FROM demo_request q
LEFT JOIN customer c ON c.workspace_id = ${ws} AND c.external_id = q.customer
LEFT JOIN location l ON l.workspace_id = ${ws} AND l.external_id = q.location;

INSERT INTO feedback (workspace_id, external_id, customer_id, kind, score, comment, language, order_id,
                      request_id, location_id, channel, created_at)
SELECT ${ws}, f.external_id, c.id, f.kind, f.score, f.comment, f.language, o.id, q.id, l.id, f.channel, f.created_at
FROM demo_feedback f
LEFT JOIN customer c ON c.workspace_id = ${ws} AND c.external_id = f.customer
LEFT JOIN orders o ON o.workspace_id = ${ws} AND o.external_id = f.order_ref
LEFT JOIN request q ON q.workspace_id = ${ws} AND q.external_id = f.request_ref
LEFT JOIN location l ON l.workspace_id = ${ws} AND l.external_id = f.location;`;
}

/** Which results of resolveBatch are the inserts, in staging-table order (the UPDATE is the second statement). */
export const RESOLVED_RESULT_INDEX: Readonly<Record<StagingTable, number>> = {
  demo_customer: 0,
  demo_order: 2,
  demo_request: 3,
  demo_feedback: 4,
};
