import { useMemo, useRef } from 'react';
import { newIdempotencyKey } from './client.ts';

/**
 * Two clicks closer than this are one intention (a double click that outran the button's busy
 * state on a fast answer), so the second replays the first instead of adding again.
 */
const REPEAT_WINDOW_MS = 2_000;

/**
 * The Idempotency-Key of what the user is trying to do now. Submitting the same thing again (a
 * double click, Try again after a lost answer) reuses it, so the server does the work once. Any
 * change of the form starts a new attempt at once; a success does so after REPEAT_WINDOW_MS.
 */
export function useAttemptKey(): { key: () => string; succeeded: () => void; changed: () => void } {
  const current = useRef<{ key: string; until: number | null } | null>(null);
  return useMemo(
    () => ({
      key: () => {
        const attempt = current.current;
        if (attempt && (attempt.until === null || performance.now() < attempt.until)) return attempt.key;
        current.current = { key: newIdempotencyKey(), until: null };
        return current.current.key;
      },
      succeeded: () => {
        if (current.current) current.current.until = performance.now() + REPEAT_WINDOW_MS;
      },
      changed: () => {
        current.current = null;
      },
    }),
    [],
  );
}
