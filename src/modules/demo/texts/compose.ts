import type { Rng } from "../random.ts";
import type { Lang, LocationKey, RequestChannel } from "../types.ts";
import {
  closers,
  emojiNegative,
  emojiPositive,
  items,
  money,
  openers,
  places,
  quantity,
  signoffs,
  weekdays,
} from "./common.ts";
import type { Phrases } from "./types.ts";

/** The facts of the event a text is about; the slots in the phrases are filled from it. */
export type TextContext = {
  lang: Lang;
  location: LocationKey | null;
  /** Kyiv weekday, Monday = 0. */
  weekday: number;
  /** Kyiv minutes after midnight. */
  minuteOfDay: number;
  days: number;
  hours: number;
  minutes: number;
  order: string | null;
  /** Minor units. */
  amount: number;
  fee: number;
  name: string;
  staff: string;
};

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function fill(template: string, ctx: TextContext, rng: Rng): string {
  if (!template.includes("{")) return template;
  const item = rng.pick(items[ctx.lang]);
  return template.replace(/\{(\w+)\}/g, (whole, slot: string) => {
    switch (slot) {
      case "where":
        return rng.pick(places[ctx.location ?? "online"][ctx.lang]);
      case "time": {
        // People round the time they remember to five minutes.
        const m = Math.floor(ctx.minuteOfDay / 5) * 5;
        return `${Math.floor(m / 60)}:${pad2(m % 60)}`;
      }
      case "day":
        return weekdays[ctx.lang][ctx.weekday] ?? "";
      case "days":
        return quantity(ctx.lang, ctx.days, "day");
      case "hours":
        return quantity(ctx.lang, ctx.hours, "hour");
      case "minutes":
        return quantity(ctx.lang, ctx.minutes, "minute");
      case "order":
        return ctx.order ?? String(rng.int(10000, 99999));
      case "amount":
        return money(ctx.lang, ctx.amount);
      case "fee":
        return money(ctx.lang, ctx.fee);
      case "item":
        return item[1];
      case "itemNom":
        return item[0];
      case "name":
        return ctx.name;
      case "staff":
        return ctx.staff;
      default:
        return whole;
    }
  });
}

function capitalise(text: string): string {
  return text.length === 0 ? text : text.charAt(0).toUpperCase() + text.slice(1);
}

/** One slip of the finger: two letters swapped, one dropped or one doubled, in a word of five letters or more. */
export function typo(text: string, rng: Rng): string {
  const words = [...text.matchAll(/\p{L}{5,}/gu)];
  if (words.length === 0) return text;
  const word = rng.pick(words);
  const start = word.index ?? 0;
  const at = start + rng.int(1, word[0].length - 2);
  const kind = rng.int(0, 2);
  if (kind === 0) return text.slice(0, at) + text.charAt(at + 1) + text.charAt(at) + text.slice(at + 2);
  if (kind === 1) return text.slice(0, at) + text.slice(at + 1);
  return text.slice(0, at) + text.charAt(at) + text.slice(at);
}

const messengers: ReadonlySet<RequestChannel> = new Set(["telegram", "viber", "whatsapp", "instagram"]);

const agentNotes: Readonly<Record<Lang, readonly string[]>> = {
  ru: ["Со слов клиента: ", "Клиент жалуется: ", "Звонок клиента. ", "Запись администратора: "],
  uk: ["Зі слів клієнта: ", "Клієнт скаржиться: ", "Дзвінок клієнта. ", "Запис адміністратора: "],
  en: ["Customer says: ", "Customer complaint: ", "Call note. "],
};

/** The way people type in a channel: chats are terse and lower-case, e-mails polite, calls are the agent's note. */
function styled(text: string, channel: RequestChannel, lang: Lang, rng: Rng, positive: boolean): string {
  let out = text;
  if (rng.chance(0.06)) out = typo(out, rng);
  if (messengers.has(channel)) {
    if (rng.chance(0.4)) out = out.charAt(0).toLowerCase() + out.slice(1).replace(/\.$/, "");
    if (rng.chance(0.18)) out = `${out} ${rng.pick(positive ? emojiPositive : emojiNegative)}`;
  } else if (!positive && rng.chance(0.05)) {
    out = out.replace(/[.!]?$/, "!!!");
  }
  if ((channel === "phone" || channel === "in_person") && !positive && rng.chance(0.5)) {
    out = rng.pick(agentNotes[lang]) + out.charAt(0).toLowerCase() + out.slice(1);
  }
  return out;
}

const openerChance: Readonly<Record<RequestChannel, number>> = {
  email: 0.75,
  web: 0.5,
  telegram: 0.3,
  viber: 0.35,
  whatsapp: 0.3,
  instagram: 0.2,
  phone: 0.05,
  in_person: 0.05,
};

/** A complaint about a problem, as a request text. */
export function complaintText(phrases: Phrases, ctx: TextContext, channel: RequestChannel, rng: Rng): string {
  const shortShare = messengers.has(channel) ? 0.22 : 0.08;
  if (rng.chance(shortShare))
    return styled(capitalise(fill(rng.pick(phrases.short), ctx, rng)), channel, ctx.lang, rng, false);
  const parts: string[] = [];
  if (rng.chance(openerChance[channel])) parts.push(rng.pick(openers[ctx.lang]));
  parts.push(rng.pick(phrases.core));
  if (rng.chance(0.55)) parts.push(rng.pick(phrases.detail));
  if (rng.chance(0.45)) parts.push(rng.pick(phrases.impact));
  if (rng.chance(0.3)) parts.push(rng.pick(closers[ctx.lang]));
  if (channel === "email" && rng.chance(0.35)) parts.push(rng.pick(signoffs[ctx.lang]));
  const text = parts.map((p) => capitalise(fill(p, ctx, rng))).join(" ");
  return styled(text, channel, ctx.lang, rng, false);
}

/** A detractor's survey comment about a problem: shorter, no greetings. */
export function problemComment(phrases: Phrases, ctx: TextContext, rng: Rng): string {
  const r = rng.next();
  let text: string;
  if (r < 0.25) text = fill(rng.pick(phrases.short), ctx, rng);
  else if (r < 0.75) text = fill(rng.pick(phrases.core), ctx, rng);
  else
    text = `${fill(rng.pick(phrases.core), ctx, rng)} ${capitalise(fill(rng.pick(phrases.impact), ctx, rng))}`;
  text = capitalise(text);
  return rng.chance(0.05) ? typo(text, rng) : text;
}

/** Any other text: a question, a thank-you, a survey remark. */
export function plainText(
  body: string,
  ctx: TextContext,
  rng: Rng,
  options: {
    channel?: RequestChannel;
    before?: readonly string[];
    after?: readonly string[];
    positive?: boolean;
  } = {},
): string {
  const parts: string[] = [];
  if (options.before && rng.chance(0.45)) parts.push(rng.pick(options.before));
  parts.push(body);
  if (options.after && rng.chance(0.4)) parts.push(rng.pick(options.after));
  const text = parts.map((p) => capitalise(fill(p, ctx, rng))).join(" ");
  if (!options.channel) return rng.chance(0.04) ? typo(text, rng) : text;
  return styled(text, options.channel, ctx.lang, rng, options.positive ?? true);
}
