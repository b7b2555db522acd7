// The deployment shapes the HTTP bench measures (issue 19): one app process on one PostgreSQL
// database, and two app processes behind HAProxy with a streaming-replication standby serving list
// pages and searches (DATABASE_READ_URL). Each starts on a fresh database with the demo data; load
// goes to `base` (the app itself, or HAProxy's frontend).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppProcess } from '../scripts/two-processes/apps.ts';
import { ensureHaproxy, Haproxy } from '../scripts/two-processes/haproxy.ts';
import { createScratchDatabase } from '../server/test/database.ts';
import { startDemoApp } from './demo-app.ts';
import type { Watched } from './http-measure.ts';
import { freePort } from './processes.ts';
import type { BenchStandby } from './standby.ts';

export interface AppOptions {
  flags?: string[];
  appDir?: string | undefined;
}

export interface Shape {
  base: string;
  /** The processes whose CPU a measurement counts. */
  watched: Watched;
  /** Waits until the standby has replayed every write so far (at once without a standby). */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/** Shape 1: one app process, one PostgreSQL database. */
export async function startOneProcess(options: AppOptions): Promise<Shape> {
  const app = await startDemoApp('postgres', options);
  return {
    base: app.base,
    watched: { appPids: app.pid ? [app.pid] : [] },
    settle: async () => {},
    stop: app.stop,
  };
}

/**
 * Shape 2: two app processes behind HAProxy (the reference configuration of docs/OPERATIONS.md),
 * reading list pages and searches from `standby`.
 */
export async function startTwoProcesses(
  serverUrl: string,
  standby: BenchStandby,
  options: AppOptions,
): Promise<Shape> {
  const haproxyBinary = ensureHaproxy();
  const dir = mkdtempSync(join(tmpdir(), 'pp-bench-shapes-'));
  const scratch = await createScratchDatabase(serverUrl, 'pp_bench');
  const apps: AppProcess[] = [];
  let proxy: Haproxy | undefined;
  const stop = async () => {
    await proxy?.stop();
    for (const app of apps) await app.stop();
    await scratch.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const [port, statsPort, ...appPorts] = await Promise.all([1, 2, 3, 4].map(() => freePort()));
    const env = {
      DATABASE_URL: scratch.url,
      DATABASE_READ_URL: standby.urlOf(scratch.url),
      DEMO_DATA: 'true',
      LOG_LEVEL: 'warn',
      CHECK_RESPONSES: 'false',
      TRUST_PROXY: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    };
    const flags = options.flags ? { flags: options.flags } : {};
    // One after the other: the first migrates the new database and loads the demo data.
    for (const [i, appPort] of appPorts.entries())
      apps.push(
        await AppProcess.start(`app${i + 1}`, appPort as number, dir, env, { ...flags, cwd: options.appDir }),
      );
    proxy = await Haproxy.start(haproxyBinary, dir, {
      port: port as number,
      statsPort: statsPort as number,
      backends: apps.map((a) => ({ name: a.name, port: a.port })),
    });
    await proxy.waitFor((s) => s.length === 2 && s.every((x) => x.status === 'UP'), 10_000, 'servers not UP');
    const pids = apps.map((a) => a.child.pid).filter((pid) => pid !== undefined);
    return {
      base: proxy.url,
      watched: { appPids: pids, standbyPid: standby.postmasterPid, proxyPid: proxy.child.pid },
      settle: () => standby.catchUp(scratch.url),
      stop,
    };
  } catch (error) {
    for (const app of apps) console.error(`--- ${app.name} log\n${app.logTail()}`);
    await stop();
    throw error;
  }
}
