// The exported picture: a header (title; date and who exported it), the canvas as Cytoscape
// renders it, and a legend of the kinds on the canvas, composed on an offscreen <canvas>. The
// layout is a pure function of the canvas image's size and the legend's length, so a test can
// say how large the picture must be.
import type { LegendItem } from './legend-items.ts';

/** Pixels per CSS pixel of the picture (the canvas image is rendered at the same scale). */
export const EXPORT_SCALE = 2;
const HEADER = 76;
const PAD = 16;
const LEGEND_TITLE = 22;
const ROW = 22;
const COLUMN = 230;
const MIN_WIDTH = 640;

export interface ExportLayout {
  width: number;
  height: number;
  /** Height of the header band; the canvas image starts below it. */
  header: number;
  /** Height of the legend band below the canvas image (0 with nothing to list). */
  legend: number;
  columns: number;
}

/** Where everything goes, in picture pixels, for a canvas image of this size. */
export function exportLayout(image: { width: number; height: number }, items: number): ExportLayout {
  const s = EXPORT_SCALE;
  const width = Math.max(Math.round(image.width), MIN_WIDTH * s);
  const columns = Math.max(1, Math.floor((width - 2 * PAD * s) / (COLUMN * s)));
  const rows = Math.ceil(items / columns);
  const legend = items === 0 ? 0 : (2 * PAD + LEGEND_TITLE + rows * ROW) * s;
  const header = HEADER * s;
  return { width, height: header + Math.round(image.height) + legend, header, legend, columns };
}

export interface ExportHeader {
  title: string;
  /** "2026-12-07 23:40 UTC · exported by alice (investigator)". */
  byline: string;
}

function drawHeader(ctx: CanvasRenderingContext2D, layout: ExportLayout, header: ExportHeader): void {
  const s = EXPORT_SCALE;
  const maxWidth = layout.width - 2 * PAD * s;
  ctx.fillStyle = '#1f2328';
  ctx.font = `600 ${22 * s}px system-ui, sans-serif`;
  ctx.textBaseline = 'alphabetic';
  ctx.fillText(header.title, PAD * s, 34 * s, maxWidth);
  ctx.fillStyle = '#57606a';
  ctx.font = `${14 * s}px system-ui, sans-serif`;
  ctx.fillText(header.byline, PAD * s, 58 * s, maxWidth);
  ctx.fillStyle = '#d0d7de';
  ctx.fillRect(0, layout.header - s, layout.width, s);
}

/** Corners of the canvas's node shapes on a unit box (−1..1), as the swatch draws them. */
const POLYGONS: Record<string, [number, number][]> = {
  hexagon: [
    [-1, 0],
    [-0.5, -0.87],
    [0.5, -0.87],
    [1, 0],
    [0.5, 0.87],
    [-0.5, 0.87],
  ],
  diamond: [
    [0, -1],
    [1, 0],
    [0, 1],
    [-1, 0],
  ],
  triangle: [
    [0, -1],
    [1, 0.8],
    [-1, 0.8],
  ],
  'round-rectangle': [
    [-1, -0.8],
    [1, -0.8],
    [1, 0.8],
    [-1, 0.8],
  ],
  barrel: [
    [-1, -0.8],
    [1, -0.8],
    [1, 0.8],
    [-1, 0.8],
  ],
  tag: [
    [-1, -0.8],
    [0.4, -0.8],
    [1, 0],
    [0.4, 0.8],
    [-1, 0.8],
  ],
  'round-tag': [
    [-1, -0.8],
    [0.4, -0.8],
    [1, 0],
    [0.4, 0.8],
    [-1, 0.8],
  ],
  vee: [
    [-1, -1],
    [0, -0.3],
    [1, -1],
    [0, 1],
  ],
  star: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => {
    const r = i % 2 === 0 ? 1 : 0.45;
    const a = (i * Math.PI) / 5 - Math.PI / 2;
    return [r * Math.cos(a), r * Math.sin(a)];
  }),
};

function nodePath(
  ctx: CanvasRenderingContext2D,
  shape: string | undefined,
  cx: number,
  cy: number,
  r: number,
): void {
  ctx.beginPath();
  const corners = shape ? POLYGONS[shape] : undefined;
  if (!corners) {
    ctx.arc(cx, cy, r, 0, 2 * Math.PI);
    return;
  }
  corners.forEach(([px, py], i) =>
    i === 0 ? ctx.moveTo(cx + px * r, cy + py * r) : ctx.lineTo(cx + px * r, cy + py * r),
  );
  ctx.closePath();
}

function drawSwatch(ctx: CanvasRenderingContext2D, item: LegendItem, x: number, y: number): void {
  const s = EXPORT_SCALE;
  if (item.kind === 'node') {
    nodePath(ctx, item.shape, x + 8 * s, y, 7 * s);
    ctx.fillStyle = item.color;
    ctx.fill();
    ctx.lineWidth = (item.stroke ? 2 : 1) * s;
    ctx.strokeStyle = item.stroke ?? '#ffffff';
    ctx.stroke();
    return;
  }
  ctx.beginPath();
  ctx.setLineDash((item.dash ?? []).map((d) => d * s));
  ctx.moveTo(x, y);
  ctx.lineTo(x + 26 * s, y);
  ctx.lineWidth = (item.width ?? 2) * s;
  ctx.strokeStyle = item.color;
  ctx.stroke();
  ctx.setLineDash([]);
}

function drawLegend(ctx: CanvasRenderingContext2D, layout: ExportLayout, items: LegendItem[]): void {
  if (items.length === 0) return;
  const s = EXPORT_SCALE;
  const top = layout.height - layout.legend;
  ctx.fillStyle = '#d0d7de';
  ctx.fillRect(0, top, layout.width, s);
  ctx.fillStyle = '#1f2328';
  ctx.font = `600 ${14 * s}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  ctx.fillText('Legend', PAD * s, top + (PAD + LEGEND_TITLE / 2) * s);
  ctx.font = `${13 * s}px system-ui, sans-serif`;
  items.forEach((item, i) => {
    const x = (PAD + (i % layout.columns) * COLUMN) * s;
    const y = top + (PAD + LEGEND_TITLE + Math.floor(i / layout.columns) * ROW + ROW / 2) * s;
    drawSwatch(ctx, item, x, y);
    ctx.fillStyle = '#1f2328';
    ctx.fillText(item.title, x + 34 * s, y, (COLUMN - 40) * s);
  });
}

/** The picture as a PNG: header, the canvas image (centred), legend. */
export async function composeExport(
  canvasPng: Blob,
  header: ExportHeader,
  items: LegendItem[],
): Promise<Blob> {
  const image = await createImageBitmap(canvasPng);
  const layout = exportLayout(image, items.length);
  const canvas = document.createElement('canvas');
  canvas.width = layout.width;
  canvas.height = layout.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('PNG export: the browser gave no 2D drawing context');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, layout.width, layout.height);
  drawHeader(ctx, layout, header);
  ctx.drawImage(image, Math.round((layout.width - image.width) / 2), layout.header);
  image.close();
  drawLegend(ctx, layout, items);
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('PNG export: the picture could not be encoded'))),
      'image/png',
    ),
  );
}
