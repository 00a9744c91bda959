// Starting an ingest or a detection job and following it over server-sent events until it
// finishes, fails or the connection is lost.
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/endpoints.ts';
import { JobFailure, JobProgress } from '../../api/schemas.ts';
import {
  failed,
  finished,
  LOST_CONNECTION,
  parseData,
  refused,
  type JobKind,
  type Outcome,
} from './outcome.ts';

interface Listeners {
  progress: (progress: JobProgress) => void;
  finish: (outcome: Outcome) => void;
}

/** Listens to a job's events; `finish` is called once, after the stream is closed. */
function listen(events: EventSource, kind: JobKind, on: Listeners): void {
  const finish = (outcome: Outcome) => {
    events.close();
    on.finish(outcome);
  };
  events.addEventListener('progress', (event) => {
    const parsed = JobProgress.safeParse(parseData(event.data));
    if (parsed.success) on.progress(parsed.data);
  });
  events.addEventListener('result', () => finish(finished(kind)));
  events.addEventListener('error', (event) => {
    const parsed = JobFailure.safeParse(parseData((event as MessageEvent).data));
    if (parsed.success) finish(failed(parsed.data));
    else if (events.readyState === EventSource.CLOSED) finish(LOST_CONNECTION);
  });
}

export interface Job {
  progress: JobProgress | null;
  outcome: Outcome | null;
  running: boolean;
  start: (kind: JobKind, files: File[], preset: string) => Promise<void>;
}

export function useJob(onDetectionDone: () => void): Job {
  const [progress, setProgress] = useState<JobProgress | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [running, setRunning] = useState(false);
  const source = useRef<EventSource | null>(null);

  useEffect(() => () => source.current?.close(), []);

  const follow = (jobId: string, kind: JobKind) => {
    source.current?.close();
    const events = new EventSource(api.jobEventsUrl(jobId));
    source.current = events;
    listen(events, kind, {
      progress: setProgress,
      finish: (next) => {
        setRunning(false);
        setOutcome(next);
        if (next.ok && kind === 'detect') onDetectionDone();
      },
    });
  };

  const start = async (kind: JobKind, files: File[], preset: string) => {
    setOutcome(null);
    setProgress(null);
    setRunning(true);
    try {
      const { job } = kind === 'ingest' ? await api.startIngest(files, preset) : await api.startDetection();
      follow(job.id, kind);
    } catch (failure) {
      setRunning(false);
      setOutcome(refused(failure));
    }
  };

  return { progress, outcome, running, start };
}
