// The streaming-replication standby a bench reads list pages and searches from (DATABASE_READ_URL):
// the one scripts/start-standby.sh makes of the local primary, on port 5433. A standby already
// running is used and left running; one this bench started is stopped again (stop-standby.sh, which
// also drops its replication slot, so that the primary keeps no WAL for it).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { parentPid } from './http-measure.ts';

const STANDBY_PORT = 5433;
const script = (name: string) => fileURLToPath(new URL(`../scripts/${name}`, import.meta.url));

export interface BenchStandby {
  /** The standby's postmaster: it and its children are the standby's processes. */
  postmasterPid: number;
  /** `databaseUrl` (a database of the primary) as read on the standby. */
  urlOf(databaseUrl: string): string;
  /** Waits until the standby has replayed every write the primary had made when asked. */
  catchUp(primaryUrl: string): Promise<void>;
  stop(): Promise<void>;
}

function onStandby(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.hostname = '127.0.0.1';
  url.port = String(STANDBY_PORT);
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return (await client.query<T>(text)).rows[0];
  } finally {
    await client.end().catch(() => {});
  }
}

/** The postmaster of the server at `url`: the parent of a backend, read while it still runs. */
async function postmasterOf(url: string): Promise<number | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    const pid = (await client.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]?.pid;
    return pid === undefined ? null : parentPid(pid);
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

async function inRecovery(url: string): Promise<boolean> {
  try {
    return (
      (await query<{ standby: boolean }>(url, 'select pg_is_in_recovery() as standby'))?.standby === true
    );
  } catch {
    return false;
  }
}

/**
 * The standby of the primary `serverUrl` names, started if none runs (as root or as the postgres
 * user: pg_basebackup and pg_ctl). Answers why not instead when it cannot be had.
 */
export async function startStandby(serverUrl: string): Promise<BenchStandby | { unavailable: string }> {
  const primary = new URL(serverUrl);
  const standbyUrl = onStandby(serverUrl);
  const env = {
    ...process.env,
    PRIMARY_HOST: primary.hostname,
    PRIMARY_PORT: primary.port || '5432',
    STANDBY_PORT: String(STANDBY_PORT),
    ...(primary.password ? { PGPASSWORD: decodeURIComponent(primary.password) } : {}),
  };
  const running = await inRecovery(standbyUrl);
  if (!running) {
    const started = spawnSync('bash', [script('start-standby.sh')], { env, encoding: 'utf8' });
    if (started.status !== 0 || !(await inRecovery(standbyUrl))) {
      const said = `${started.stderr ?? ''}${started.error?.message ?? ''}`.trim().split('\n').slice(-3);
      return { unavailable: `scripts/start-standby.sh failed (exit ${started.status}): ${said.join(' / ')}` };
    }
  }
  const postmasterPid = await postmasterOf(standbyUrl);
  const stop = async () => {
    if (!running) spawnSync('bash', [script('stop-standby.sh')], { env, stdio: 'ignore' });
  };
  if (postmasterPid === null) {
    await stop();
    return { unavailable: 'the standby runs, but its processes cannot be seen in /proc' };
  }
  return {
    postmasterPid,
    urlOf: onStandby,
    async catchUp(primaryUrl) {
      const wanted = await query<{ lsn: string }>(primaryUrl, 'select pg_current_wal_lsn()::text as lsn');
      const sql = `select pg_last_wal_replay_lsn() >= '${wanted?.lsn}'::pg_lsn as done`;
      for (const until = Date.now() + 30_000; ; ) {
        if ((await query<{ done: boolean }>(standbyUrl, sql))?.done) return;
        if (Date.now() > until)
          throw new Error(`the standby did not replay up to ${wanted?.lsn} within 30 s`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    stop,
  };
}
