import { type ChildProcess, spawn } from 'node:child_process';
import { openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_NODE_FLAGS } from '../../bench/processes.ts';

/** One real app process (`node server/main.ts`), its output kept in a log file. */
export class AppProcess {
  readonly name: string;
  readonly port: number;
  readonly child: ChildProcess;
  readonly logFile: string;

  private constructor(name: string, port: number, child: ChildProcess, logFile: string) {
    this.name = name;
    this.port = port;
    this.child = child;
    this.logFile = logFile;
  }

  /**
   * Starts the app and waits until it answers ready (migrations and demo data done). `flags`
   * replaces the Node flags `npm start` gives it; `cwd` runs the app of another checkout.
   */
  static async start(
    name: string,
    port: number,
    dir: string,
    env: Record<string, string>,
    options: { flags?: string[]; cwd?: string | undefined } = {},
  ): Promise<AppProcess> {
    const logFile = join(dir, `${name}.log`);
    const out = openSync(logFile, 'a');
    const child = spawn(process.execPath, [...(options.flags ?? APP_NODE_FLAGS), 'server/main.ts'], {
      ...(options.cwd ? { cwd: options.cwd } : {}),
      env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1' },
      stdio: ['ignore', out, out],
    });
    const app = new AppProcess(name, port, child, logFile);
    const deadline = Date.now() + 120_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`${name} exited with ${child.exitCode}:\n${app.logTail()}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health/ready`)).ok) return app;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`${name} was not ready within 120 s:\n${app.logTail()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  kill(): void {
    this.child.kill('SIGKILL');
  }

  async stop(): Promise<void> {
    if (!this.running) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }

  logTail(lines = 30): string {
    try {
      return readFileSync(this.logFile, 'utf8').trim().split('\n').slice(-lines).join('\n');
    } catch {
      return '';
    }
  }
}
