// The route map's figures: one row per route (drawn or not), and the detail of the route the
// pointer or focus is on. Countries are named as the atlas names them, with their code.
import type { ShippingRoute } from '../api/schemas.ts';
import type { Money } from '../money.tsx';
import type { DrawnRoute } from './draw.ts';
import type { Atlas } from './places.ts';

export function countryName(atlas: Atlas, code: string | null): string {
  if (code === null) return 'not stated';
  const name = atlas.names.get(code);
  return name ? `${name} (${code})` : code;
}

/** "China (CN) → Hong Kong (HK) → NLRTM01". */
export function routeTitle(atlas: Atlas, route: ShippingRoute): string {
  return `${countryName(atlas, route.origin)} → ${countryName(atlas, route.departure)} → ${route.office ?? 'office not stated'}`;
}

/** "12 lines · €45,000 · 2024-01-03 to 2024-11-28". */
export function routeFigures(route: ShippingRoute, money: Money): string {
  const lines = `${route.lines.toLocaleString('en-GB')} line${route.lines === 1 ? '' : 's'}`;
  return `${lines} · ${money(route.value)} · ${route.first} to ${route.last}`;
}

interface Props {
  atlas: Atlas;
  drawn: DrawnRoute[];
  money: Money;
  focused: number | null;
  onFocus: (index: number | null) => void;
}

export function RouteTable({ atlas, drawn, money, focused, onFocus }: Props) {
  return (
    <table className="route-table" data-testid="route-table">
      <thead>
        <tr>
          <th>Origin</th>
          <th>Departure</th>
          <th>Entry office</th>
          <th className="num">Lines</th>
          <th className="num">Value</th>
          <th>First</th>
          <th>Last</th>
          <th>On the map</th>
        </tr>
      </thead>
      <tbody>
        {drawn.map(({ route, d, width, officeOwn }, i) => (
          <tr
            key={`${route.origin}|${route.departure}|${route.office}`}
            className={focused === i ? 'focused' : undefined}
            onMouseEnter={() => onFocus(i)}
            onMouseLeave={() => onFocus(null)}
          >
            <td>{countryName(atlas, route.origin)}</td>
            <td>{countryName(atlas, route.departure)}</td>
            <td>{route.office ?? 'not stated'}</td>
            <td className="num">{route.lines.toLocaleString('en-GB')}</td>
            <td className="num">{money(route.value)}</td>
            <td>{route.first}</td>
            <td>{route.last}</td>
            <td>
              {d === null
                ? 'not drawn: fewer than two known places'
                : `${width} px${officeOwn === false ? ', office at its country' : ''}`}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
