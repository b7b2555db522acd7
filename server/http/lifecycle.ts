/**
 * Where this process is in its life, for the readiness probe: a balancer sends requests only to a
 * `ready` process. `main.ts` says `ready` once every part has started and `stopping` on SIGTERM,
 * so the balancer drains this instance while its requests in flight finish.
 */
export type LifecycleState = 'starting' | 'ready' | 'stopping';

export interface Lifecycle {
  state: LifecycleState;
}

export const newLifecycle = (): Lifecycle => ({ state: 'starting' });
