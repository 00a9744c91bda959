// The route map's geometry: country centroids from the bundled atlas (the largest land mass, so
// France is in Europe), offices at their UN/LOCODE place or their country's centroid, one path
// per route with two known places, as wide as a trade link of the same value.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { NUMERIC_OF } from '../../client/src/routemap/countries.ts';
import { drawRouteMap } from '../../client/src/routemap/draw.ts';
import { atlasOf, officePlace, routeStops } from '../../client/src/routemap/places.ts';
import { linkWidth } from '../../client/src/canvas/link-elements.ts';

const file = createRequire(import.meta.url).resolve('world-atlas/countries-50m.json');
const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
const atlas = atlasOf(
  feature(topology, topology.objects.countries!) as FeatureCollection<Geometry, { name: string }>,
);

const route = (origin: string | null, departure: string | null, office: string | null, value = 5000) => ({
  origin,
  departure,
  office,
  lines: 3,
  value,
  first: '2024-01-02',
  last: '2024-03-04',
});

describe('route map places', () => {
  it('names every country of the atlas by its alpha-2 code', () => {
    expect(atlas.names.get('NL')).toBe('Netherlands');
    expect(atlas.names.get('CN')).toBe('China');
    expect(atlas.names.get('HK')).toBe('Hong Kong');
    expect(atlas.names.get('AU')).toBe('Australia');
    const atlasIds = new Set(atlas.countries.features.flatMap((f) => (f.id ? [String(f.id)] : [])));
    expect([...atlasIds].filter((id) => ![...NUMERIC_OF.values()].includes(id))).toEqual([]);
  });

  it('puts a country at the centroid of its largest land mass', () => {
    const [lon, lat] = atlas.centroids.get('FR')!;
    expect(lon).toBeGreaterThan(-5);
    expect(lon).toBeLessThan(8);
    expect(lat).toBeGreaterThan(42);
    expect(lat).toBeLessThan(51);
    const [auLon] = atlas.centroids.get('AU')!;
    expect(auLon).toBeGreaterThan(125);
  });

  it('puts an office at its port, else at its country, else nowhere', () => {
    expect(officePlace(atlas, 'NLRTM01')).toEqual({ at: [4.48, 51.92], own: true });
    expect(officePlace(atlas, 'PLWAW01')).toEqual({ at: atlas.centroids.get('PL'), own: false });
    expect(officePlace(atlas, 'ZZ-1')).toBeNull();
    expect(officePlace(atlas, null)).toBeNull();
  });

  it('joins origin, departure and office, a repeated place once', () => {
    expect(routeStops(atlas, route('CN', 'CN', 'BEANR01')).stops).toEqual([
      atlas.centroids.get('CN'),
      [4.4, 51.22],
    ]);
    expect(routeStops(atlas, route('CN', 'HK', 'NLRTM01')).stops).toHaveLength(3);
    expect(routeStops(atlas, route(null, null, 'NLRTM01')).stops).toHaveLength(1);
  });
});

describe('route map drawing', () => {
  it('draws one path per route with two known places, as wide as a trade link of its value', () => {
    const routes = [
      route('CN', 'HK', 'NLRTM01', 2_000_000),
      route('VN', 'VN', 'DEHAM01', 40_000),
      route(null, null, 'NLRTM01', 900),
    ];
    const drawing = drawRouteMap(atlas, routes);
    expect(drawing.routes.map((r) => r.d !== null)).toEqual([true, true, false]);
    expect(drawing.routes.map((r) => r.width)).toEqual([
      linkWidth(2_000_000),
      linkWidth(40_000),
      linkWidth(900),
    ]);
    expect(drawing.routes[0]!.width).toBeGreaterThan(drawing.routes[1]!.width);
    expect(drawing.markers.map((m) => `${m.kind}:${m.code}`).sort()).toEqual([
      'departure:HK',
      'departure:VN',
      'office:DEHAM01',
      'office:NLRTM01',
      'origin:CN',
      'origin:VN',
    ]);
    for (const m of drawing.markers) {
      expect(m.x).toBeGreaterThanOrEqual(0);
      expect(m.x).toBeLessThanOrEqual(960);
      expect(m.y).toBeGreaterThanOrEqual(0);
      expect(m.y).toBeLessThanOrEqual(500);
    }
    expect(drawing.land.length).toBeGreaterThan(200);
  });
});
