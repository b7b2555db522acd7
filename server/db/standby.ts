import type pg from 'pg';

/**
 * A streaming-replication standby of the primary (DATABASE_READ_URL): list pages and searches read
 * from it. It replays the primary's WAL a moment behind, so a user who has just written reads from
 * the primary until the standby has replayed past their last write (read-your-writes); everyone
 * else reads from the standby at once.
 */
export interface Standby<D> {
  /** The standby's query API (client.ts: the same as the primary's). */
  db: D;
  /** Whether the standby has replayed the WAL up to `lsn` (a position such as `0/3000148`). */
  hasReplayed(lsn: string): Promise<boolean>;
  close(): Promise<void>;
}

/** A WAL position (`X/Y`, two hexadecimal halves) as one comparable number. */
export function lsnValue(lsn: string): bigint {
  const [high = '', low = ''] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) | BigInt(`0x${low}`);
}

export function openStandby<D>(opened: { pool: pg.Pool; close(): Promise<void> }, db: D): Standby<D> {
  const { pool } = opened;
  // The furthest position the standby has been seen to have replayed. Replay only moves forward,
  // so this is a fact, not state: a session whose last write lies at or before it reads from the
  // standby with no question asked, and most reads ask nothing.
  let replayed = 0n;
  // Reads that arrive together share one question.
  let asking: Promise<bigint> | null = null;
  const ask = async (): Promise<bigint> => {
    const { rows } = await pool.query<[string | null]>({
      name: 'standby_replay_lsn',
      text: 'select pg_last_wal_replay_lsn()::text',
      rowMode: 'array',
    });
    // Null: no longer a standby (promoted) or not one at all; it then proves nothing.
    const lsn = rows[0]?.[0];
    return lsn ? lsnValue(lsn) : 0n;
  };
  return {
    db,
    async hasReplayed(lsn) {
      const wanted = lsnValue(lsn);
      if (wanted <= replayed) return true;
      asking ??= ask().finally(() => {
        asking = null;
      });
      try {
        const seen = await asking;
        if (seen > replayed) replayed = seen;
      } catch {
        // A standby that does not answer proves nothing: the primary serves this read.
        return false;
      }
      return wanted <= replayed;
    },
    close: opened.close,
  };
}
