// Cases: create, open, add the selection or the open ring, notes, evidence, status, case pack;
// and the suspect-list export for enforcement.
import { useEffect } from 'react';
import { api } from '../api/endpoints.ts';
import type { CaseSummary, User } from '../api/schemas.ts';
import { canWrite } from '../format.ts';
import type { ExplorerState } from '../state/types.ts';
import { caseAccess } from './cases/access.ts';
import type { ShowCase } from './cases/CaseCanvas.tsx';
import { NewCaseForm } from './cases/CaseForms.tsx';
import { CaseView } from './cases/CaseView.tsx';
import { setOpenCaseWritable } from './cases/openCase.ts';
import { useCases } from './cases/useCases.ts';

interface Props {
  state: ExplorerState;
  user: User;
  onOpenCase: (id: string | null) => void;
  /** Draws the open case on the canvas, its entities marked. */
  onShowCase: ShowCase;
}

export function CasesPanel({ state, user, onOpenCase, onShowCase }: Props) {
  const { cases, detail, message, run } = useCases(state.caseId);
  const { role } = user;
  const writable = canWrite(role, 'cases');
  // The open case's own access: an officer may only read a team case of someone else.
  const mayChange = detail !== null && caseAccess(user, detail) === 'write';
  useEffect(() => setOpenCaseWritable(mayChange), [mayChange]);
  return (
    <section aria-labelledby="cases-title" className="cases">
      <h2 id="cases-title">Cases</h2>
      {canWrite(role, 'exports') && (
        <p>
          <a className="button" href={api.suspectsCsvUrl()} download>
            Download suspect list (CSV)
          </a>
        </p>
      )}
      {writable && <NewCaseForm run={run} onOpenCase={onOpenCase} />}
      <CasePicker cases={cases} caseId={state.caseId} onOpenCase={onOpenCase} />
      {message && (
        <p role="status" className="small">
          {message}
        </p>
      )}
      {detail && (
        <CaseView
          detail={detail}
          state={state}
          writable={mayChange}
          run={run}
          role={user.role}
          onShow={onShowCase}
        />
      )}
    </section>
  );
}

interface PickerProps {
  cases: CaseSummary[];
  caseId: string | null;
  onOpenCase: (id: string | null) => void;
}

function CasePicker({ cases, caseId, onOpenCase }: PickerProps) {
  return (
    <label>
      Open case
      <select value={caseId ?? ''} onChange={(e) => onOpenCase(e.target.value || null)}>
        <option value="">— none —</option>
        {cases.map((c) => (
          <option key={c.id} value={c.id}>
            {c.title} ({c.status}, {c.entityCount} entities)
          </option>
        ))}
      </select>
    </label>
  );
}
