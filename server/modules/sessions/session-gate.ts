import type { Database, Queryable } from '../../db/client.ts';
import type { CheckedSession, Lookup, SessionGate } from '../../http/session-gate.ts';
import type { Actor } from '../../shared/actor.ts';
import {
  actorFrom,
  findSessionRow,
  type LookupStatement,
  prepareLookupStatement,
  prepareSessionStatement,
  type SessionRow,
} from './session.queries.ts';
import { prepareNoteWrite } from './session-records.queries.ts';
import { hashToken, TOUCH_AFTER_MS, touchSession } from './sessions.ts';

/**
 * The sessions module's side of the HTTP layer's SessionGate: one prepared statement per request
 * (the session, or the session joined to the route's lookup). Statements are prepared once per
 * process and database, by name; they hold no data, so any instance can answer any request.
 */
export function sessionGate(database: Database): SessionGate {
  const sessionStatement = prepareSessionStatement(database);
  const lookups = new Map<string, LookupStatement<unknown>>();
  const noteWrite = prepareNoteWrite(database);
  return {
    async check<T>(token: string, now: Date, lookup?: Lookup<T>, params?: Record<string, unknown>) {
      const values = { tokenHash: hashToken(token), now };
      let row: (SessionRow & { found?: T | null }) | undefined;
      if (lookup) {
        let statement = lookups.get(lookup.name) as LookupStatement<T> | undefined;
        if (!statement) {
          statement = prepareLookupStatement(database, lookup.name, lookup.read);
          lookups.set(lookup.name, statement as LookupStatement<unknown>);
        }
        [row] = await statement.execute({ ...params, ...values });
      } else [row] = await sessionStatement.execute(values);
      const actor = row ? actorFrom(row) : null;
      if (!row || !actor) return null;
      return {
        actor,
        found: row.found ?? null,
        touchDue: now.getTime() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS,
        writtenLsn: row.writtenLsn,
      } satisfies CheckedSession<T>;
    },
    touch: (token, now) => touchSession(database.db, hashToken(token), now),
    noteWrite: (token) => noteWrite(hashToken(token)),
  };
}

/** The actor of a session just created (after a login or a sign-in link), read as a request would. */
export async function actorOfSession(db: Queryable, tokenHash: string, now: Date): Promise<Actor | null> {
  const row = await findSessionRow(db, tokenHash, now);
  return row ? actorFrom(row) : null;
}
