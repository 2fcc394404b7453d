import type { RawCell } from "./source.ts";
import { cellText, fail, ok, type ValueResult } from "./values.ts";

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:".]{2,}$/u;

/**
 * Normalises an e-mail for matching customers across files: trimmed, "mailto:" and "Name <…>" removed,
 * lower case (mailboxes are case-insensitive in practice). Rejects only what cannot be an address.
 * Several addresses in one cell: the first is kept.
 */
export const parseEmail = (cell: RawCell): ValueResult<string> => {
  const raw = cellText(cell).trim();
  const angle = /<([^<>]*@[^<>]*)>/.exec(raw);
  let t = angle ? angle[1]! : (raw.split(/[;,\s]+(?=[^\s;,]*@)/u)[0] ?? raw);
  t = t
    .replace(/^mailto:/i, "")
    .trim()
    .toLowerCase();
  if (t.length > 254 || !EMAIL.test(t)) return fail("bad_email", { value: raw });
  return ok(t);
};

/**
 * Normalises a phone number to digits with a leading "+" when the country is known. Extensions
 * ("доб. 12", "ext 12") are dropped; several numbers in one cell: the first is kept. National formats
 * of our markets are completed: 8XXXXXXXXXX and 7XXXXXXXXXX (11 digits) → +7…, 0XXXXXXXXX (10 digits)
 * and 80XXXXXXXXX (old Ukrainian trunk) → +380…, 380XXXXXXXXX → +380…. Other numbers keep their digits.
 * Rejected only when it cannot be a phone: letters, or fewer than 5 / more than 15 digits.
 */
export const parsePhone = (cell: RawCell): ValueResult<string> => {
  const raw = typeof cell === "number" ? String(cell) : cellText(cell).trim();
  let t = raw.split(/[,;/]|\s{2,}/u)[0] ?? raw;
  t = t.replace(/\s*(?:доб|ext|extension|вн|внутр|x)\.?\s*\d+\s*$/iu, "");
  t = t.replace(/^tel:/i, "");
  if (/\p{L}/u.test(t)) return fail("bad_phone", { value: raw });
  const plus = t.trimStart().startsWith("+");
  const digits = t.replace(/\D/g, "");
  if (digits.length < 5 || digits.length > 15) return fail("bad_phone", { value: raw });
  if (plus) return ok(`+${digits}`);
  if (digits.length === 11 && (digits[0] === "8" || digits[0] === "7") && digits[1] !== "0")
    return ok(`+7${digits.slice(1)}`);
  if (digits.length === 11 && digits.startsWith("80")) return ok(`+3${digits}`);
  if (digits.length === 10 && digits[0] === "0") return ok(`+38${digits}`);
  if (digits.length === 12 && digits.startsWith("380")) return ok(`+${digits}`);
  return ok(digits);
};
