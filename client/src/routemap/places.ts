// Where a route's stops are on the map: a country at its centroid (of its largest land mass, so
// France is not drawn in the Atlantic for French Guiana), an entry office at its port or airport
// when its code starts with a UN/LOCODE we place (the first five characters, NLRTM01 → NLRTM),
// else at its country's centroid (the code's first two letters), else nowhere.
import { geoArea, geoCentroid } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { NUMERIC_OF } from './countries.ts';

export type LonLat = [number, number];

/** Ports and airports of entry by UN/LOCODE (UNECE), [longitude, latitude]. */
const LOCODES: Record<string, LonLat> = {
  NLRTM: [4.48, 51.92], // Rotterdam
  NLAMS: [4.9, 52.37], // Amsterdam (Schiphol)
  NLVNL: [6.17, 51.37], // Venlo
  BEANR: [4.4, 51.22], // Antwerp
  BEZEE: [3.2, 51.33], // Zeebrugge
  DEHAM: [9.99, 53.55], // Hamburg
  DEFRA: [8.68, 50.11], // Frankfurt am Main
  DEBRV: [8.58, 53.55], // Bremerhaven
  FRLEH: [0.11, 49.49], // Le Havre
  ESVLC: [-0.38, 39.47], // Valencia
  ESALG: [-5.45, 36.13], // Algeciras
  ITGOA: [8.93, 44.41], // Genoa
  GBFXT: [1.35, 51.96], // Felixstowe
  PLGDN: [18.65, 54.35], // Gdańsk
  GRPIR: [23.64, 37.94], // Piraeus
};

export interface Atlas {
  countries: FeatureCollection<Geometry, { name: string }>;
  /** Alpha-2 code → centroid. */
  centroids: ReadonlyMap<string, LonLat>;
  /** Alpha-2 code → the atlas's name. */
  names: ReadonlyMap<string, string>;
}

function largestPart(feature: Feature<Geometry>): Feature<Polygon | Geometry> {
  const geometry = feature.geometry as Geometry | null;
  if (geometry?.type !== 'MultiPolygon') return feature;
  const parts = geometry.coordinates.map((coordinates): Feature<Polygon> => ({
    type: 'Feature',
    properties: {},
    geometry: { type: 'Polygon', coordinates },
  }));
  return parts.reduce((best, part) => (geoArea(part) > geoArea(best) ? part : best));
}

/** The atlas's countries with their centroids and names by alpha-2 code. */
export function atlasOf(countries: FeatureCollection<Geometry, { name: string }>): Atlas {
  const byNumeric = new Map<string, Feature<Geometry, { name: string }>>();
  for (const feature of countries.features) {
    const id = feature.id === undefined ? null : String(feature.id);
    const known = id === null ? undefined : byNumeric.get(id);
    // Two features share an id (Australia and the Ashmore and Cartier Islands): the larger counts.
    if (id !== null && (!known || geoArea(feature) > geoArea(known))) byNumeric.set(id, feature);
  }
  const centroids = new Map<string, LonLat>();
  const names = new Map<string, string>();
  for (const [alpha2, numeric] of NUMERIC_OF) {
    const feature = byNumeric.get(numeric);
    if (!feature?.geometry) continue;
    centroids.set(alpha2, geoCentroid(largestPart(feature)));
    names.set(alpha2, feature.properties.name);
  }
  return { countries, centroids, names };
}

export function countryPlace(atlas: Atlas, code: string | null): LonLat | null {
  return code === null ? null : (atlas.centroids.get(code) ?? null);
}

/** An entry office's place, and whether it is the office's own (else its country's centroid). */
export function officePlace(atlas: Atlas, office: string | null): { at: LonLat; own: boolean } | null {
  if (office === null) return null;
  const code = office.trim().toUpperCase();
  const own = LOCODES[code.slice(0, 5)];
  if (own) return { at: own, own: true };
  const country = countryPlace(atlas, code.slice(0, 2));
  return country ? { at: country, own: false } : null;
}

export interface RouteStops {
  origin: LonLat | null;
  departure: LonLat | null;
  office: { at: LonLat; own: boolean } | null;
  /** The places the route passes, in order, a repeated place once: drawn when there are two. */
  stops: LonLat[];
}

export function routeStops(
  atlas: Atlas,
  route: { origin: string | null; departure: string | null; office: string | null },
): RouteStops {
  const origin = countryPlace(atlas, route.origin);
  const departure = countryPlace(atlas, route.departure);
  const office = officePlace(atlas, route.office);
  const stops: LonLat[] = [];
  for (const place of [origin, departure, office?.at ?? null]) {
    const last = stops.at(-1);
    if (place && !(last && last[0] === place[0] && last[1] === place[1])) stops.push(place);
  }
  return { origin, departure, office, stops };
}
