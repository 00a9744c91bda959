// Bad input, said row by row: ingest raises InputError for a file it cannot take, and the CLI,
// the jobs service and the commands' own argument checks raise it too. The CLI reports it with
// exit 2 and a row report; anything else exits 1 with one line saying what failed.
import type { RowProblem } from '../model/row-problem.ts';

export type { RowProblem };

export class InputError extends Error {
  readonly problems: RowProblem[];
  readonly total: number;

  constructor(message: string, problems: RowProblem[], total = problems.length) {
    super(message);
    this.name = 'InputError';
    this.problems = problems;
    this.total = total;
  }
}
