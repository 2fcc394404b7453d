import { describe, expect, it } from "vitest";
import { compileRule, ruleDefinition } from "./rules.ts";

describe("rule segments", () => {
  it("compiles 'bought in store A, ≥ 3 orders, complained in 90 days' to parameterised SQL", () => {
    const def = ruleDefinition.parse({
      match: "all",
      conditions: [
        { field: "location", locations: [12] },
        { field: "orders", op: "gte", value: 3 },
        { field: "complained", withinDays: 90 },
      ],
    });
    const c = compileRule(def);
    expect(c.params).toEqual([[12], 3, 90]);
    expect(c.sql).toContain("o.location_id = ANY($3::bigint[])");
    expect(c.sql).toContain(") >= $4::bigint");
    expect(c.sql).toContain("r.created_at > $2::timestamptz - make_interval(days => $5::int)");
    expect(c.sql.match(/\) AND \(/g)?.length).toBe(2);
  });

  it("never puts a typed value into the SQL text", () => {
    const evil = "x'); DROP TABLE customer; --";
    const c = compileRule(
      ruleDefinition.parse({
        match: "any",
        conditions: [
          { field: "attribute", key: evil, op: "contains", value: evil },
          { field: "channel", channels: [evil] },
          { field: "nps", op: "lte", value: 6 },
        ],
      }),
    );
    expect(c.sql).not.toContain("DROP");
    expect(c.params).toEqual([evil, evil, [evil], 6]);
    expect(c.sql).toContain(" OR ");
  });

  it("rejects unknown fields, operators and out-of-range values, naming the path", () => {
    const bad = ruleDefinition.safeParse({
      match: "all",
      conditions: [{ field: "nps", op: "gte", value: 11 }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0]!.path).toEqual(["conditions", 0, "value"]);
    expect(ruleDefinition.safeParse({ match: "all", conditions: [] }).success).toBe(false);
    expect(
      ruleDefinition.safeParse({ match: "all", conditions: [{ field: "orders", op: "like", value: 1 }] })
        .success,
    ).toBe(false);
    expect(
      ruleDefinition.safeParse({ match: "all", conditions: [{ field: "sql", value: "1=1" }] }).success,
    ).toBe(false);
  });
});
