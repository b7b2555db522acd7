import { useMemo, useRef } from 'react';
import { newIdempotencyKey } from './client.ts';

/**
 * The Idempotency-Key of what the user is trying to do now. Submitting the same thing again (a
 * double click, Try again after a lost answer) reuses it, so the server does the work once; `done`
 * after a success or any change of the form starts a new attempt with a new key.
 */
export function useAttemptKey(): { key: () => string; done: () => void } {
  const current = useRef<string | null>(null);
  return useMemo(
    () => ({
      key: () => {
        current.current ??= newIdempotencyKey();
        return current.current;
      },
      done: () => {
        current.current = null;
      },
    }),
    [],
  );
}
