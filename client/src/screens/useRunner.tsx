// A screen's requests: runs one, keeps what went wrong as a message the screen shows, and tells
// the caller whether it succeeded (a refused form keeps what the user typed).
import { useCallback, useState } from 'react';
import { describeError } from '../api/http.ts';

export function useRunner(): {
  message: string | null;
  error: boolean;
  run: <T>(work: () => Promise<T>, done?: string | ((value: T) => string)) => Promise<T | null>;
  fail: (problem: unknown) => void;
} {
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState(false);
  const run = useCallback(async <T,>(work: () => Promise<T>, done?: string | ((value: T) => string)) => {
    try {
      const value = await work();
      setError(false);
      setMessage(done === undefined ? null : typeof done === 'string' ? done : done(value));
      return value;
    } catch (problem) {
      setError(true);
      setMessage(describeError(problem));
      return null;
    }
  }, []);
  const fail = useCallback((problem: unknown) => {
    setError(true);
    setMessage(describeError(problem));
  }, []);
  return { message, error, run, fail };
}

export function Status({ message, error }: { message: string | null; error: boolean }) {
  if (!message) return null;
  return (
    <p role={error ? 'alert' : 'status'} className={error ? 'error' : 'small'}>
      {message}
    </p>
  );
}
