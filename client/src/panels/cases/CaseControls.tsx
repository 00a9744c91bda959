// The case's own settings as PATCH /api/cases/:id accepts them: its description, its assignee
// (a username, or none) and its visibility (team or restricted). Read-only for those who may
// only read the case.
import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.ts';
import { CaseVisibility, type CaseDetail } from '../../api/schemas.ts';
import type { RunCaseWrite } from './useCases.ts';

interface Props {
  detail: CaseDetail;
  writable: boolean;
  run: RunCaseWrite;
}

export function CaseControls({ detail, writable, run }: Props) {
  const [description, setDescription] = useState(detail.description);
  const [assignee, setAssignee] = useState(detail.assignee ?? '');
  useEffect(() => {
    setDescription(detail.description);
    setAssignee(detail.assignee ?? '');
  }, [detail.id, detail.description, detail.assignee]);
  const save = (event: FormEvent) => {
    event.preventDefault();
    const change = { description, assignee: assignee.trim() || null };
    void run(() => api.changeCase(detail.id, change), 'Case updated.');
  };
  return (
    <form onSubmit={save} className="case-controls">
      <label>
        Visibility
        <select
          value={detail.visibility}
          disabled={!writable}
          onChange={(e) => {
            const visibility = CaseVisibility.parse(e.target.value);
            void run(() => api.changeCase(detail.id, { visibility }), 'Visibility updated.');
          }}
        >
          <option value="team">team (every user may read it)</option>
          <option value="restricted">restricted (owner, assignee, admins)</option>
        </select>
      </label>
      <label>
        Assignee
        <input
          value={assignee}
          onChange={(e) => setAssignee(e.target.value)}
          readOnly={!writable}
          placeholder="username, empty for none"
        />
      </label>
      <label>
        Description
        <textarea
          value={description}
          onChange={(e) => setDescription(e.target.value)}
          readOnly={!writable}
          rows={3}
        />
      </label>
      {writable && <button type="submit">Save case details</button>}
    </form>
  );
}
