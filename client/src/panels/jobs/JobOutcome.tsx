// How the last job ended, with the row report of the problems when files were refused.
import type { RowProblem } from '../../api/schemas.ts';
import { reportCaption, type Outcome } from './outcome.ts';

/** Rows of the report drawn at most; the caption says how many there are. */
const REPORT_ROWS = 200;

export function JobOutcome({ outcome }: { outcome: Outcome }) {
  return (
    <div
      role={outcome.ok ? 'status' : 'alert'}
      className={outcome.ok ? 'ok' : 'error'}
      data-testid="job-outcome"
    >
      <p>{outcome.message}</p>
      {outcome.problems.length > 0 && <RowReport problems={outcome.problems} total={outcome.total} />}
    </div>
  );
}

function RowReport({ problems, total }: { problems: RowProblem[]; total: number }) {
  return (
    <table className="row-report" aria-label="Row report">
      <caption className="small">{reportCaption(problems.length, total)}</caption>
      <thead>
        <tr>
          <th scope="col">file</th>
          <th scope="col">row</th>
          <th scope="col">column</th>
          <th scope="col">problem</th>
        </tr>
      </thead>
      <tbody>
        {problems.slice(0, REPORT_ROWS).map((p, i) => (
          <tr key={i}>
            <td>{p.file ?? ''}</td>
            <td>{p.row ?? ''}</td>
            <td>{p.column ?? ''}</td>
            <td>{p.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
