import type { FastifyInstance } from 'fastify';
import type { DestinationStream } from 'pino';
import { buildApp } from '../app.ts';
import type { Db } from '../db/client.ts';
import { loadDemoCatalog } from '../demo/demo-catalog.ts';
import { type JobQueue, startJobQueue } from '../jobs/job-queue.ts';
import type { PayPalGateway } from '../modules/payments/paypal/paypal-gateway.ts';
import type { PaymentProvider } from '../modules/payments/provider.ts';
import { sandboxPayPal } from '../modules/payments/sandbox/sandbox-paypal.ts';
import { sandboxProvider } from '../modules/payments/sandbox/sandbox-provider.ts';
import { sandboxStoreFor } from '../modules/payments/sandbox/sandbox-store.ts';
import { openTestDatabase, type TestDatabase } from './database.ts';

/** A clock the test moves by hand: `clock.advance(days)` instead of waiting. */
export class TestClock {
  now: Date;
  constructor(start = new Date()) {
    this.now = start;
  }
  readonly read = () => new Date(this.now.getTime());
  advanceDays(days: number): void {
    this.now = new Date(this.now.getTime() + days * 86_400_000);
  }
  advanceMinutes(minutes: number): void {
    this.now = new Date(this.now.getTime() + minutes * 60_000);
  }
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  database: TestDatabase;
  clock: TestClock;
  jobs: JobQueue;
  /** The sandbox payment provider the app charges through (unless the test gave another). */
  sandbox: ReturnType<typeof sandboxProvider>;
  close(): Promise<void>;
}

/** The real application over a fresh database with the catalog loaded; no web build is served. */
export async function startTestApp(
  options: {
    trustProxy?: number | string[];
    devMailbox?: boolean;
    payments?: PaymentProvider;
    /** PayPal: the sandbox's stand-in unless given (null: not offered). */
    paypal?: PayPalGateway | null;
    /** The app's log lines, at `logLevel` (default: none, unless TEST_LOG_LEVEL says). */
    logStream?: DestinationStream;
    logLevel?: string;
    /** Serve GET /metrics to this bearer token. */
    metricsToken?: string;
    /** An existing database (a restored backup) instead of a fresh one with the catalog. */
    database?: TestDatabase;
    /**
     * List pages and searches read from the standby of DATABASE_READ_URL, if set (PostgreSQL), or
     * from one that never answers (`'unreachable'`).
     */
    standby?: boolean | 'unreachable';
    /** Test-only routes, registered before the app is ready. */
    beforeReady?: (app: FastifyInstance) => void | Promise<void>;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await openTestDatabase({ standby: options.standby ?? false }));
  if (!options.database) await loadDemoCatalog(database.db);
  const clock = new TestClock();
  // The queue takes jobs; tests that deliver them start a worker on it (see mail tests).
  const jobs = await startJobQueue(database, { pollingIntervalSeconds: 0.5, retryDelaySeconds: 1 });
  const sandbox = sandboxProvider(sandboxStoreFor(database.url));
  const publicUrl = 'http://portal.test';
  const app = await buildApp({
    database,
    logLevel: options.logLevel ?? process.env.TEST_LOG_LEVEL ?? 'silent',
    ...(options.logStream ? { logStream: options.logStream } : {}),
    webRoot: '/nonexistent',
    ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
    clock: clock.read,
    jobs,
    mail: { publicUrl, devMailbox: options.devMailbox ?? false },
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    payments: options.payments ?? sandbox,
    paypal: options.paypal === undefined ? sandboxPayPal(sandbox.store, { publicUrl }) : options.paypal,
  });
  await options.beforeReady?.(app);
  await app.ready();
  app.portal.lifecycle.state = 'ready';
  return {
    app,
    db: database.db,
    database,
    clock,
    jobs,
    sandbox,
    close: async () => {
      await app.close();
      await jobs.stop();
      await sandbox.store.close();
      await database.close();
    },
  };
}
