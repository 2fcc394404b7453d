import { AppError } from "../../../platform/errors.ts";
import { ENTITIES, type EntityKind, type FieldSpec } from "./fields.ts";
import { describeIssue, type IssueCode, type IssueParams } from "./issues.ts";
import { normalizeKey } from "./values.ts";

export type MapHow = "override" | "exact" | "weak" | "partial" | "attribute" | "ignored" | "unmapped";

/** One line of the preview: which field a column feeds and how sure the guess is (1 = certain). */
export type ColumnMapping = {
  column: string;
  index: number;
  field: string | null;
  confidence: number;
  how: MapHow;
};

export type Mapping<E extends EntityKind = EntityKind> = {
  entity: E;
  /** The reader's column list (the same array: JSONL may append to it while reading). */
  columns: readonly string[];
  /** field → column index. */
  byField: Readonly<Record<string, number>>;
  /** field → value used when the field has no column or the cell is empty (`--default kind=complaint`). */
  defaults: Readonly<Record<string, string>>;
  /** Columns mapped by hand to "ignore": never read, not even into customer attributes. */
  ignored: ReadonlySet<number>;
  report: ColumnMapping[];
};

export type MappingError = { code: IssueCode; params: IssueParams; message: string };

export type MappingOutcome<E extends EntityKind = EntityKind> =
  | { ok: true; mapping: Mapping<E> }
  | { ok: false; errors: MappingError[]; mapping: Mapping<E> };

export type MappingOptions = {
  /** column → field or "ignore", from `--map column=field` (see parseMapArgs). */
  overrides?: Readonly<Record<string, string>>;
  defaults?: Readonly<Record<string, string>>;
};

const IGNORE = new Set(["ignore", "-", "skip", "none"]);
// Headers that contain a date word but are not the event's date.
const NOT_EVENT = new Set(["рождения", "birth", "birthday", "народження", "др", "dob"]);
const MIN_PARTIAL = 0.6;

const mappingError = (code: IssueCode, params: IssueParams): MappingError => ({
  code,
  params,
  message: describeIssue(code, params),
});

/** `--map` arguments ("Сумма=amount", "Дата заказа = ordered_at") → column → field. */
export const parseMapArgs = (args: readonly string[]): Record<string, string> => {
  const out: Record<string, string> = {};
  for (const arg of args) {
    const at = arg.lastIndexOf("=");
    if (at <= 0 || at === arg.length - 1)
      throw new AppError("bad_request", `--map expects column=field, got "${arg}"`, { arg });
    out[arg.slice(0, at).trim()] = arg.slice(at + 1).trim();
  }
  return out;
};

const tokensOf = (text: string): string[] => (text ? text.split(" ") : []);

const containsRun = (hay: readonly string[], needle: readonly string[]): boolean => {
  for (let i = 0; i + needle.length <= hay.length; i++) {
    let all = true;
    for (let k = 0; k < needle.length && all; k++) if (hay[i + k] !== needle[k]) all = false;
    if (all) return true;
  }
  return false;
};

/** How well a header names a field: 1 exact, 0.9 weak exact, 0.5–0.85 when a synonym's words appear in it. */
const score = (header: string, field: FieldSpec): { confidence: number; how: MapHow } => {
  if (header === "") return { confidence: 0, how: "unmapped" };
  const own = normalizeKey(field.name);
  if (header === own || field.synonyms.some((s) => normalizeKey(s) === header))
    return { confidence: 1, how: "exact" };
  if (field.weak?.some((s) => normalizeKey(s) === header)) return { confidence: 0.9, how: "weak" };
  const words = tokensOf(header);
  if (field.type === "datetime" && words.some((w) => NOT_EVENT.has(w)))
    return { confidence: 0, how: "unmapped" };
  let best = 0;
  for (const synonym of [own, ...field.synonyms]) {
    const key = normalizeKey(synonym);
    if (key.length < 4) continue; // "id", "tel", "no" inside longer headers mean too many things
    const needle = tokensOf(key);
    if (containsRun(words, needle))
      best = Math.max(best, Math.min(0.85, 0.5 + (0.4 * needle.length) / words.length));
  }
  return best >= MIN_PARTIAL ? { confidence: best, how: "partial" } : { confidence: 0, how: "unmapped" };
};

const findColumn = (columns: readonly string[], name: string): number => {
  const exact = columns.indexOf(name);
  if (exact >= 0) return exact;
  const key = normalizeKey(name);
  return columns.findIndex((c) => normalizeKey(c) === key);
};

