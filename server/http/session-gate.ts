import type { SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../shared/actor.ts';

/** Columns of the session a route's read may scope itself by: whose, for which account, priced how. */
export interface SessionScope {
  partnerId: PgColumn;
  userId: PgColumn;
  openAccountId: PgColumn;
  currency: PgColumn;
}

/**
 * A read that shares the session check's round trip: a route that looks one thing up (a quote by
 * number) gets its actor and its answer from one statement. `read` builds a single `found` value,
 * scoped by the session's partner.
 */
export type LookupRead<T> = (scope: SessionScope) => SQL<T>;

export interface Lookup<T> {
  name: string;
  read: LookupRead<T>;
}

export interface CheckedSession<T> {
  actor: Actor;
  /** The lookup's answer (null when nothing matched or the route has none). */
  found: T | null;
  /** The session has not been touched for a while: its idle expiry should slide (see `touch`). */
  touchDue: boolean;
  /** Where the primary's WAL stood after the session's last write (see `noteWrite`); null if none. */
  writtenLsn: string | null;
}

/**
 * What the HTTP layer asks of sessions, implemented by the sessions module and handed to the app
 * (`portal.sessions`): the framework checks cookies and CSRF without knowing how sessions are kept.
 */
export interface SessionGate {
  /** The live session of a session cookie's token at `now`, with the route's lookup; null if none. */
  check<T>(
    token: string,
    now: Date,
    lookup?: Lookup<T>,
    params?: Record<string, unknown>,
  ): Promise<CheckedSession<T> | null>;
  /** Slides the idle expiry of a session; its new expiry, or null when it has ended meanwhile. */
  touch(token: string, now: Date): Promise<Date | null>;
  /**
   * Records that a write of the session has committed, so that its next list pages read from the
   * primary until the standby has replayed it (called only when a standby serves reads).
   */
  noteWrite(token: string): Promise<void>;
}
