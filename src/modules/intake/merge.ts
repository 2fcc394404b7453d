import type pg from "pg";
import { type CopyValue, copyRows } from "../../platform/db/index.ts";
import { holdImportWriteLock } from "./bulk.ts";
import type {
  CustomerRef,
  CustomerRow,
  EntityKind,
  EntityRows,
  FeedbackRow,
  OrderRow,
  RequestRow,
} from "./parse/index.ts";

/**
 * The intake module's merge SQL: validated rows go through COPY into a temporary stage, then one set-based
 * upsert per table keyed on (workspace_id, external_id). Rows that change nothing are not touched (so the
 * same file twice reports 0 inserted, 0 updated), and customers or locations a row names but the workspace
 * does not have yet are created and counted.
 */

export type MergeOutcome = {
  /** external id → what happened to it (rows absent from the map were unchanged); empty unless perRecord. */
  written: Map<string, "inserted" | "updated">;
  inserted: number;
  updated: number;
  unchanged: number;
  createdCustomers: number;
  createdLocations: number;
  /** Rows refused at merge time (e.g. a feedback answer about an order that does not exist). */
  warnings: Array<{ line: number; externalId: string; code: string; message: string }>;
};

type Client = pg.ClientBase;

const refColumns = ["customer_external_id", "customer_name", "customer_email", "customer_phone"] as const;
const refValues = (c: CustomerRef | null): CopyValue[] => [
  c?.externalId ?? null,
  c?.name ?? null,
  c?.email ?? null,
  c?.phone ?? null,
];

type StageSpec<R> = { table: string; ddl: string; columns: readonly string[]; values: (r: R) => CopyValue[] };

const stages: { [E in EntityKind]: StageSpec<EntityRows[E]> } = {
  customers: {
    table: "stage_customers",
    ddl: `line bigint, external_id text, name text, email text, phone text, first_seen_at timestamptz,
          referred_by text, attributes jsonb`,
    columns: ["line", "external_id", "name", "email", "phone", "first_seen_at", "referred_by", "attributes"],
    values: (r: CustomerRow) => [
      r.line,
      r.externalId,
      r.name,
      r.email,
      r.phone,
      r.firstSeenAt,
      r.referredBy,
      r.attributes as Record<string, unknown>,
    ],
  },
  orders: {
    table: "stage_orders",
    ddl: `line bigint, external_id text, ${refColumns.join(" text, ")} text, ordered_at timestamptz, amount bigint,
          list_amount bigint, currency text, channel text, location text, status text, wait_days int, referred_by text`,
    columns: [
      "line",
      "external_id",
      ...refColumns,
      "ordered_at",
      "amount",
      "list_amount",
      "currency",
      "channel",
      "location",
      "status",
      "wait_days",
      "referred_by",
    ],
    values: (r: OrderRow) => [
      r.line,
      r.externalId,
      ...refValues(r.customer),
      r.orderedAt,
      r.amount,
      r.listAmount,
      r.currency,
      r.channel,
      r.location,
      r.status,
      r.waitDays,
      r.referredBy,
    ],
  },
  requests: {
    table: "stage_requests",
    ddl: `line bigint, external_id text, ${refColumns.join(" text, ")} text, channel text, kind text, subject text,
          text text, language text, created_at timestamptz, first_response_at timestamptz, resolved_at timestamptz,
          location text, status text, assignee text`,
    columns: [
      "line",
      "external_id",
      ...refColumns,
      "channel",
      "kind",
      "subject",
      "text",
      "language",
      "created_at",
      "first_response_at",
      "resolved_at",
      "location",
      "status",
      "assignee",
    ],
    values: (r: RequestRow) => [
      r.line,
      r.externalId,
      ...refValues(r.customer),
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
    ],
  },
  feedback: {
    table: "stage_feedback",
    ddl: `line bigint, external_id text, ${refColumns.join(" text, ")} text, kind text, score int, comment text,
          language text, order_external_id text, request_external_id text, location text, channel text,
          created_at timestamptz`,
    columns: [
      "line",
      "external_id",
      ...refColumns,
      "kind",
      "score",
      "comment",
      "language",
      "order_external_id",
      "request_external_id",
      "location",
      "channel",
      "created_at",
    ],
    values: (r: FeedbackRow) => [
      r.line,
      r.externalId,
      ...refValues(r.customer),
      r.kind,
      r.score,
      r.comment,
      r.language,
      r.orderExternalId,
      r.requestExternalId,
      r.location,
      r.channel,
      r.createdAt,
    ],
  },
};

