import { z } from "zod";
import { RFM_SEGMENTS } from "./rfm.ts";

/**
 * Rule segments: a filter a person builds ("bought in store A, ≥ 3 orders, complained in 90 days") kept as
 * JSON and compiled to one parameterised SQL query. Every value the person typed travels as a query
 * parameter; the SQL text is assembled only from fixed fragments chosen by the validated field and operator.
 * "Within D days" counts back from the workspace's reference time (its latest completed order), the same
 * moment RFM recency is measured from, so an old import does not empty every segment.
 */

const days = z.number().int().min(1).max(3650);
const compare = z.enum(["gte", "lte", "eq"]);
const bound = z.enum(["gte", "lte"]);

export const ruleCondition = z.discriminatedUnion("field", [
  z.object({
    field: z.literal("location"),
    locations: z.array(z.number().int().positive()).min(1).max(100),
    withinDays: days.optional(),
  }),
  z.object({
    field: z.literal("channel"),
    channels: z.array(z.string().trim().min(1).max(50)).min(1).max(20),
    withinDays: days.optional(),
  }),
  z.object({
    field: z.literal("orders"),
    op: compare,
    value: z.number().int().min(0).max(1_000_000),
    withinDays: days.optional(),
  }),
  z.object({
    field: z.literal("revenue"),
    op: compare,
    /** minor units */
    value: z.number().int().min(0).max(1e15),
    withinDays: days.optional(),
  }),
  z.object({ field: z.literal("lastOrderDays"), op: bound, value: z.number().int().min(0).max(36500) }),
  z.object({ field: z.literal("complained"), withinDays: days, negate: z.boolean().optional() }),
  z.object({ field: z.literal("nps"), op: compare, value: z.number().int().min(0).max(10) }),
  z.object({
    field: z.literal("attribute"),
    key: z.string().trim().min(1).max(100),
    op: z.enum(["eq", "neq", "contains"]),
    value: z.string().max(200),
  }),
  z.object({ field: z.literal("rfm"), segments: z.array(z.enum(RFM_SEGMENTS)).min(1).max(11) }),
]);
export type RuleCondition = z.infer<typeof ruleCondition>;

export const ruleDefinition = z.object({
  match: z.enum(["all", "any"]),
  conditions: z.array(ruleCondition).min(1).max(20),
});
export type RuleDefinition = z.infer<typeof ruleDefinition>;

export type CompiledRule = { sql: string; params: unknown[] };

const OP: Record<"gte" | "lte" | "eq", string> = { gte: ">=", lte: "<=", eq: "=" };

/**
 * `SELECT c.id FROM customer c WHERE …` for the workspace $1 with the reference time $2; parameters from $3
 * on are the rule's values, in order.
 */
export function compileRule(def: RuleDefinition): CompiledRule {
  const params: unknown[] = [];
  const p = (v: unknown, cast: string) => {
    params.push(v);
    return `$${params.length + 2}::${cast}`;
  };
  const since = (d: number | undefined, col: string) =>
    d === undefined ? "" : ` AND ${col} > $2::timestamptz - make_interval(days => ${p(d, "int")})`;
  const ordersOf = "o.workspace_id = $1 AND o.customer_id = c.id AND o.status = 'completed'";
  const parts = def.conditions.map((c): string => {
    switch (c.field) {
      case "location":
        return `EXISTS (SELECT 1 FROM orders o WHERE ${ordersOf} AND o.location_id = ANY(${p(c.locations, "bigint[]")})${since(c.withinDays, "o.ordered_at")})`;
      case "channel":
        return `EXISTS (SELECT 1 FROM orders o WHERE ${ordersOf} AND o.channel = ANY(${p(c.channels, "text[]")})${since(c.withinDays, "o.ordered_at")})`;
      case "orders": {
        const w = since(c.withinDays, "o.ordered_at");
        return `(SELECT count(*) FROM orders o WHERE ${ordersOf}${w}) ${OP[c.op]} ${p(c.value, "bigint")}`;
      }
      case "revenue": {
        const w = since(c.withinDays, "o.ordered_at");
        // Money in the workspace's currency only (no conversion).
        const own = "o.currency = (SELECT w.currency FROM workspace w WHERE w.id = $1)";
        return `(SELECT coalesce(sum(o.amount), 0) FROM orders o WHERE ${ordersOf} AND ${own}${w}) ${OP[c.op]} ${p(c.value, "numeric")}`;
      }
      case "lastOrderDays": {
        // at least N days since the last order ⇔ the last order is at or before the reference time − N days
        const cut = `$2::timestamptz - make_interval(days => ${p(c.value, "int")})`;
        return `(SELECT max(o.ordered_at) FROM orders o WHERE ${ordersOf}) ${c.op === "gte" ? "<=" : ">="} ${cut}`;
      }
      case "complained":
        return `${c.negate ? "NOT " : ""}EXISTS (SELECT 1 FROM request r WHERE r.workspace_id = $1 AND r.customer_id = c.id AND r.kind = 'complaint'${since(c.withinDays, "r.created_at")} AND r.created_at <= $2::timestamptz)`;
      case "nps":
        return `(SELECT f.score FROM feedback f WHERE f.workspace_id = $1 AND f.customer_id = c.id AND f.kind = 'nps' ORDER BY f.created_at DESC, f.id DESC LIMIT 1) ${OP[c.op]} ${p(c.value, "int")}`;
      case "attribute": {
        const key = p(c.key, "text");
        if (c.op === "eq") return `c.attributes ->> ${key} = ${p(c.value, "text")}`;
        if (c.op === "neq") return `c.attributes ->> ${key} IS DISTINCT FROM ${p(c.value, "text")}`;
        return `strpos(lower(c.attributes ->> ${key}), lower(${p(c.value, "text")})) > 0`;
      }
      default:
        return `EXISTS (SELECT 1 FROM customer_segment cs JOIN segment s ON s.workspace_id = cs.workspace_id AND s.id = cs.segment_id
          WHERE cs.workspace_id = $1 AND cs.customer_id = c.id AND s.code = ANY(${p(
            c.segments.map((x) => `rfm:${x}`),
            "text[]",
          )}))`;
    }
  });
  const joined = parts.map((x) => `(${x})`).join(def.match === "all" ? " AND " : " OR ");
  // $2 is named even when no condition counts days, so PostgreSQL always knows its type
  return {
    sql: `SELECT c.id FROM customer c WHERE c.workspace_id = $1 AND $2::timestamptz IS NOT NULL AND (${joined})`,
    params,
  };
}
