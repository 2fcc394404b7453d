/**
 * Runs in the page: every visible element with its own text whose colour contrast with the background
 * behind it is below WCAG AA (4.5:1, or 3:1 for large text). Backgrounds are composed up the ancestors,
 * so translucent fills count; disabled controls are exempt, as WCAG allows. Our UI is flat (no text on
 * images or gradients), which is what makes this simple check sound.
 */
export function lowContrastTexts(): string[] {
  type Rgba = { r: number; g: number; b: number; a: number };
  const parse = (css: string): Rgba | undefined => {
    const m = css.match(/rgba?\(([^)]+)\)/);
    if (!m?.[1]) return undefined;
    const [r = 0, g = 0, b = 0, a = 1] = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return { r, g, b, a };
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => ({
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  });
  const luminance = ({ r, g, b }: Rgba) => {
    const f = (v: number) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (element: Element): Rgba => {
    const layers: Rgba[] = [];
    for (let e: Element | null = element; e; e = e.parentElement) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) {
        layers.push(c);
        if (c.a >= 1) break;
      }
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), { r: 255, g: 255, b: 255, a: 1 });
  };
  const found: string[] = [];
  for (const element of document.querySelectorAll("body *")) {
    const ownText = [...element.childNodes].some(
      (n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim(),
    );
    if (!ownText || element.closest("[disabled], [aria-disabled='true'], [data-disabled]")) continue;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    if (style.visibility === "hidden" || box.width === 0 || box.height === 0 || box.right <= 0) continue;
    const bg = background(element);
    const text = parse(style.color);
    if (!text) continue;
    const fg = over({ ...text, a: text.a * Number(style.opacity) }, bg);
    const [hi, lo] = [luminance(fg), luminance(bg)].sort((x, y) => y - x) as [number, number];
    const ratio = (hi + 0.05) / (lo + 0.05);
    const size = Number.parseFloat(style.fontSize);
    const large = size >= 24 || (Number(style.fontWeight) >= 700 && size >= 18.66);
    const needed = large ? 3 : 4.5;
    if (ratio < needed) {
      found.push(
        `${ratio.toFixed(2)}:1 "${element.textContent?.trim().slice(0, 40)}" (${style.color} on ${JSON.stringify(bg)})`,
      );
    }
  }
  return found;
}
