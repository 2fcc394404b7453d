/**
 * Emoji and emoticons that carry a clear sentiment become a marker token; every other pictograph is
 * dropped. Customers use them instead of words («доставка 👎», "staff 😡"), so the sentiment is worth
 * keeping while the pictures themselves would only add noise to topic clustering.
 */

export const positiveMarker = "⟨pos⟩";
export const negativeMarker = "⟨neg⟩";

const negative = [
  "😡",
  "😠",
  "🤬",
  "👎",
  "😞",
  "😢",
  "😭",
  "😤",
  "💩",
  "🤮",
  "🤢",
  "😒",
  "😩",
  "😫",
  "😖",
  "😣",
  "🙁",
  "☹",
  "😕",
  "😟",
  "😔",
  "😓",
  "😥",
  "😰",
  "😱",
  "🤦",
  "💔",
  "🙄",
  "😬",
  "😪",
  "🐌",
  "🤯",
  "😑",
];

const positive = [
  "👍",
  "😊",
  "🙂",
  "😀",
  "😃",
  "😄",
  "😁",
  "😆",
  "😍",
  "🥰",
  "😘",
  "❤",
  "♥",
  "💕",
  "💖",
  "💗",
  "💓",
  "💞",
  "💚",
  "💙",
  "💛",
  "🧡",
  "💜",
  "🤍",
  "💯",
  "👌",
  "👏",
  "🙏",
  "🤗",
  "😉",
  "😌",
  "✨",
  "🌟",
  "⭐",
  "🎉",
  "🥳",
  "✅",
  "💪",
  "😋",
  "🤩",
  "☺",
  "🔥",
];

const sentiment: ReadonlyMap<string, string> = new Map([
  ...negative.map((e): [string, string] => [e, negativeMarker]),
  ...positive.map((e): [string, string] => [e, positiveMarker]),
]);

// One pictograph with its optional modifiers (skin tone, variation selector, zero-width joiner chains),
// so a family or a coloured heart counts as one symbol.
const emojiPattern =
  /\p{Extended_Pictographic}(?:\u{FE0F}|\p{Emoji_Modifier})*(?:\u200D\p{Extended_Pictographic}(?:\u{FE0F}|\p{Emoji_Modifier})*)*|[\u{1F1E6}-\u{1F1FF}]{2}|[\u{2600}-\u{27BF}]\u{FE0F}?/gu;

// Text emoticons, including the Russian/Ukrainian habit of bare brackets: «спасибо)))», «опять ((».
const emoticonPattern =
  /(?<![\p{L}\p{N}])[:;=][-o^']?[)\]dpр](?![\p{L}\p{N}])|(?<![\p{L}\p{N}])[:;=][-o^']?[([](?![\p{L}\p{N}])|\){2,}|\({2,}/giu;

const emoticonHint = /[:;=][-o^']?[()[\]dpр]|\)\)|\(\(/i;

/** A cheap test for "this text may hold an emoji or emoticon" (astral or symbol code units, brackets). */
export const emojiHint =
  /[\uD800-\uDFFF\u2190-\u2BFF\u00A9\u00AE\u3030\u303D\u3297\u3299]|[:;=][-o^']?[()[\]dpр]|\)\)|\(\(/i;

const markerOf = (emoji: string): string | undefined => {
  const base = emoji.replace(/[\u{FE0F}\u200D]|\p{Emoji_Modifier}/gu, "");
  return sentiment.get(base) ?? sentiment.get([...base][0] ?? "");
};

/** Replaces emoji and emoticons by sentiment markers (or nothing), surrounded by spaces. */
export const replaceEmoji = (text: string, keepMarkers: boolean): string => {
  const withEmoji = text.replace(emojiPattern, (m) => {
    const marker = markerOf(m);
    return keepMarkers && marker ? ` ${marker} ` : " ";
  });
  // The emoticon pattern is slow to try at every position; most texts have no candidate at all.
  if (!emoticonHint.test(withEmoji)) return withEmoji;
  return withEmoji.replace(emoticonPattern, (m) => {
    if (!keepMarkers) return " ";
    const sad = m.includes("(") || m.includes("[");
    return ` ${sad ? negativeMarker : positiveMarker} `;
  });
};
