import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));

/**
 * The real server process, as `npm start` runs it (`node server/main.ts`), on a free port: started,
 * killed and started again over the same database by a fault test. Its output is kept for a
 * failing test's message.
 */
export class AppProcess {
  private child: ChildProcess | null = null;
  private exited: Promise<void> = Promise.resolve();
  port = 0;
  output = '';

  private readonly env: Record<string, string>;

  constructor(env: Record<string, string>) {
    this.env = env;
  }

  get origin(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process and waits until it listens (its "running at" line). */
  async start(timeoutMs = 60_000): Promise<void> {
    const child = spawn(process.execPath, [main], {
      env: { ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', PORT: '0', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.output = '';
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no start in ${timeoutMs} ms:\n${this.output}`)),
        timeoutMs,
      );
      const seen = (chunk: Buffer) => {
        this.output += chunk.toString();
        const match = /running at http:\/\/127\.0\.0\.1:(\d+)/.exec(this.output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout?.on('data', seen);
      child.stderr?.on('data', seen);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${code ?? signal}) before listening:\n${this.output}`));
      });
    });
  }

  /** SIGKILL: no handler runs, nothing is flushed or closed; resolves once the process is gone. */
  async kill(): Promise<void> {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null)
      this.child.kill('SIGKILL');
    await this.exited;
    this.child = null;
  }
}
