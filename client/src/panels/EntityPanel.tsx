// The selected entity: actions (expand, more…, collapse, hide, pin), properties, source row,
// risk indicators, rings and the timeline of its declarations; on a party, the watch toggle; on a
// declaration line, its inspection results.
import { useState } from 'react';
import { PartyKey } from '../api/schemas.ts';
import type { Lead, NodeDetail, Role } from '../api/schemas.ts';
import { canWrite } from '../format.ts';
import type { Expansion, ExplorerState } from '../state/types.ts';
import { EntityDetail } from './entity/EntityDetail.tsx';
import { InspectionResults } from './entity/InspectionForm.tsx';
import { useNodeDetail } from './entity/useNodeDetail.ts';
import { WatchToggle } from './entity/WatchToggle.tsx';
import { LeadNote } from './leads/LeadsPanel.tsx';

interface Props {
  state: ExplorerState;
  onExpand: (key: string, more: boolean) => void;
  onCollapse: (key: string) => void;
  onHide: (keys: string[]) => void;
  onTogglePin: (keys: string[]) => void;
  onOpenRing: (id: string) => void;
  role: Role;
  /** The selected party's lead, if the last detection run has one. */
  lead: Lead | undefined;
  /** Opens a party named by the lead's seizure path. */
  onOpenParty: (key: string) => void;
  /** Bumped by every change to the watch list. */
  watchVersion: number;
  onWatchChanged: () => void;
}

/** The declaration and line of a Shipment node; null for any other node. */
export function declarationLineOf(node: NodeDetail['node']): { declarationId: string; line: number } | null {
  const { declarationId, line } = node.props;
  if (node.label !== 'Shipment' || typeof declarationId !== 'string' || typeof line !== 'number') return null;
  return { declarationId, line };
}

/** Parties (firms and people) may be watched; the API's own test of a party key says which. */
const isParty = (key: string): boolean => PartyKey.safeParse(key).success;

export function EntityPanel({
  state,
  onOpenRing,
  role,
  lead,
  onOpenParty,
  watchVersion,
  onWatchChanged,
  ...actions
}: Props) {
  const key = state.selection.length === 1 ? state.selection[0] : undefined;
  // Bumped when an inspection result labels the selected line, to read its properties again.
  const [labelled, setLabelled] = useState(0);
  const { detail, error } = useNodeDetail(key, labelled);

  if (state.selection.length > 1) return <SelectionActions selection={state.selection} {...actions} />;
  if (!key) return <p className="muted">Select a node on the canvas or search for one.</p>;

  const node = state.nodes[key];
  return (
    <section className="entity" aria-labelledby="entity-title">
      <h2 id="entity-title">
        {node?.name ?? node?.id ?? key} <span className="badge">{node?.label}</span>
      </h2>
      <EntityActions
        entityKey={key}
        expansion={state.expansions[key]}
        pinned={state.pinned.includes(key)}
        {...actions}
      />
      {error && (
        <p role="alert" className="error small">
          {error}
        </p>
      )}
      {isParty(key) && (
        <WatchToggle
          partyKey={key}
          mayEdit={canWrite(role, 'watchlist')}
          version={watchVersion}
          onChanged={onWatchChanged}
        />
      )}
      {lead && <LeadNote lead={lead} onOpen={onOpenParty} />}
      {detail && (
        <LineInspections node={detail.node} role={role} onLabelled={() => setLabelled((n) => n + 1)} />
      )}
      {detail && <EntityDetail detail={detail} onOpenRing={onOpenRing} />}
    </section>
  );
}

function LineInspections({
  node,
  role,
  onLabelled,
}: {
  node: NodeDetail['node'];
  role: Role;
  onLabelled: () => void;
}) {
  const at = declarationLineOf(node);
  if (!at) return null;
  return <InspectionResults {...at} mayRecord={canWrite(role, 'inspections')} onLabelled={onLabelled} />;
}

type Actions = Omit<
  Props,
  'state' | 'onOpenRing' | 'role' | 'lead' | 'onOpenParty' | 'watchVersion' | 'onWatchChanged'
>;

/** Actions on several selected nodes at once. */
function SelectionActions({ selection, onExpand, onHide, onTogglePin }: Actions & { selection: string[] }) {
  return (
    <section className="entity" aria-label="Selection">
      <h2>{selection.length} selected</h2>
      <div className="row wrap">
        <button type="button" onClick={() => selection.forEach((k) => onExpand(k, false))}>
          Expand all
        </button>
        <button type="button" onClick={() => onHide(selection)}>
          Hide
        </button>
        <button type="button" onClick={() => onTogglePin(selection)}>
          Pin / unpin
        </button>
      </div>
    </section>
  );
}

interface EntityActionsProps extends Actions {
  entityKey: string;
  expansion: Expansion | undefined;
  pinned: boolean;
}

function EntityActions({ entityKey: key, expansion, pinned, ...on }: EntityActionsProps) {
  return (
    <div className="row wrap">
      <button type="button" onClick={() => on.onExpand(key, false)}>
        Expand
      </button>
      {expansion?.truncated && (
        <button type="button" onClick={() => on.onExpand(key, true)}>
          More…
        </button>
      )}
      <button type="button" onClick={() => on.onCollapse(key)} disabled={!expansion}>
        Collapse
      </button>
      <button type="button" onClick={() => on.onHide([key])}>
        Hide
      </button>
      <button type="button" aria-pressed={pinned} onClick={() => on.onTogglePin([key])}>
        {pinned ? 'Unpin' : 'Pin'}
      </button>
    </div>
  );
}
