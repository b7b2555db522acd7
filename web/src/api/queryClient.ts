import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiRequestError } from './client.ts';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: ApiRequestError;
  }
}

function shouldRetry(failureCount: number, error: unknown): boolean {
  // Client errors (4xx) will not change on a retry; a lost connection or a 5xx may.
  if (error instanceof ApiRequestError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 1;
}

/**
 * For mutations sent with an Idempotency-Key: when the answer was lost (no connection) or the
 * server was momentarily unable (5xx), send the same attempt once more; the key makes the server
 * replay the first answer if the work had been done.
 */
export function retryLostAnswer(failureCount: number, error: unknown): boolean {
  const transient = error instanceof ApiRequestError && (error.status === 0 || error.status >= 500);
  return transient && failureCount < 1;
}

/** `onError` sees every failed query and mutation, for errors handled the same way on every page. */
export function createQueryClient({ onError }: { onError?: (error: unknown) => void } = {}): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: (error) => onError?.(error) }),
    mutationCache: new MutationCache({ onError: (error) => onError?.(error) }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 30_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
