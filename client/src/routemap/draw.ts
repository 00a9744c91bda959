// What the route map draws, as plain data from the API's routes and the atlas (no DOM): the land,
// one path per route that has two places to join (origin → departure → entry office, great-circle
// arcs, as wide as the trade links on the canvas for the same value), and a marker per place. The
// projection is fitted to the places (with a margin of 8° around each), so a map of Chinese goods
// entering at Rotterdam shows Eurasia rather than the whole globe.
import { geoEqualEarth, geoGraticule10, geoPath, type GeoProjection } from 'd3-geo';
import type { ShippingRoute } from '../api/schemas.ts';
import { linkWidth } from '../canvas/link-elements.ts';
import { routeStops, type Atlas, type LonLat } from './places.ts';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 500;
const PAD = 24;
const MARGIN_DEG = 8;

export interface DrawnRoute {
  route: ShippingRoute;
  /** SVG path data; null when fewer than two of its places are known (listed, not drawn). */
  d: string | null;
  width: number;
  /** Whether the office is drawn at its own place (else its country's centroid); null: not placed. */
  officeOwn: boolean | null;
}

export type PlaceKind = 'origin' | 'departure' | 'office';

const KIND_ORDER: Record<PlaceKind, number> = { origin: 0, departure: 1, office: 2 };

export interface Marker {
  kind: PlaceKind;
  code: string;
  x: number;
  y: number;
}

export interface RouteMapDrawing {
  sphere: string;
  graticule: string;
  land: { id: string; d: string }[];
  routes: DrawnRoute[];
  markers: Marker[];
}

function fittedProjection(places: LonLat[]): GeoProjection {
  const projection = geoEqualEarth();
  const extent: [[number, number], [number, number]] = [
    [PAD, PAD],
    [MAP_WIDTH - PAD, MAP_HEIGHT - PAD],
  ];
  if (places.length === 0) return projection.fitExtent(extent, { type: 'Sphere' });
  const around = places.flatMap(([lon, lat]): LonLat[] => [
    [lon - MARGIN_DEG, Math.max(-85, lat - MARGIN_DEG)],
    [lon + MARGIN_DEG, Math.min(85, lat + MARGIN_DEG)],
  ]);
  return projection.fitExtent(extent, { type: 'MultiPoint', coordinates: around });
}

export function drawRouteMap(atlas: Atlas, routes: readonly ShippingRoute[]): RouteMapDrawing {
  const stops = routes.map((route) => routeStops(atlas, route));
  const projection = fittedProjection(stops.flatMap((s) => s.stops));
  const path = geoPath(projection);
  const markers = new Map<string, Marker>();
  const mark = (kind: PlaceKind, code: string | null, at: LonLat | null) => {
    const point = at && projection(at);
    if (code !== null && point && !markers.has(`${kind}:${code}`))
      markers.set(`${kind}:${code}`, { kind, code, x: point[0], y: point[1] });
  };
  const drawn = routes.map((route, i): DrawnRoute => {
    const s = stops[i]!;
    mark('origin', route.origin, s.origin);
    mark('departure', route.departure, s.departure);
    mark('office', route.office, s.office?.at ?? null);
    const d = s.stops.length >= 2 ? path({ type: 'LineString', coordinates: s.stops }) : null;
    return { route, d, width: linkWidth(route.value), officeOwn: s.office?.own ?? null };
  });
  return {
    sphere: path({ type: 'Sphere' }) ?? '',
    graticule: path(geoGraticule10()) ?? '',
    land: atlas.countries.features.flatMap((f, i) => {
      const d = path(f);
      return d ? [{ id: `${String(f.id ?? 'x')}-${i}`, d }] : [];
    }),
    routes: drawn,
    // Origins first, offices last: a smaller marker is drawn over a larger one at the same place.
    markers: [...markers.values()].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]),
  };
}
