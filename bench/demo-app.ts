// The real app started for a bench, on a fresh database with the demo data: a scratch database on
// the PostgreSQL server (dropped again) or a temporary PGlite folder (removed again). Production's
// answer path: no contract check of each answer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createScratchDatabase } from '../server/test/database.ts';
import { serverUrl } from './http-measure.ts';
import { APP_NODE_FLAGS, freePort, startNode, stop } from './processes.ts';

export interface DemoApp {
  base: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

export async function startDemoApp(
  kind: 'postgres' | 'pglite',
  options: { flags?: string[]; appDir?: string | undefined } = {},
): Promise<DemoApp> {
  const env: Record<string, string> = { DEMO_DATA: 'true', LOG_LEVEL: 'warn', CHECK_RESPONSES: 'false' };
  let cleanup = async () => {};
  if (kind === 'postgres') {
    const scratch = await createScratchDatabase(serverUrl, 'pp_bench');
    env.DATABASE_URL = scratch.url;
    cleanup = scratch.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'pp-bench-'));
    env.DATA_DIR = dir;
    env.DATABASE_URL = '';
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  try {
    const app = await startNode(
      'server/main.ts',
      { ...env, PORT: String(port) },
      `${base}/api/health`,
      options.flags ?? APP_NODE_FLAGS,
      options.appDir,
    );
    return {
      base,
      pid: app.pid,
      stop: async () => {
        await stop(app);
        await cleanup();
      },
    };
  } catch (error) {
    await cleanup();
    throw error;
  }
}
