// The web app's own copy of the importable fields (src/modules/intake/parse/fields.ts is server code and
// the web app talks to it over HTTP only). Keep the two in step: the names are the API's contract.

export const entities = ["customers", "orders", "requests", "feedback"] as const;
export type Entity = (typeof entities)[number];

export const formats = ["auto", "csv", "jsonl", "xlsx", "cdnow"] as const;
export type Format = (typeof formats)[number];

const customerRef = ["customer_external_id", "customer_name", "customer_email", "customer_phone"] as const;
const anyCustomer = ["customer_external_id", "customer_email", "customer_phone"] as const;

export const entityFields = {
  customers: ["external_id", "name", "email", "phone", "first_seen_at", "referred_by"],
  orders: [
    "external_id",
    ...customerRef,
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
  requests: [
    "external_id",
    ...customerRef,
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
  feedback: [
    "external_id",
    ...customerRef,
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
} as const satisfies Record<Entity, readonly string[]>;

export type FieldOf<E extends Entity> = (typeof entityFields)[E][number];
export type AnyField = FieldOf<Entity>;

/** Each group is satisfied by any one of its fields ("customer id, e-mail or phone"). */
export const requiredGroups: Record<Entity, readonly (readonly string[])[]> = {
  customers: [["external_id", "email", "phone"]],
  orders: [["ordered_at"], ["amount"], anyCustomer],
  requests: [["created_at"], ["kind"]],
  feedback: [["created_at"], ["score"], ["kind"]],
};

/** Fields a required group can take from one value for every row, with the values the server accepts. */
export const defaultable: Partial<Record<Entity, Partial<Record<string, readonly string[]>>>> = {
  requests: { kind: ["complaint", "question", "suggestion", "praise"] },
  feedback: { kind: ["nps", "csat", "ces"] },
};

/** "ignore" is the API's word for a column that is not read at all. */
export const IGNORE = "ignore";

export function isField(entity: Entity, name: string): boolean {
  return (entityFields[entity] as readonly string[]).includes(name);
}

export function isEntity(value: unknown): value is Entity {
  return typeof value === "string" && (entities as readonly string[]).includes(value);
}

/** The file types the page accepts; the server also sniffs the content. */
export const acceptedExtensions = [".csv", ".tsv", ".txt", ".jsonl", ".xlsx"] as const;

export function hasAcceptedExtension(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  return acceptedExtensions.some((ext) => lower.endsWith(ext));
}
