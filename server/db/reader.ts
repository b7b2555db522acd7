import type { Database, Queryable } from './client.ts';

/**
 * Where a list page or search of a session reads: the standby unless it has not yet replayed the
 * session's last write (`writtenLsn`, recorded after each write: sessions.noteWrite), then the
 * primary. Without a standby, the primary.
 */
export async function readerFor(database: Database, writtenLsn: string | null): Promise<Queryable> {
  const { standby } = database;
  if (!standby) return database.db;
  if (writtenLsn === null || (await standby.hasReplayed(writtenLsn))) return standby.db;
  return database.db;
}
