// Admin jobs: upload files to ingest, start detection, follow progress over SSE, and show the
// row report when a file is refused.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../api/endpoints.ts';
import { ApiError, describeError } from '../api/http.ts';
import { JobFailure, JobProgress, type RowProblem } from '../api/schemas.ts';

const PRESETS = [
  { value: '', title: 'canonical (declarations.csv / entities.csv)' },
  { value: 'wco-bacuda', title: 'WCO BACUDA' },
  { value: 'kcs', title: 'Korea Customs Service' },
];

interface Outcome {
  ok: boolean;
  message: string;
  problems: RowProblem[];
  total: number;
}

function parseData(raw: unknown): unknown {
  try {
    return typeof raw === 'string' ? JSON.parse(raw) : null;
  } catch {
    return null;
  }
}

export function JobsPanel({ onDetectionDone }: { onDetectionDone: () => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [preset, setPreset] = useState('');
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [running, setRunning] = useState(false);
  const source = useRef<EventSource | null>(null);

  useEffect(() => () => source.current?.close(), []);

  const follow = (jobId: string, kind: 'ingest' | 'detect') => {
    source.current?.close();
    const events = new EventSource(api.jobEventsUrl(jobId));
    source.current = events;
    const finish = (next: Outcome) => {
      events.close();
      setRunning(false);
      setOutcome(next);
      if (next.ok && kind === 'detect') onDetectionDone();
    };
    events.addEventListener('progress', (event) => {
      const parsed = JobProgress.safeParse(parseData(event.data));
      if (parsed.success) setProgress(parsed.data);
    });
    events.addEventListener('result', () =>
      finish({
        ok: true,
        message: `${kind === 'ingest' ? 'Ingest' : 'Detection'} finished.`,
        problems: [],
        total: 0,
      }),
    );
    events.addEventListener('error', (event) => {
      const parsed = JobFailure.safeParse(parseData((event as MessageEvent).data));
      if (parsed.success) {
        finish({
          ok: false,
          message: parsed.data.message,
          problems: parsed.data.problems ?? [],
          total: parsed.data.total ?? 0,
        });
      } else if (events.readyState === EventSource.CLOSED) {
        finish({
          ok: false,
          message: 'Lost the connection to the job; check its state later.',
          problems: [],
          total: 0,
        });
      }
    });
  };

  const start = async (kind: 'ingest' | 'detect') => {
    setOutcome(null);
    setProgress(null);
    setRunning(true);
    try {
      const { job } = kind === 'ingest' ? await api.startIngest(files, preset) : await api.startDetection();
      follow(job.id, kind);
    } catch (failure) {
      setRunning(false);
      const refused = failure instanceof ApiError ? failure : null;
      setOutcome({
        ok: false,
        message: describeError(failure),
        problems: refused?.problems ?? [],
        total: refused?.total ?? 0,
      });
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void start('ingest');
  };

  return (
    <section aria-labelledby="jobs-title" className="jobs">
      <h2 id="jobs-title">Data and detection</h2>
      <form onSubmit={submit}>
        <label>
          Files to ingest
          <input
            type="file"
            multiple
            accept=".csv,.json,text/csv"
            onChange={(e) => setFiles([...(e.target.files ?? [])])}
          />
        </label>
        <label>
          Format
          <select value={preset} onChange={(e) => setPreset(e.target.value)}>
            {PRESETS.map((p) => (
              <option key={p.value} value={p.value}>
                {p.title}
              </option>
            ))}
          </select>
        </label>
        <div className="row">
          <button type="submit" disabled={running || files.length === 0}>
            Upload and ingest
          </button>
          <button type="button" disabled={running} onClick={() => void start('detect')}>
            Run detection
          </button>
        </div>
      </form>
      {progress && (
        <label className="progress">
          {progress.phase} {progress.total ? `${progress.done} / ${progress.total}` : progress.done}
          <progress value={progress.total ? progress.done : undefined} max={progress.total ?? undefined} />
        </label>
      )}
      {outcome && (
        <div
          role={outcome.ok ? 'status' : 'alert'}
          className={outcome.ok ? 'ok' : 'error'}
          data-testid="job-outcome"
        >
          <p>{outcome.message}</p>
          {outcome.problems.length > 0 && (
            <table className="row-report" aria-label="Row report">
              <caption className="small">
                {outcome.total > outcome.problems.length
                  ? `First ${outcome.problems.length} of ${outcome.total} problems`
                  : `${outcome.problems.length} ${outcome.problems.length === 1 ? 'problem' : 'problems'}`}
              </caption>
              <thead>
                <tr>
                  <th scope="col">file</th>
                  <th scope="col">row</th>
                  <th scope="col">column</th>
                  <th scope="col">problem</th>
                </tr>
              </thead>
              <tbody>
                {outcome.problems.slice(0, 200).map((p, i) => (
                  <tr key={i}>
                    <td>{p.file ?? ''}</td>
                    <td>{p.row ?? ''}</td>
                    <td>{p.column ?? ''}</td>
                    <td>{p.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}
