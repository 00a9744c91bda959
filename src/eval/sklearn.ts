// The scikit-learn baseline of the KCS evaluation: bench/sklearn_baseline.py run with a Python
// that has scikit-learn (RINGSCOPE_PYTHON, else Debian's /usr/bin/python3, else python3 on the
// PATH). Without one the evaluation goes on and says, loudly, that the baseline did not run.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../bench/sklearn_baseline.py', import.meta.url));

export type SklearnOutcome =
  { ran: true; python: string; precision: number[]; runs: number[][] } | { ran: false; reason: string };

const Answer = z.object({ precision: z.array(z.number()), runs: z.array(z.array(z.number())) });

/** The first Python that imports sklearn, or null. */
export function defaultPythons(): string[] {
  return [process.env.RINGSCOPE_PYTHON, '/usr/bin/python3', 'python3'].filter((c): c is string => Boolean(c));
}

export async function findSklearnPython(
  candidates: readonly string[] = defaultPythons(),
): Promise<string | null> {
  for (const python of candidates) {
    try {
      await run(python, ['-c', 'import sklearn, numpy'], { timeout: 60_000 });
      return python;
    } catch {
      // not this one: try the next
    }
  }
  return null;
}

export async function runSklearnBaseline(
  dir: string,
  seeds: readonly number[],
  pythons?: readonly string[],
): Promise<SklearnOutcome> {
  const python = await findSklearnPython(pythons);
  if (python === null)
    return {
      ran: false,
      reason:
        'no Python with scikit-learn found (tried RINGSCOPE_PYTHON, /usr/bin/python3, python3): ' +
        'install python3-sklearn or set RINGSCOPE_PYTHON',
    };
  try {
    const { stdout } = await run(python, [SCRIPT, dir, '--split', 'test', '--seeds', seeds.join(',')], {
      timeout: 30 * 60_000,
      maxBuffer: 1 << 20,
    });
    const answer = Answer.parse(JSON.parse(stdout));
    return { ran: true, python, ...answer };
  } catch (error) {
    return { ran: false, reason: `${python} ${SCRIPT} failed: ${(error as Error).message.split('\n')[0]}` };
  }
}