/**
 * Maps a file's columns to an entity's fields: overrides first, then the best-scoring guesses, each
 * field and column used once (ties go to the earlier column, then the earlier field). Unmapped columns
 * become customer attributes for customer files. Fails naming every required field without a column.
 */
export const autoMap = <E extends EntityKind>(
  entity: E,
  columns: readonly string[],
  options: MappingOptions = {},
): MappingOutcome<E> => {
  const spec = ENTITIES[entity];
  const errors: MappingError[] = [];
  const byField: Record<string, number> = {};
  const defaults: Record<string, string> = { ...options.defaults };
  const report: ColumnMapping[] = columns.map((column, index) => ({
    column,
    index,
    field: null,
    confidence: 0,
    how: entity === "customers" ? "attribute" : "unmapped",
  }));
  const ignored = new Set<number>();
  const fieldNames = spec.fields.map((f) => f.name);

  for (const [column, target] of Object.entries(options.overrides ?? {})) {
    const index = findColumn(columns, column);
    if (index < 0) {
      errors.push(mappingError("unknown_column", { column, columns: columns.join(", ") }));
      continue;
    }
    const entry = report[index]!;
    if (IGNORE.has(target.toLowerCase())) {
      ignored.add(index);
      Object.assign(entry, { field: null, confidence: 1, how: "ignored" });
      continue;
    }
    if (!fieldNames.includes(target)) {
      errors.push(mappingError("unknown_field", { field: target, entity, allowed: fieldNames.join(", ") }));
      continue;
    }
    const taken = byField[target];
    if (taken !== undefined) {
      const both = `${columns[taken]}, ${column}`;
      errors.push(mappingError("duplicate_field", { field: target, columns: both }));
      continue;
    }
    byField[target] = index;
    Object.assign(entry, { field: target, confidence: 1, how: "override" });
  }

  const candidates: { index: number; field: number; confidence: number; how: MapHow }[] = [];
  columns.forEach((column, index) => {
    if (report[index]!.how === "override" || ignored.has(index)) return;
    const header = normalizeKey(column);
    spec.fields.forEach((f, field) => {
      if (byField[f.name] !== undefined) return;
      const s = score(header, f);
      if (s.confidence > 0) candidates.push({ index, field, ...s });
    });
  });
  candidates.sort((a, b) => b.confidence - a.confidence || a.index - b.index || a.field - b.field);
  const usedColumns = new Set<number>();
  for (const c of candidates) {
    const name = spec.fields[c.field]!.name;
    if (usedColumns.has(c.index) || byField[name] !== undefined) continue;
    usedColumns.add(c.index);
    byField[name] = c.index;
    Object.assign(report[c.index]!, { field: name, confidence: c.confidence, how: c.how });
  }

  preferContactsAsId(byField, report);
  impliedFeedbackKind(entity, columns, byField, defaults);

  for (const group of spec.required) {
    const met = group.some(
      (name) =>
        byField[name] !== undefined ||
        defaults[name] !== undefined ||
        spec.fields.some((f) => f.name === name && f.fallback !== undefined),
    );
    if (!met) {
      const hint = `map a column with --map "column=${group[0]}"${group.length === 1 ? " or give a default" : ""}`;
      errors.push(mappingError("missing_field", { field: group.join(" / "), hint }));
    }
  }
  const mapping: Mapping<E> = { entity, columns, byField, defaults, ignored, report };
  return errors.length > 0 ? { ok: false, errors, mapping } : { ok: true, mapping };
};

// "Покупатель" is more often a name than an id: when the file also has an e-mail or a phone, identify the
// customer by that and keep the word column as the name.
const preferContactsAsId = (byField: Record<string, number>, report: ColumnMapping[]): void => {
  const id = byField.customer_external_id;
  if (id === undefined || report[id]!.how !== "weak" || byField.customer_name !== undefined) return;
  if (byField.customer_email === undefined && byField.customer_phone === undefined) return;
  delete byField.customer_external_id;
  byField.customer_name = id;
  report[id]!.field = "customer_name";
};

// A score column headed "NPS", "CSAT" or "CES" says which survey it is.
const impliedFeedbackKind = (
  entity: EntityKind,
  columns: readonly string[],
  byField: Record<string, number>,
  defaults: Record<string, string>,
): void => {
  const scoreAt = byField.score;
  if (
    entity !== "feedback" ||
    byField.kind !== undefined ||
    defaults.kind !== undefined ||
    scoreAt === undefined
  )
    return;
  const words = tokensOf(normalizeKey(columns[scoreAt] ?? ""));
  const kind = ["nps", "csat", "ces"].find((k) => words.includes(k));
  if (kind) defaults.kind = kind;
};
