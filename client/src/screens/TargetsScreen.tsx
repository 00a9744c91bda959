// Inspection targets for enforcement: the declaration lines ranked for inspection, with the
// reasons, and the same list as a CSV download (GET /api/exports/targets, audited as an export).
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { TargetsAnswer } from '../../../src/api/graph.ts';
import { adminApi } from '../api/admin.ts';
import { withQuery } from '../api/http.ts';
import { formatScore } from '../format.ts';
import { Status, useRunner } from './useRunner.tsx';

const SIZES = [50, 100, 500, 1000];

type TargetLines = z.infer<typeof TargetsAnswer>['lines'];

export function TargetsScreen() {
  const [limit, setLimit] = useState(100);
  // The lines shown with the size they answer, so a slower answer to an earlier choice never
  // replaces the answer to the latest one.
  const [shown, setShown] = useState<{ limit: number; lines: TargetLines }>({
    limit: 0,
    lines: [],
  });
  const { message, error, run } = useRunner();
  useEffect(() => {
    let current = true;
    void run(() => adminApi.targets(limit)).then((answer) => {
      if (answer && current) setShown({ limit, lines: answer.lines });
    });
    return () => {
      current = false;
    };
  }, [limit]);
  return (
    <section aria-label="Inspection targets">
      <form className="inline" onSubmit={(e) => e.preventDefault()}>
        <label>
          Lines
          <select value={limit} onChange={(e) => setLimit(Number(e.target.value))}>
            {SIZES.map((n) => (
              <option key={n} value={n}>
                top {n}
              </option>
            ))}
          </select>
        </label>
        <a className="button" href={withQuery('/api/exports/targets', { limit })} download>
          Download CSV
        </a>
      </form>
      <Status message={message} error={error} />
      <table data-testid="targets" data-limit={shown.limit || undefined}>
        <thead>
          <tr>
            <th>Rank</th>
            <th>Declaration</th>
            <th>Line</th>
            <th>Score</th>
            <th>Why</th>
          </tr>
        </thead>
        <tbody>
          {shown.lines.map((t, i) => (
            <tr key={`${t.declarationId}/${t.line}`}>
              <td className="num">{i + 1}</td>
              <td className="mono">{t.declarationId}</td>
              <td className="num">{t.line}</td>
              <td className="num">{formatScore(t.score)}</td>
              <td className="small">{t.reasons.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
