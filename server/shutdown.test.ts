import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScratchDatabase } from './test/database.ts';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const SHUTDOWN_TIMEOUT_MS = 8_000;

let dataDir: string;
let scratch: { url: string; drop(): Promise<void> } | undefined;
let server: ChildProcess;
let port: number;
let output = '';
let exited: Promise<{ code: number | null; at: number }>;

/** The real server process, as `npm start` runs it, on a free port and a database of its own. */
beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pp-shutdown-'));
  if (process.env.DATABASE_URL)
    scratch = await createScratchDatabase(process.env.DATABASE_URL, 'pp_shutdown');
  server = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      DATABASE_URL: scratch?.url ?? '',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  exited = new Promise((resolve) => server.once('exit', (code) => resolve({ code, at: Date.now() })));
  port = await new Promise<number>((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (match) resolve(Number(match[1]));
    };
    server.stdout?.on('data', seen);
    server.stderr?.on('data', seen);
    server.once('exit', (code) =>
      reject(new Error(`the server exited (${code}) before listening:\n${output}`)),
    );
  });
}, 120_000);

afterAll(async () => {
  if (server.exitCode === null) server.kill('SIGKILL');
  await scratch?.drop();
  await rm(dataDir, { recursive: true, force: true });
});

/** A login whose JSON body is sent in two parts: the second only when `finish` is called. */
function slowRequest() {
  const body = JSON.stringify({ email: 'nobody@partner.test', password: 'not a real password' });
  let pending: () => void = () => {};
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/auth/login',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk) => {
          text += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.write(body.slice(0, 10));
    pending = () => req.end(body.slice(10));
  });
  return { answer, finish: () => pending() };
}

const refusesConnections = () =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(true));
  });

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SIGTERM', () => {
  it('stops taking connections, answers the request in flight, and exits 0 before the deadline', async () => {
    const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
    expect(ready.status).toBe(200);

    const slow = slowRequest();
    // The request has reached the server: its headers are in, its body is not.
    await sleep(300);
    const signalled = Date.now();
    server.kill('SIGTERM');
    await sleep(500);
    expect(server.exitCode).toBeNull();
    expect(await refusesConnections()).toBe(true);

    slow.finish();
    const answered = await slow.answer;
    // Answered as any login with a wrong password is: the process was still whole.
    expect(answered.status, answered.body).toBe(401);
    expect(JSON.parse(answered.body)).toMatchObject({ code: 'auth.invalid_credentials' });

    const { code, at } = await exited;
    expect(code, output).toBe(0);
    expect(at - signalled).toBeLessThan(SHUTDOWN_TIMEOUT_MS);
    expect(output).toContain('shutting down');
    expect(output).toContain('"msg":"stopped"');
  }, 60_000);
});
