// The ingest, detection and resolution pipelines the job routes run: the same services as
// `ringscope ingest`, `ringscope detect` and `ringscope resolve --write`, reporting progress as
// job events and failing with the CLI's row report.
import { runDetection } from '../src/detection/run-detection.ts';
import { writeCandidateLinks } from '../src/resolve/links.ts';
import { loadParties } from '../src/resolve/load.ts';
import { resolveParties } from '../src/resolve/resolve.ts';
import { ingestFiles, throwIfInvalid } from '../src/ingest/ingest.ts';
import { PRESET_NAMES, type PresetName } from '../src/ingest/presets/index.ts';
import type { Progress } from '../src/ingest/progress.ts';
import { ApiError } from './http/errors.ts';
import type { JobProgress } from './services/jobs.ts';
import type { Pipelines, UploadedFile } from './services/index.ts';

/** Progress events per file phase are sent at most this often. */
const PROGRESS_EVERY_MS = 200;

export function isPreset(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name);
}

function jobProgress(file: UploadedFile, onProgress: (p: JobProgress) => void): Progress {
  let phase = '';
  let last = 0;
  return {
    update(next, rows, fraction) {
      const now = performance.now();
      if (next === phase && now - last < PROGRESS_EVERY_MS) return;
      phase = next;
      last = now;
      const total = fraction && fraction > 0 ? Math.max(rows, Math.round(rows / fraction)) : 0;
      onProgress({ phase: `${next} ${file.name}`, done: rows, total });
    },
    finish() {},
  };
}

/** `[3/9] phoenix…` → 3 of 9; other messages carry no count. */
function detectorStep(message: string): { done: number; total: number } {
  const m = /^\[(\d+)\/(\d+)\]/.exec(message);
  return m ? { done: Number(m[1]), total: Number(m[2]) } : { done: 0, total: 0 };
}

export const PIPELINES: Pipelines = {
  async ingest({ store, files, preset, onProgress }) {
    if (preset !== undefined && !isPreset(preset))
      throw new ApiError(
        400,
        'invalid_request',
        `unknown preset ${preset}; one of ${PRESET_NAMES.join(', ')}`,
      );
    const byPath = new Map(files.map((f) => [f.path, f]));
    const outcomes = await ingestFiles(
      store,
      files.map((f) => f.path),
      {
        ...(preset ? { preset } : {}),
        progress: (path) => jobProgress(byPath.get(path) ?? { path, name: path, bytes: 0 }, onProgress),
      },
    );
    // Report the names the user uploaded, never the server's paths.
    const named = outcomes.map((o) => {
      const name = byPath.get(o.file)?.name ?? o.file;
      return { ...o, file: name, problems: o.problems.map((p) => ({ ...p, file: name })) };
    });
    throwIfInvalid(named);
    return { files: named.map(({ problems: _problems, ...rest }) => rest) };
  },

  async detect({ store, onProgress, seed, profile }) {
    const outcome = await runDetection(store, {
      seed,
      profile,
      onProgress: (p) => onProgress({ phase: p.phase, ...detectorStep(p.message), message: p.message }),
    });
    return {
      runId: outcome.run.runId,
      profile: profile.name,
      rings: outcome.run.rings.length,
      leads: outcome.findings.leads.length,
      parties: outcome.run.parties.length,
      targets: outcome.run.targets.length,
      byTypology: outcome.findings.counts,
      timings: outcome.timings,
    };
  },

  async resolve({ store, minScore, onProgress }) {
    const records = await loadParties(store);
    let last = 0;
    const result = resolveParties(records, { minScore }, (phase, done, total) => {
      const now = performance.now();
      if (done !== total && now - last < PROGRESS_EVERY_MS) return;
      last = now;
      onProgress({ phase, done, total });
    });
    const stored = await writeCandidateLinks(store, result.candidates, (done, total) =>
      onProgress({ phase: 'storing', done, total }),
    );
    return { parties: result.parties, comparedPairs: result.comparedPairs, candidates: stored };
  },
};
