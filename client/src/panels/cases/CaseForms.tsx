// The forms that write to cases: a new case, a note on the open case, evidence on it. A refused
// note or evidence keeps what was typed and says, by the field's label, what the server refused.
import { useState, type FormEvent } from 'react';
import { api } from '../../api/endpoints.ts';
import { refusalOf, type Refusal } from './refusal.ts';
import { parseDeclarationIds } from './text.ts';
import type { RunCaseWrite } from './useCases.ts';

export function NewCaseForm({ run, onOpenCase }: { run: RunCaseWrite; onOpenCase: (id: string) => void }) {
  const [title, setTitle] = useState('');
  const create = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const created = await api.createCase(title.trim(), '');
      setTitle('');
      onOpenCase(created.case.id);
    }, 'Case created.');
  };
  return (
    <form onSubmit={create} className="row">
      <label className="grow">
        New case title
        <input value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} />
      </label>
      <button type="submit">Create case</button>
    </form>
  );
}

function RefusalNote({ refusal }: { refusal: Refusal | null }) {
  if (!refusal) return null;
  return (
    <p role="alert" className="error small">
      {refusal.message}
    </p>
  );
}

const NOTE_FIELDS = { text: 'Note' };

export function NoteForm({ caseId, run }: { caseId: string; run: RunCaseWrite }) {
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(() => api.addCaseNote(caseId, note.trim()), 'Note added.', { ownFailure: true }).then(
      (failure) => {
        setRefusal(failure === null ? null : refusalOf(failure, NOTE_FIELDS));
        if (failure === null) setNote('');
      },
    );
  };
  return (
    <form onSubmit={submit}>
      <label>
        Note
        <textarea
          value={note}
          onChange={(e) => setNote(e.target.value)}
          rows={2}
          required
          aria-invalid={refusal?.fields.includes('text') ? true : undefined}
        />
      </label>
      <button type="submit">Add note</button>
      <RefusalNote refusal={refusal} />
    </form>
  );
}

const NO_EVIDENCE = { description: '', declarations: '' };
const EVIDENCE_FIELDS = { description: 'Evidence description', declarationIds: 'Declaration lines' };

interface EvidenceFormProps {
  caseId: string;
  /** The open ring, which the evidence is filed under; null when none is open. */
  ringId: string | null;
  run: RunCaseWrite;
}

export function EvidenceForm({ caseId, ringId, run }: EvidenceFormProps) {
  const [evidence, setEvidence] = useState(NO_EVIDENCE);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const ids = parseDeclarationIds(evidence.declarations);
    void run(() => api.addCaseEvidence(caseId, evidence.description.trim(), ids, ringId), 'Evidence added.', {
      ownFailure: true,
    }).then((failure) => {
      setRefusal(failure === null ? null : refusalOf(failure, EVIDENCE_FIELDS));
      if (failure === null) setEvidence(NO_EVIDENCE);
    });
  };
  const invalid = (field: string) => (refusal?.fields.includes(field) ? true : undefined);
  return (
    <form onSubmit={submit}>
      <label>
        Evidence description
        <input
          value={evidence.description}
          onChange={(e) => setEvidence({ ...evidence, description: e.target.value })}
          required
          aria-invalid={invalid('description')}
        />
      </label>
      <label>
        Declaration lines (declarationId/line, comma separated)
        <input
          value={evidence.declarations}
          onChange={(e) => setEvidence({ ...evidence, declarations: e.target.value })}
          aria-invalid={invalid('declarationIds')}
        />
      </label>
      <button type="submit">Add evidence</button>
      <RefusalNote refusal={refusal} />
    </form>
  );
}