/** Creates the session's temporary stage tables once per connection (they empty themselves at commit). */
export async function prepareStages(client: Client): Promise<void> {
  for (const s of Object.values(stages)) {
    await client.query(`CREATE TEMP TABLE IF NOT EXISTS ${s.table} (${s.ddl}) ON COMMIT DELETE ROWS`);
  }
}

// Within one batch the last row of an external id wins, like a later file overriding an earlier one.
const latest = (table: string) =>
  `(SELECT DISTINCT ON (external_id) * FROM ${table} ORDER BY external_id, line DESC)`;

async function ensureCustomers(
  client: Client,
  ws: number,
  entity: EntityKind,
  table: string,
): Promise<number> {
  // Customers the rows name (as the buyer or as the referrer) but the workspace does not have yet: created
  // with what the rows say about them. A customers file creates its own rows in the upsert, not here.
  const named =
    entity === "customers"
      ? `SELECT referred_by AS xid, NULL::text AS n, NULL::text AS e, NULL::text AS p, NULL::timestamptz AS seen
         FROM ${table} s WHERE referred_by IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM ${table} x WHERE x.external_id = s.referred_by)`
      : `SELECT customer_external_id AS xid, customer_name AS n, customer_email AS e, customer_phone AS p,
                ${entity === "orders" ? "ordered_at" : "created_at"} AS seen
         FROM ${table} WHERE customer_external_id IS NOT NULL
         ${entity === "orders" ? `UNION ALL SELECT referred_by, NULL, NULL, NULL, NULL FROM ${table} WHERE referred_by IS NOT NULL` : ""}`;
  const r = await client.query(
    `INSERT INTO customer (workspace_id, external_id, name, email, phone, first_seen_at)
     SELECT $1, xid, max(n), max(e), max(p), min(seen) FROM (${named}) x
     WHERE NOT EXISTS (SELECT 1 FROM customer c WHERE c.workspace_id = $1 AND c.external_id = x.xid)
     GROUP BY xid
     ON CONFLICT (workspace_id, external_id) DO NOTHING`,
    [ws],
  );
  return r.rowCount ?? 0;
}

async function ensureLocations(client: Client, ws: number, table: string): Promise<number> {
  const r = await client.query(
    `INSERT INTO location (workspace_id, external_id, name)
     SELECT DISTINCT ON (lower(s.location)) $1::int, s.location, s.location FROM ${table} s
     WHERE s.location IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM location l WHERE l.workspace_id = $1
                       AND (l.external_id = s.location OR lower(l.name) = lower(s.location)))
     ORDER BY lower(s.location), s.line
     ON CONFLICT (workspace_id, external_id) DO NOTHING`,
    [ws],
  );
  return r.rowCount ?? 0;
}

// A location named by external id first, else by name (the name lookup runs only when the id does not match).
const locationId = (alias: string) =>
  `coalesce(lx.id, (SELECT min(l.id) FROM location l WHERE l.workspace_id = $1 AND lower(l.name) = lower(${alias}.location)))`;
const locationJoin = (alias: string) =>
  `LEFT JOIN location lx ON lx.workspace_id = $1 AND lx.external_id = ${alias}.location`;

const customerId = (expr: string) =>
  `(SELECT c.id FROM customer c WHERE c.workspace_id = $1 AND c.external_id = ${expr})`;
// The buyer by join (a hash join over a whole batch beats one index probe per row).
const buyerJoin = (alias: string) =>
  `LEFT JOIN customer cx ON cx.workspace_id = $1 AND cx.external_id = ${alias}.customer_external_id`;

type Upsert = { sql: string };

// The partitioned tables (customers, orders): RETURNING cannot read xmax there.
const partitioned: Partial<Record<EntityKind, string>> = { customers: "customer", orders: "orders" };

/**
 * The statement's rows as `up (external_id, inserted)`. In a partitioned table a row is new when it was not
 * there before the statement (the outer query sees that snapshot); elsewhere when its xmax is 0.
 */
const upserted = (entity: EntityKind): string => {
  const table = partitioned[entity];
  return table
    ? `WITH w AS (${upserts[entity].sql}),
       up AS (SELECT w.external_id, NOT EXISTS (SELECT 1 FROM ${table} o WHERE o.workspace_id = $1
                                                AND o.external_id = w.external_id) AS inserted FROM w)`
    : `WITH up AS (${upserts[entity].sql})`;
};

