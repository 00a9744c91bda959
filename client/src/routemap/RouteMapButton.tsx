// "Route map" on the toolbar: the route map of the selected parties (importers, brokers,
// suppliers, consignees; other selected nodes have no lines of their own).
import type { ExplorerState } from '../state/types.ts';
import { openRouteMap } from './open-route-map.ts';

const PARTY = /^(Importer|Broker|Supplier|Consignee):/;

/** The selected parties, by key; the route map's title for them. */
export function selectedParties(state: Pick<ExplorerState, 'selection' | 'nodes'>): {
  keys: string[];
  title: string;
} {
  const keys = state.selection.filter((key) => PARTY.test(key));
  const only = keys.length === 1 ? state.nodes[keys[0]!] : undefined;
  return { keys, title: only ? only.name : `${keys.length} selected parties` };
}

export function RouteMapButton({ state }: { state: Pick<ExplorerState, 'selection' | 'nodes'> }) {
  const { keys, title } = selectedParties(state);
  return (
    <button
      type="button"
      disabled={keys.length === 0}
      title="The routes of the selected parties' declaration lines on a world map"
      onClick={() => openRouteMap({ title, of: { keys } })}
    >
      Route map
    </button>
  );
}
