// The route map of a ring or of parties: origin → departure → entry office over a world map
// bundled with the explorer, one line per route as wide as its value, with a legend, the figures
// of the route under the pointer (or focus) and the table of every route.
import { useEffect, useMemo, useState } from 'react';
import { api } from '../api/endpoints.ts';
import { describeError } from '../api/http.ts';
import type { ShippingRoutesAnswer } from '../api/schemas.ts';
import { useMoney, type Money } from '../money.tsx';
import { drawRouteMap, MAP_HEIGHT, MAP_WIDTH, type RouteMapDrawing } from './draw.ts';
import { loadAtlas } from './load-atlas.ts';
import type { RouteMapRequest } from './open-route-map.ts';
import type { Atlas } from './places.ts';
import { RouteTable, routeFigures, routeTitle } from './RouteTable.tsx';
import { linkWidth } from '../canvas/link-elements.ts';

type Loaded = { atlas: Atlas; answer: ShippingRoutesAnswer } | { error: string } | null;

function useRouteMapData(of: RouteMapRequest['of']): Loaded {
  const [loaded, setLoaded] = useState<Loaded>(null);
  useEffect(() => {
    let current = true;
    setLoaded(null);
    Promise.all([loadAtlas(), api.shippingRoutes(of)])
      .then(([atlas, answer]) => current && setLoaded({ atlas, answer }))
      .catch((error: unknown) => current && setLoaded({ error: describeError(error) }));
    return () => {
      current = false;
    };
  }, [of]);
  return loaded;
}

/** Concentric where places meet: an origin that is also the departure shows as a ring. */
const RADIUS = { origin: 7, departure: 4.5, office: 4 } as const;

const KINDS = [
  ['origin', 'Origin country'],
  ['departure', 'Departure country'],
  ['office', 'Entry office (its port or airport, else its country)'],
] as const;

function Legend({ money }: { money: Money }) {
  const samples = [10_000, 1_000_000, 100_000_000];
  return (
    <ul className="route-legend" aria-label="Route map legend">
      {KINDS.map(([kind, text]) => (
        <li key={kind}>
          <svg width="14" height="14" aria-hidden="true">
            <circle cx="7" cy="7" r="5" className={`route-marker ${kind}`} />
          </svg>{' '}
          {text}
        </li>
      ))}
      {samples.map((value) => (
        <li key={value}>
          <svg width="40" height="14" aria-hidden="true">
            <line x1="2" y1="7" x2="38" y2="7" className="route-line" strokeWidth={linkWidth(value)} />
          </svg>{' '}
          {money(value)} of declared value
        </li>
      ))}
    </ul>
  );
}

function MapSvg({
  drawing,
  atlas,
  money,
  focused,
  onFocus,
}: {
  drawing: RouteMapDrawing;
  atlas: Atlas;
  money: Money;
  focused: number | null;
  onFocus: (index: number | null) => void;
}) {
  // Widest first, so a narrow route is drawn on top of a wide one and stays visible.
  const order = drawing.routes.map((_, i) => i).reverse();
  return (
    <svg className="route-map" viewBox={`0 0 ${MAP_WIDTH} ${MAP_HEIGHT}`} role="img" aria-label="Route map">
      <path className="route-sphere" d={drawing.sphere} />
      <path className="route-graticule" d={drawing.graticule} />
      <g className="route-land">
        {drawing.land.map(({ id, d }) => (
          <path key={id} d={d} />
        ))}
      </g>
      <g className="route-lines">
        {order.map((i) => {
          const { route, d, width } = drawing.routes[i]!;
          if (d === null) return null;
          return (
            <path
              key={i}
              d={d}
              className={focused === i ? 'route-line focused' : 'route-line'}
              strokeWidth={width}
              data-testid="route-line"
              data-route={i}
              tabIndex={0}
              onMouseEnter={() => onFocus(i)}
              onMouseLeave={() => onFocus(null)}
              onFocus={() => onFocus(i)}
              onBlur={() => onFocus(null)}
            >
              <title>{`${routeTitle(atlas, route)}: ${routeFigures(route, money)}`}</title>
            </path>
          );
        })}
      </g>
      {drawing.markers.map((m) => (
        <circle
          key={`${m.kind}:${m.code}`}
          cx={m.x}
          cy={m.y}
          r={RADIUS[m.kind]}
          className={`route-marker ${m.kind}`}
        >
          <title>{`${m.kind === 'office' ? 'Entry office' : m.kind === 'origin' ? 'Origin' : 'Departure'} ${m.code}`}</title>
        </circle>
      ))}
    </svg>
  );
}

export function RouteMap({ request }: { request: RouteMapRequest }) {
  const loaded = useRouteMapData(request.of);
  const money = useMoney();
  const [focused, setFocused] = useState<number | null>(null);
  const drawing = useMemo(
    () => (loaded && 'atlas' in loaded ? drawRouteMap(loaded.atlas, loaded.answer.routes) : null),
    [loaded],
  );
  if (loaded === null) return <p className="muted">Reading the routes…</p>;
  if ('error' in loaded) return <p role="alert">The route map could not be drawn: {loaded.error}</p>;
  const { atlas, answer } = loaded;
  const shown = focused === null ? null : answer.routes[focused];
  return (
    <section className="route-map-view" aria-label={`Route map of ${request.title}`}>
      <p data-testid="route-totals">
        {answer.routes.length} routes · {answer.lines.toLocaleString('en-GB')} lines · {money(answer.value)} ·{' '}
        {answer.parties.length} parties with lines
      </p>
      <div className="route-map-row">
        {drawing && (
          <MapSvg drawing={drawing} atlas={atlas} money={money} focused={focused} onFocus={setFocused} />
        )}
        <Legend money={money} />
      </div>
      <p className="route-detail" role="status" data-testid="route-detail">
        {shown
          ? `${routeTitle(atlas, shown)}: ${routeFigures(shown, money)}`
          : 'Point at a route for its figures.'}
      </p>
      {drawing && (
        <RouteTable
          atlas={atlas}
          drawn={drawing.routes}
          money={money}
          focused={focused}
          onFocus={setFocused}
        />
      )}
    </section>
  );
}
