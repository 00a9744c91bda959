// Admin jobs: upload files to ingest, start detection, follow progress over SSE, and show the
// row report when a file is refused.
import { useState, type FormEvent } from 'react';
import type { JobProgress } from '../api/schemas.ts';
import { JobOutcome } from './jobs/JobOutcome.tsx';
import { useJob } from './jobs/useJob.ts';

const PRESETS = [
  { value: '', title: 'canonical (declarations.csv / entities.csv)' },
  { value: 'wco-bacuda', title: 'WCO BACUDA' },
  { value: 'kcs', title: 'Korea Customs Service' },
];

export function JobsPanel({ onDetectionDone }: { onDetectionDone: () => void }) {
  const [files, setFiles] = useState<File[]>([]);
  const [preset, setPreset] = useState('');
  const { progress, outcome, running, start } = useJob(onDetectionDone);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void start('ingest', files, preset);
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
          <button type="button" disabled={running} onClick={() => void start('detect', files, preset)}>
            Run detection
          </button>
        </div>
      </form>
      {progress && <ProgressBar progress={progress} />}
      {outcome && <JobOutcome outcome={outcome} />}
    </section>
  );
}

function ProgressBar({ progress }: { progress: JobProgress }) {
  return (
    <label className="progress">
      {progress.phase} {progress.total ? `${progress.done} / ${progress.total}` : progress.done}
      <progress value={progress.total ? progress.done : undefined} max={progress.total ?? undefined} />
    </label>
  );
}