const upserts: Record<EntityKind, Upsert> = {
  customers: {
    sql: `INSERT INTO customer AS t (workspace_id, external_id, name, email, phone, first_seen_at, attributes, referred_by_id)
          SELECT $1, s.external_id, s.name, s.email, s.phone, s.first_seen_at, coalesce(s.attributes, '{}'::jsonb),
                 ${customerId("s.referred_by")}
          FROM ${latest("stage_customers")} s
          ON CONFLICT (workspace_id, external_id) DO UPDATE SET
            name = coalesce(excluded.name, t.name), email = coalesce(excluded.email, t.email),
            phone = coalesce(excluded.phone, t.phone),
            first_seen_at = coalesce(least(excluded.first_seen_at, t.first_seen_at), t.first_seen_at),
            attributes = t.attributes || excluded.attributes,
            referred_by_id = coalesce(excluded.referred_by_id, t.referred_by_id), updated_at = now()
          WHERE (t.name, t.email, t.phone, t.first_seen_at, t.attributes, t.referred_by_id) IS DISTINCT FROM
                (coalesce(excluded.name, t.name), coalesce(excluded.email, t.email), coalesce(excluded.phone, t.phone),
                 coalesce(least(excluded.first_seen_at, t.first_seen_at), t.first_seen_at),
                 t.attributes || excluded.attributes, coalesce(excluded.referred_by_id, t.referred_by_id))
          RETURNING t.external_id`,
  },
  orders: {
    sql: `INSERT INTO orders AS t (workspace_id, external_id, customer_id, ordered_at, amount, list_amount, currency,
                                  channel, location_id, status, wait_days, referred_by_id)
          SELECT $1, s.external_id, cx.id, s.ordered_at, s.amount, s.list_amount,
                 s.currency, s.channel, ${locationId("s")}, s.status, s.wait_days, ${customerId("s.referred_by")}
          FROM ${latest("stage_orders")} s ${buyerJoin("s")} ${locationJoin("s")}
          ON CONFLICT (workspace_id, external_id) DO UPDATE SET
            customer_id = excluded.customer_id, ordered_at = excluded.ordered_at, amount = excluded.amount,
            list_amount = excluded.list_amount, currency = excluded.currency, channel = excluded.channel,
            location_id = excluded.location_id, status = excluded.status, wait_days = excluded.wait_days,
            referred_by_id = excluded.referred_by_id, updated_at = now()
          WHERE (t.customer_id, t.ordered_at, t.amount, t.list_amount, t.currency, t.channel, t.location_id, t.status,
                 t.wait_days, t.referred_by_id) IS DISTINCT FROM
                (excluded.customer_id, excluded.ordered_at, excluded.amount, excluded.list_amount, excluded.currency,
                 excluded.channel, excluded.location_id, excluded.status, excluded.wait_days, excluded.referred_by_id)
          RETURNING t.external_id`,
  },
  requests: {
    sql: `INSERT INTO request AS t (workspace_id, external_id, customer_id, channel, kind, subject, text, language,
                                   created_at, first_response_at, resolved_at, location_id, status, assignee)
          SELECT $1, s.external_id, cx.id, s.channel, s.kind, s.subject,
                 coalesce(s.text, ''), s.language, s.created_at, s.first_response_at, s.resolved_at, ${locationId("s")},
                 s.status, s.assignee
          FROM ${latest("stage_requests")} s ${buyerJoin("s")} ${locationJoin("s")}
          ON CONFLICT (workspace_id, external_id) DO UPDATE SET
            customer_id = excluded.customer_id, channel = excluded.channel, kind = excluded.kind,
            subject = excluded.subject, text = excluded.text, language = excluded.language,
            created_at = excluded.created_at, first_response_at = excluded.first_response_at,
            resolved_at = excluded.resolved_at, location_id = excluded.location_id, status = excluded.status,
            assignee = excluded.assignee, updated_at = now()
          WHERE (t.customer_id, t.channel, t.kind, t.subject, t.text, t.language, t.created_at, t.first_response_at,
                 t.resolved_at, t.location_id, t.status, t.assignee) IS DISTINCT FROM
                (excluded.customer_id, excluded.channel, excluded.kind, excluded.subject, excluded.text,
                 excluded.language, excluded.created_at, excluded.first_response_at, excluded.resolved_at,
                 excluded.location_id, excluded.status, excluded.assignee)
          RETURNING t.external_id, (t.xmax = 0) AS inserted`,
  },
  feedback: {
    sql: `INSERT INTO feedback AS t (workspace_id, external_id, customer_id, kind, score, comment, language, order_id,
                                    request_id, location_id, channel, created_at)
          SELECT $1, s.external_id, cx.id, s.kind, s.score, s.comment, s.language,
                 (SELECT o.id FROM orders o WHERE o.workspace_id = $1 AND o.external_id = s.order_external_id),
                 (SELECT r.id FROM request r WHERE r.workspace_id = $1 AND r.external_id = s.request_external_id),
                 ${locationId("s")}, s.channel, s.created_at
          FROM ${latest("stage_feedback")} s ${buyerJoin("s")} ${locationJoin("s")}
          ON CONFLICT (workspace_id, external_id) DO UPDATE SET
            customer_id = excluded.customer_id, kind = excluded.kind, score = excluded.score,
            comment = excluded.comment, language = excluded.language, order_id = excluded.order_id,
            request_id = excluded.request_id, location_id = excluded.location_id, channel = excluded.channel,
            created_at = excluded.created_at, updated_at = now()
          WHERE (t.customer_id, t.kind, t.score, t.comment, t.language, t.order_id, t.request_id, t.location_id,
                 t.channel, t.created_at) IS DISTINCT FROM
                (excluded.customer_id, excluded.kind, excluded.score, excluded.comment, excluded.language,
                 excluded.order_id, excluded.request_id, excluded.location_id, excluded.channel, excluded.created_at)
          RETURNING t.external_id, (t.xmax = 0) AS inserted`,
  },
};

