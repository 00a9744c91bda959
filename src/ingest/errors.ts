// Bad input, said row by row: ingest raises InputError for a file it cannot take, and the CLI,
// the jobs service and the commands' own argument checks raise it too. The CLI reports it with
// exit 2 and a row report; anything else exits 1 with one line saying what failed.
export interface RowProblem {
  file: string;
  /** 1-based data row (the header is row 0); 0 for file-level problems. */
  row: number;
  column: string | null;
  code: string;
  message: string;
}

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
