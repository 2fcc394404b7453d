import type {
  Initiative,
  InitiativeBody,
  InitiativeKind,
  InitiativeStatus,
  TargetKind,
} from "./initiatives-api.ts";
import { targetOf } from "./initiatives-api.ts";

/** The initiative form's values as typed, its checks and its conversion to the API's body. Pure. */

export type FormValues = {
  title: string;
  description: string;
  kind: InitiativeKind | "";
  lever: string;
  status: InitiativeStatus;
  /** YYYY-MM-DD in the workspace's time zone. */
  startedAt: string;
  /** Major units as typed, "1 234,50" or "1234.50". */
  cost: string;
  owner: string;
  targetKind: TargetKind | "all";
  targetValue: string;
};

export type FormField =
  | "title"
  | "kind"
  | "startedAt"
  | "cost"
  | "targetValue"
  | "lever"
  | "owner"
  | "description";
/** An i18n key under initiativesPage.errors per field. */
export type FormErrors = Partial<
  Record<FormField, "required" | "tooLong" | "badDate" | "badCost" | "chooseTarget">
>;

export const emptyForm = (today: string): FormValues => ({
  title: "",
  description: "",
  kind: "",
  lever: "",
  status: "active",
  startedAt: today,
  cost: "",
  owner: "",
  targetKind: "all",
  targetValue: "",
});

/** A calendar date in a time zone, as YYYY-MM-DD. */
export function localDate(iso: string | Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  })
    .formatToParts(typeof iso === "string" ? new Date(iso) : iso)
    .reduce<Record<string, string>>((acc, p) => {
      acc[p.type] = p.value;
      return acc;
    }, {});
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/**
 * Money typed by a person into minor units: spaces (also no-break) group thousands; a comma or a dot
 * is the decimal mark. Returns null for anything else, or more decimals than the currency has.
 */
export function parseCost(text: string, digits: number): number | null {
  const s = text.replace(/[\s\u00a0\u202f]/g, "");
  if (s === "") return 0;
  const m = /^(\d+)(?:[.,](\d*))?$/.exec(s);
  if (!m) return null;
  const whole = m[1] ?? "0";
  const frac = m[2] ?? "";
  if (frac.length > digits) return null;
  const minor = Number(whole) * 10 ** digits + (frac === "" ? 0 : Number(frac.padEnd(digits, "0")));
  return Number.isSafeInteger(minor) ? minor : null;
}

/** Minor units back into what a person types (a dot as decimal mark, no grouping). */
export function costText(minor: number, digits: number): string {
  if (minor === 0) return "";
  if (digits === 0) return String(minor);
  const whole = Math.floor(minor / 10 ** digits);
  const frac = String(minor % 10 ** digits).padStart(digits, "0");
  return /^0+$/.test(frac) ? String(whole) : `${whole}.${frac}`;
}

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export function validate(v: FormValues, currencyDigits: number): FormErrors {
  const e: FormErrors = {};
  if (v.title.trim() === "") e.title = "required";
  else if (v.title.trim().length > 300) e.title = "tooLong";
  if (v.kind === "") e.kind = "required";
  if (v.lever.length > 300) e.lever = "tooLong";
  if (v.owner.length > 200) e.owner = "tooLong";
  if (v.description.length > 10_000) e.description = "tooLong";
  if (v.startedAt === "") e.startedAt = "required";
  else if (!DATE.test(v.startedAt) || Number.isNaN(Date.parse(`${v.startedAt}T00:00:00Z`)))
    e.startedAt = "badDate";
  if (parseCost(v.cost, currencyDigits) === null) e.cost = "badCost";
  if (v.targetKind !== "all" && v.targetValue.trim() === "") e.targetValue = "chooseTarget";
  return e;
}

const orNull = (s: string) => (s.trim() === "" ? null : s.trim());

/** The API body for valid values (validate first). */
export function toBody(v: FormValues, currencyDigits: number): InitiativeBody {
  return {
    title: v.title.trim(),
    description: orNull(v.description),
    kind: v.kind as InitiativeKind,
    lever: orNull(v.lever),
    status: v.status,
    startedAt: v.startedAt,
    cost: parseCost(v.cost, currencyDigits) ?? 0,
    owner: orNull(v.owner),
    target: v.targetKind === "all" ? {} : { [v.targetKind]: v.targetValue.trim() },
  };
}

/** The form filled from a stored initiative (for editing). */
export function fromInitiative(i: Initiative, timeZone: string, currencyDigits: number): FormValues {
  const t = targetOf(i.target);
  return {
    title: i.title,
    description: i.description ?? "",
    kind: i.kind,
    lever: i.lever ?? "",
    status: i.status,
    startedAt: localDate(i.startedAt, timeZone),
    cost: costText(i.cost, currencyDigits),
    owner: i.owner ?? "",
    targetKind: t.kind,
    targetValue: t.value ?? "",
  };
}

/** Server field paths (422 details) onto the form's fields. */
export function serverField(path: string): FormField | undefined {
  if (path.startsWith("target")) return "targetValue";
  const known: FormField[] = ["title", "kind", "startedAt", "cost", "lever", "owner", "description"];
  return known.find((f) => path === f);
}
