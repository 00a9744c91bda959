// The world map, bundled with the explorer: Natural Earth's 1:50m countries (world-atlas, public
// domain data) as a file Vite copies into the build, fetched from the app itself the first time
// a route map opens (nothing is loaded from anywhere else; the CSP allows only 'self').
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, Geometry } from 'geojson';
import atlasUrl from 'world-atlas/countries-50m.json?url';
import { atlasOf, type Atlas } from './places.ts';

type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;

let loading: Promise<Atlas> | null = null;

/** The atlas, read once per page. */
export function loadAtlas(): Promise<Atlas> {
  loading ??= fetch(atlasUrl)
    .then((res) => {
      if (!res.ok) throw new Error(`the world map could not be read (HTTP ${res.status})`);
      return res.json() as Promise<Countries>;
    })
    .then((topology) =>
      atlasOf(feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name: string }>),
    )
    .catch((error: unknown) => {
      loading = null;
      throw error;
    });
  return loading;
}
