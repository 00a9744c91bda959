// The canvas's legend: node kinds (colour and shape by label), edge kinds (trade links by width,
// groups, relationships by colour and dash) and the risk borders. Swatches are SVG drawn with
// presentation attributes (the page's policy forbids inline styles).
import { memo } from 'react';
import type { NodeLabel, RelType } from '../../../src/api/index.ts';
import { CASE_MEMBER_COLOR, LABEL_LOOK, REL_LOOK } from '../canvas/stylesheet.ts';
import { SHOWN_LABELS } from '../state/filters.ts';

export const RELS: { type: RelType; title: string }[] = [
  { type: 'DECLARED_BY', title: 'Line declared by' },
  { type: 'IMPORTED_BY', title: 'Line imported by' },
  { type: 'HAS_ADDRESS', title: 'Shares an identifier' },
  { type: 'DIRECTS', title: 'Directs' },
  { type: 'SUCCEEDS', title: 'Succeeds' },
];

export const RISK_KEYS = [
  { title: 'High risk (0.70 and up)', color: '#cf222e', width: 4 },
  { title: 'Medium risk (0.40 and up)', color: '#d4a72c', width: 3 },
  { title: 'Low risk or not scored', color: '#d0d7de', width: 1 },
];

const DASH: Record<string, string | undefined> = { solid: undefined, dashed: '5 3', dotted: '1 3' };

function Line({ color, width = 2, dash }: { color: string; width?: number; dash?: string | undefined }) {
  return (
    <svg width="28" height="12" aria-hidden="true">
      <line x1="1" y1="6" x2="27" y2="6" stroke={color} strokeWidth={width} strokeDasharray={dash} />
    </svg>
  );
}

interface DotProps {
  color: string;
  stroke?: string;
  width?: number;
  dash?: string;
}

function Dot({ color, stroke = '#ffffff', width = 1, dash }: DotProps) {
  return (
    <svg width="16" height="16" aria-hidden="true">
      <circle cx="8" cy="8" r="6" fill={color} stroke={stroke} strokeWidth={width} strokeDasharray={dash} />
    </svg>
  );
}

/** Memoised: it renders again only when its own props change, not on every canvas step. */
export const Legend = memo(function Legend() {
  return (
    <section className="legend" aria-label="Legend" data-testid="legend">
      <h3>Nodes</h3>
      <ul>
        {SHOWN_LABELS.map((label: NodeLabel) => (
          <li key={label}>
            <Dot color={LABEL_LOOK[label].color} /> {label === 'Shipment' ? 'Declaration line' : label}
          </li>
        ))}
        <li>
          <Dot color="#eef1f4" stroke="#57606a" width={2} /> More parties (a group)
        </li>
      </ul>
      <h3>Links</h3>
      <ul>
        <li>
          <Line color="#57606a" width={4} /> Trade link (width: value)
        </li>
        <li>
          <Line color="#8c959f" dash="5 3" /> To a group
        </li>
        {RELS.map(({ type, title }) => (
          <li key={type}>
            <Line color={REL_LOOK[type].color} dash={DASH[REL_LOOK[type].style]} /> {title}
          </li>
        ))}
      </ul>
      <h3>Risk (border)</h3>
      <ul>
        {RISK_KEYS.map((key) => (
          <li key={key.title}>
            <Dot color="#ffffff" stroke={key.color} width={key.width} /> {key.title}
          </li>
        ))}
        <li>
          <Dot color="#ffffff" stroke={CASE_MEMBER_COLOR} width={3} dash="3 2" /> In the case shown
        </li>
      </ul>
    </section>
  );
});
