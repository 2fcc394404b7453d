import type { JourneyMap, Touchpoint } from "./journey-api.ts";

/** Texts the picture needs, already translated by the page. */
export type ExportLabels = {
  title: string;
  subtitle: string;
  pain: string;
  figures: (tp: Touchpoint) => string[];
  where: (tp: Touchpoint) => string;
};

const COL = 300;
const GAP = 16;
const PAD = 24;
const CARD_PAD = 10;
const LINE = 18;
const BOLD = "600 14px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
const SMALL = "12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split("\n")) {
    let line = "";
    for (const word of para.split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (ctx.measureText(next).width > width && line) {
        out.push(line);
        line = word;
      } else line = next;
    }
    out.push(line);
  }
  return out;
}

type Block = { font: string; color: string; lines: string[] };

function cardBlocks(ctx: CanvasRenderingContext2D, tp: Touchpoint, l: ExportLabels): Block[] {
  const w = COL - 2 * CARD_PAD;
  const block = (font: string, color: string, text: string): Block => {
    ctx.font = font;
    return { font, color, lines: wrap(ctx, text, w) };
  };
  const blocks = [block(BOLD, "#212529", tp.name)];
  if (tp.pain) blocks.push(block(BOLD, "#c92a2a", `⚠ ${l.pain}`));
  const where = l.where(tp);
  if (where) blocks.push(block(SMALL, "#495057", where));
  for (const f of l.figures(tp)) blocks.push(block(SMALL, "#212529", f));
  for (const p of tp.problems) blocks.push(block(SMALL, "#1864ab", `● ${p.label} (${p.mentions})`));
  if (tp.note) blocks.push(block(SMALL, "#495057", tp.note));
  return blocks;
}

const blocksHeight = (blocks: Block[]) =>
  blocks.reduce((a, b) => a + b.lines.length * LINE, 0) + 2 * CARD_PAD;

/** Draws the map (stages as columns, touchpoints as cards) onto a canvas of its own; returns a PNG blob. */
export async function journeyPng(map: JourneyMap, l: ExportLabels): Promise<Blob> {
  const scale = 2;
  const measure = document.createElement("canvas").getContext("2d")!;
  const columns = map.stages.map((s) => s.touchpoints.map((tp) => cardBlocks(measure, tp, l)));
  const colHeights = columns.map((cards) => 40 + cards.reduce((a, c) => a + blocksHeight(c) + GAP, 0));
  const width = PAD * 2 + Math.max(2, map.stages.length) * (COL + GAP) - GAP;
  measure.font = SMALL;
  const subtitle = wrap(measure, l.subtitle, width - 2 * PAD);
  const top = PAD + 36 + subtitle.length * LINE + 12;
  const height = top + PAD + Math.max(80, ...colHeights);
  const canvas = document.createElement("canvas");
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext("2d")!;
  ctx.scale(scale, scale);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = "top";
  ctx.fillStyle = "#212529";
  ctx.font = "600 20px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
  ctx.fillText(l.title, PAD, PAD);
  ctx.font = SMALL;
  ctx.fillStyle = "#495057";
  for (const [i, line] of subtitle.entries()) ctx.fillText(line, PAD, PAD + 32 + i * LINE);
  map.stages.forEach((stage, i) => {
    const x = PAD + i * (COL + GAP);
    let y = top;
    ctx.fillStyle = "#f1f3f5";
    ctx.fillRect(x, y, COL, colHeights[i]!);
    ctx.fillStyle = "#212529";
    ctx.font = BOLD;
    ctx.fillText(`${i + 1}. ${stage.name}`, x + CARD_PAD, y + 12, COL - 2 * CARD_PAD);
    y += 40;
    stage.touchpoints.forEach((tp, j) => {
      const blocks = columns[i]![j]!;
      const h = blocksHeight(blocks);
      ctx.fillStyle = tp.pain ? "#fff5f5" : "#ffffff";
      ctx.fillRect(x + 6, y, COL - 12, h);
      ctx.strokeStyle = tp.pain ? "#c92a2a" : "#ced4da";
      ctx.lineWidth = tp.pain ? 3 : 1;
      ctx.strokeRect(x + 6, y, COL - 12, h);
      let ty = y + CARD_PAD;
      for (const b of blocks) {
        ctx.font = b.font;
        ctx.fillStyle = b.color;
        for (const line of b.lines) {
          ctx.fillText(line, x + CARD_PAD + 4, ty, COL - 2 * CARD_PAD - 8);
          ty += LINE;
        }
      }
      y += h + GAP;
    });
  });
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("canvas.toBlob gave nothing"))), "image/png"),
  );
}

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
