// The open case: its status, the actions that add to it, and what it holds (entities, rings,
// notes, evidence), with the forms to add notes and evidence for those who may write.
import { api } from '../../api/endpoints.ts';
import type { CaseDetail, Role } from '../../api/schemas.ts';
import { typologyTitle } from '../../format.ts';
import type { ExplorerState } from '../../state/types.ts';
import { CaseTimeline, ShowOnCanvas, type ShowCase } from './CaseCanvas.tsx';
import { CaseControls } from './CaseControls.tsx';
import { EvidenceForm, NoteForm } from './CaseForms.tsx';
import { useOpenCaseState } from './openCase.ts';
import { ShareWithPartner } from '../sharing/ShareWithPartner.tsx';
import { statusChoices, stampToMinute } from './text.ts';
import type { RunCaseWrite } from './useCases.ts';

interface Props {
  detail: CaseDetail;
  state: ExplorerState;
  writable: boolean;
  run: RunCaseWrite;
  role: Role;
  onShow: ShowCase;
}

export function CaseView({ detail, state, writable, run, role, onShow }: Props) {
  return (
    <div className="case-detail" data-case-id={detail.id}>
      <h3>{detail.title}</h3>
      <StatusSelect detail={detail} writable={writable} run={run} />
      {!writable && (
        <p className="muted small" data-testid="case-read-only">
          You may read this case but not change it: its owner ({detail.owner})
          {detail.assignee ? `, its assignee (${detail.assignee})` : ''} or an admin may.
        </p>
      )}
      <CaseControls detail={detail} writable={writable} run={run} />
      {writable && <CaseActions caseId={detail.id} state={state} run={run} />}
      <ShowOnCanvas detail={detail} onShow={onShow} />
      <ShareWithPartner selection={{ case: detail.id }} role={role} />
      <CaseContents detail={detail} />
      {writable && <NoteForm caseId={detail.id} run={run} />}
      <h4>Evidence</h4>
      <PickNotice />
      <ul className="small" data-testid="case-evidence">
        {detail.evidence.map((item, i) => (
          <li key={i}>
            {item.description} <span className="muted mono">{item.declarationIds.join(', ')}</span>
          </li>
        ))}
      </ul>
      {writable && <EvidenceForm caseId={detail.id} ringId={state.openRing?.ring.id ?? null} run={run} />}
      <CaseTimeline detail={detail} />
    </div>
  );
}

function StatusSelect({ detail, writable, run }: Pick<Props, 'detail' | 'writable' | 'run'>) {
  return (
    <label>
      Status
      <select
        value={detail.status}
        disabled={!writable}
        onChange={(e) => {
          const status = e.target.value;
          void run(() => api.setCaseStatus(detail.id, status), 'Status updated.');
        }}
      >
        {statusChoices(detail.status).map((s) => (
          <option key={s} value={s}>
            {s.replaceAll('_', ' ')}
          </option>
        ))}
      </select>
    </label>
  );
}

function CaseActions({ caseId, state, run }: { caseId: string; state: ExplorerState; run: RunCaseWrite }) {
  const addSelection = () =>
    void run(() => api.addCaseEntities(caseId, state.selection), `Added ${state.selection.length} entities.`);
  const addRing = () => {
    const ringId = state.openRing?.ring.id;
    if (ringId) void run(() => api.addCaseRing(caseId, ringId), 'Ring added.');
  };
  return (
    <div className="row wrap">
      <button type="button" disabled={state.selection.length === 0} onClick={addSelection}>
        Add selection ({state.selection.length})
      </button>
      <button type="button" disabled={!state.openRing} onClick={addRing}>
        Add open ring
      </button>
      <a className="button" href={api.casePackUrl(caseId)} download>
        Download case pack
      </a>
    </div>
  );
}

/** Entities (the first 50), rings and notes of the case. */
function CaseContents({ detail }: { detail: CaseDetail }) {
  return (
    <>
      <h4>Entities ({detail.entities.length})</h4>
      <ul className="small compact">
        {detail.entities.slice(0, 50).map((e) => (
          <li key={e.key}>
            {e.name ?? e.id} <span className="muted">{e.label}</span>
          </li>
        ))}
      </ul>
      {detail.rings.length > 0 && (
        <>
          <h4>Rings</h4>
          <ul className="small compact">
            {detail.rings.map((r) => (
              <li key={r.id}>
                {typologyTitle(r.typology)} <span className="muted">{r.id}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <h4>Notes</h4>
      <ul className="small">
        {detail.notes.map((n, i) => (
          <li key={i}>
            {n.text}{' '}
            <span className="muted">
              — {n.author}, {stampToMinute(n.at)}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** How the last line picked on the canvas went. */
function PickNotice() {
  const { notice } = useOpenCaseState();
  return notice ? (
    <p role="status" className="small" data-testid="case-pick-notice">
      {notice}
    </p>
  ) : null;
}
