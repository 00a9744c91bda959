// The chart of a robustness sweep as a standalone SVG, 900 px wide: ring recall (left) and
// precision (right) per typology against the parameter varied, one line per typology, with axes,
// a legend and the conditions under the title. Pure: the report in, the SVG text out.
import type { SweepReport } from './sweep-report.ts';

export const CHART_WIDTH = 900;

const PANEL = { width: 340, height: 260, top: 92, left: [78, 512] as const };
const LEGEND_TOP = PANEL.top + PANEL.height + 78;
const LEGEND_ROW = 22;
const LEGEND_COLUMNS = 3;
const GRID = [0, 0.25, 0.5, 0.75, 1];
/** Equal values would hide each other; each line is shifted by this many pixels per rank. */
const DODGE_PX = 1.2;

/** Okabe–Ito colours for the planted typologies, greys and browns for the others, black overall. */
const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#D55E00',
  '#CC79A7',
  '#56B4E9',
  '#7f7f7f',
  '#8c6d31',
  '#b8a200',
  '#5b3a8c',
];

const MARKERS = ['circle', 'square', 'triangle', 'diamond'] as const;

interface Style {
  colour: string;
  width: number;
  dash: string | null;
  marker: (typeof MARKERS)[number];
}

function styleOf(typology: string, index: number, plantedCount: number): Style {
  if (typology === 'overall') return { colour: '#000000', width: 3, dash: null, marker: 'circle' };
  return {
    colour: PALETTE[index % PALETTE.length]!,
    width: 2,
    dash: index < plantedCount ? null : '6 4',
    marker: MARKERS[index % MARKERS.length]!,
  };
}

