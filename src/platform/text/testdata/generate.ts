/**
 * A seeded generator of short customer texts for throughput tests and the bench: sentences of the
 * labelled test set, cut, joined and decorated with the noise real texts carry (numbers, phones, links,
 * emoji, stretched letters, shouting). Same seed, same texts.
 */
import { englishLong, englishShort } from "./en.ts";
import { mixedRussianUkrainian } from "./mixed.ts";
import { russianLong, russianShort } from "./ru.ts";
import { ukrainianLong, ukrainianShort } from "./uk.ts";

/** mulberry32: a tiny seeded generator, so every run measures the same texts. */
const seeded = (seed: number): (() => number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const pools: readonly (readonly string[])[] = [
  [...russianShort, ...russianLong],
  [...ukrainianShort, ...ukrainianLong],
  [...englishShort, ...englishLong],
  mixedRussianUkrainian.map(([t]) => t),
];
const noise = [
  " 😡",
  " 👍",
  " +380 67 123 45 67",
  " https://shop.example.com/o/123",
  " №58213",
  " 2 часа",
  "!!!",
  ")))",
];

export const generateTexts = (count: number, seed = 42): string[] => {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const pool = pick(pools);
    const words = pick(pool).split(" ");
    // A random slice keeps texts short and varied (most real feedback is one short sentence).
    const start = Math.floor(rnd() * Math.max(1, words.length - 3));
    let text = words.slice(start, start + 2 + Math.floor(rnd() * 12)).join(" ");
    if (rnd() < 0.3) text += ` ${pick(pool)}`;
    if (rnd() < 0.2) text += pick(noise);
    if (rnd() < 0.1) text = text.replace(/[аоеa]/, (c) => c.repeat(4));
    if (rnd() < 0.05) text = text.toUpperCase();
    out.push(text);
  }
  return out;
};