/** Feedback naming an order or request the workspace does not have: kept, without the link, and said so. */
async function missingLinks(client: Client, ws: number): Promise<MergeOutcome["warnings"]> {
  const r = await client.query<{ line: number; external_id: string; what: string; ref: string }>(
    `SELECT line, external_id, 'order' AS what, order_external_id AS ref FROM stage_feedback s
     WHERE order_external_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.workspace_id = $1 AND o.external_id = s.order_external_id)
     UNION ALL
     SELECT line, external_id, 'request', request_external_id FROM stage_feedback s
     WHERE request_external_id IS NOT NULL
       AND NOT EXISTS (SELECT 1 FROM request r WHERE r.workspace_id = $1 AND r.external_id = s.request_external_id)`,
    [ws],
  );
  return r.rows.map((w) => ({
    line: w.line,
    externalId: w.external_id,
    code: `unknown_${w.what}`,
    message: `${w.what} '${w.ref}' is not in the workspace; the answer was kept without the link`,
  }));
}

/**
 * Stages and merges one batch of valid rows inside the caller's transaction. `perRecord` fills `written`
 * with each external id's fate (the API answers per record); a file import only needs the counts, which
 * spares sending every id back.
 */
export async function mergeBatch<E extends EntityKind>(
  client: Client,
  workspaceId: number,
  entity: E,
  rows: readonly EntityRows[E][],
  o: { perRecord?: boolean } = {},
): Promise<MergeOutcome> {
  const perRecord = o.perRecord ?? true;
  const spec = stages[entity] as StageSpec<EntityRows[E]>;
  // These statements are planned afresh for every batch; compiling them with JIT costs more than it saves.
  await client.query("SET LOCAL jit = off");
  // Every entity may create customers, which a block load may be loading into the workspace's own
  // partition: they wait for it (bulk.ts).
  await holdImportWriteLock(client, workspaceId);
  await copyRows(client, spec.table, spec.columns, rows.map(spec.values));
  const hasCustomerRef = entity !== "customers";
  const createdCustomers = await ensureCustomers(client, workspaceId, entity, spec.table);
  const createdLocations = hasCustomerRef ? await ensureLocations(client, workspaceId, spec.table) : 0;
  const warnings = entity === "feedback" ? await missingLinks(client, workspaceId) : [];
  const written = new Map<string, "inserted" | "updated">();
  let inserted = 0;
  let updated = 0;
  if (perRecord) {
    const res = await client.query<{ external_id: string; inserted: boolean }>(
      `${upserted(entity)} SELECT external_id, inserted FROM up`,
      [workspaceId],
    );
    for (const r of res.rows) written.set(r.external_id, r.inserted ? "inserted" : "updated");
    inserted = res.rows.filter((r) => r.inserted).length;
    updated = res.rows.length - inserted;
  } else {
    const res = await client.query<{ inserted: number; updated: number }>(
      `${upserted(entity)}
       SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM up`,
      [workspaceId],
    );
    inserted = res.rows[0]?.inserted ?? 0;
    updated = res.rows[0]?.updated ?? 0;
  }
  if (entity === "customers") {
    // A referrer listed in the same batch did not exist yet when the rows above were written.
    await client.query(
      `UPDATE customer t SET referred_by_id = r.id
       FROM ${latest("stage_customers")} s JOIN customer r ON r.workspace_id = $1 AND r.external_id = s.referred_by
       WHERE t.workspace_id = $1 AND t.external_id = s.external_id AND t.referred_by_id IS DISTINCT FROM r.id`,
      [workspaceId],
    );
  }
  const distinct = new Set(rows.map((r) => r.externalId)).size;
  return {
    written,
    inserted,
    updated,
    unchanged: distinct - inserted - updated,
    createdCustomers,
    createdLocations,
    warnings,
  };
}