/** A point's marker: the shape tells lines of near colours apart. */
function marker(style: Style, x: number, y: number): string {
  const fill = `fill="${style.colour}"`;
  switch (style.marker) {
    case 'circle':
      return `<circle cx="${fmt(x)}" cy="${fmt(y)}" r="4" ${fill}/>`;
    case 'square':
      return `<rect x="${fmt(x - 4)}" y="${fmt(y - 4)}" width="8" height="8" ${fill}/>`;
    case 'triangle':
      return `<polygon points="${fmt(x)},${fmt(y - 6)} ${fmt(x + 5.5)},${fmt(y + 4)} ${fmt(x - 5.5)},${fmt(y + 4)}" ${fill}/>`;
    case 'diamond':
      return `<polygon points="${fmt(x)},${fmt(y - 6)} ${fmt(x + 6)},${fmt(y)} ${fmt(x)},${fmt(y + 6)} ${fmt(x - 6)},${fmt(y)}" ${fill}/>`;
  }
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const fmt = (x: number): string => String(Math.round(x * 10) / 10);

/** x positions of the points: by value when every value is a number, evenly spaced otherwise. */
function xPositions(report: SweepReport): number[] {
  const xs = report.points.map((p) => p.x);
  const numeric = xs.every((x): x is number => x !== null) && new Set(xs).size === xs.length;
  const n = report.points.length;
  if (!numeric || n < 2) return report.points.map((_, i) => (PANEL.width * (i + 0.5)) / Math.max(n, 1));
  const values = xs;
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = PANEL.width * 0.06;
  return values.map((x) => pad + ((x - lo) / (hi - lo)) * (PANEL.width - 2 * pad));
}

function axes(left: number, title: string, xs: readonly number[], report: SweepReport): string[] {
  const top = PANEL.top;
  const bottom = top + PANEL.height;
  const out = [`<g class="axes" transform="translate(${left},0)">`];
  for (const g of GRID) {
    const y = fmt(bottom - g * PANEL.height);
    out.push(
      `<line x1="0" x2="${PANEL.width}" y1="${y}" y2="${y}" stroke="#d9d9d9" stroke-width="1"/>`,
      `<text x="-8" y="${y}" text-anchor="end" dominant-baseline="middle">${g.toFixed(2)}</text>`,
    );
  }
  out.push(
    `<line x1="0" x2="0" y1="${top}" y2="${bottom}" stroke="#333" stroke-width="1"/>`,
    `<line x1="0" x2="${PANEL.width}" y1="${bottom}" y2="${bottom}" stroke="#333" stroke-width="1"/>`,
  );
  report.points.forEach((p, i) => {
    const x = fmt(xs[i]!);
    out.push(
      `<line x1="${x}" x2="${x}" y1="${bottom}" y2="${bottom + 5}" stroke="#333" stroke-width="1"/>`,
      `<text x="${x}" y="${bottom + 20}" text-anchor="middle">${escapeXml(p.value)}</text>`,
    );
  });
  out.push(
    `<text class="axis-label" x="${PANEL.width / 2}" y="${bottom + 44}" text-anchor="middle">${escapeXml(report.parameterLabel)}</text>`,
    `<text class="axis-label" transform="translate(-52,${top + PANEL.height / 2}) rotate(-90)" text-anchor="middle" font-weight="bold">${escapeXml(title)}</text>`,
    '</g>',
  );
  return out;
}

function series(
  left: number,
  panel: 'recall' | 'precision',
  xs: readonly number[],
  report: SweepReport,
): string[] {
  const planted = plantedCount(report);
  const n = report.typologies.length;
  const out: string[] = [];
  report.typologies.forEach((typology, index) => {
    const style = styleOf(typology, index, planted);
    const shift = (index - (n - 1) / 2) * DODGE_PX;
    const points = report.points.map((p, i) => {
      const value = p.rings.find((r) => r.typology === typology)?.[panel];
      return value === null || value === undefined
        ? null
        : { x: left + xs[i]!, y: PANEL.top + PANEL.height - value * PANEL.height + shift };
    });
    if (points.every((p) => p === null)) return;
    let d = '';
    let pen = false;
    for (const p of points) {
      if (p === null) pen = false;
      else {
        d += `${pen ? 'L' : 'M'}${fmt(p.x)} ${fmt(p.y)} `;
        pen = true;
      }
    }
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
    out.push(
      `<path class="series" data-panel="${panel}" data-typology="${escapeXml(typology)}" d="${d.trim()}" fill="none" stroke="${style.colour}" stroke-width="${style.width}"${dash} stroke-linejoin="round"/>`,
    );
    for (const p of points) if (p !== null) out.push(marker(style, p.x, p.y));
  });
  return out;
}

/** Typologies drawn solid (planted) come first in the report; the others are dashed. */
function plantedCount(report: SweepReport): number {
  const planted = report.typologies.filter((t) =>
    report.points.some((p) => p.rings.some((r) => r.typology === t && r.planted > 0)),
  );
  return planted.filter((t) => t !== 'overall').length;
}

function legend(report: SweepReport): string[] {
  const planted = plantedCount(report);
  const columnWidth = (CHART_WIDTH - 2 * PANEL.left[0]) / LEGEND_COLUMNS;
  const out = ['<g class="legend">'];
  report.typologies.forEach((typology, index) => {
    const style = styleOf(typology, index, planted);
    const x = PANEL.left[0] + (index % LEGEND_COLUMNS) * columnWidth;
    const y = LEGEND_TOP + Math.floor(index / LEGEND_COLUMNS) * LEGEND_ROW;
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
    out.push(
      `<line x1="${fmt(x)}" x2="${fmt(x + 28)}" y1="${y}" y2="${y}" stroke="${style.colour}" stroke-width="${style.width}"${dash}/>`,
      marker(style, x + 14, y),
      `<text x="${fmt(x + 36)}" y="${y}" dominant-baseline="middle">${escapeXml(typology)}</text>`,
    );
  });
  out.push('</g>');
  return out;
}

export function chartHeight(report: SweepReport): number {
  return LEGEND_TOP + Math.ceil(report.typologies.length / LEGEND_COLUMNS) * LEGEND_ROW + 30;
}

/** The sweep as an SVG document. */
export function sweepSvg(report: SweepReport): string {
  const height = chartHeight(report);
  const xs = xPositions(report);
  const conditions = `${report.generator} worlds, size ${report.size}, seeds ${report.seeds.join(', ')}; rings matched at Jaccard ≥ ${report.matching.jaccardThreshold}, counts pooled over the seeds`;
  const note = `Dashed: typologies no ring was planted of (precision only). Lines shifted by up to ${fmt(((report.typologies.length - 1) / 2) * DODGE_PX)} px so equal values stay visible.`;
  const body = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${CHART_WIDTH}" height="${height}" viewBox="0 0 ${CHART_WIDTH} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="13" fill="#222">`,
    `<title>Ring recall and precision by typology as ${escapeXml(report.parameter)} varies</title>`,
    `<rect width="${CHART_WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${PANEL.left[0] - 52}" y="30" font-size="18" font-weight="bold">Ring recall and precision by typology as ${escapeXml(report.parameter)} varies</text>`,
    `<text x="${PANEL.left[0] - 52}" y="52" font-size="12" fill="#555">${escapeXml(conditions)}</text>`,
    ...axes(PANEL.left[0], 'recall', xs, report),
    ...axes(PANEL.left[1], 'precision', xs, report),
    ...series(PANEL.left[0], 'recall', xs, report),
    ...series(PANEL.left[1], 'precision', xs, report),
    ...legend(report),
    `<text x="${PANEL.left[0] - 52}" y="${height - 10}" font-size="11" fill="#666">${escapeXml(note)}</text>`,
    '</svg>',
  ];
  return `${body.join('\n')}\n`;
}
