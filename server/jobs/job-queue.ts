import { sql } from 'drizzle-orm';
import { type DrizzleTransactionLike, fromDrizzle, type Job, PgBoss, type SendOptions } from 'pg-boss';
import type { Database, Queryable } from '../db/client.ts';
import { redactError } from '../http/log-redaction.ts';
import { jobFailures } from '../lib/metrics.ts';

/** The queues of the portal, each with its retry policy (delivery is retried with backoff). */
export const queues = {
  /** Deliver one email of the outbox (its id), after the transaction that wrote it commits. */
  mail: {
    name: 'mail-delivery',
    options: { retryLimit: 100, retryDelay: 5, retryBackoff: true, retryDelayMax: 900 },
  },
  /** Give back a charge whose order failed, when the refund at the time failed too (for days). */
  refund: {
    name: 'payment-refund',
    options: { retryLimit: 200, retryDelay: 30, retryBackoff: true, retryDelayMax: 3600 },
  },
} as const;
/** A job still active after this long lost its process: longer than a send may take (smtpTransport's timeouts). */
export const JOB_EXPIRE_SECONDS = 300;

export type QueueName = (typeof queues)[keyof typeof queues]['name'];

/**
 * Background jobs on PostgreSQL itself (pg-boss): a job is written in the transaction of the
 * business change that causes it, so it exists exactly when that change does, and any app process
 * may run it (one at a time per job: pg-boss takes jobs with SKIP LOCKED).
 */
export interface JobQueue {
  /** Writes a job inside the caller's transaction; it becomes visible when that commits. */
  send(tx: Queryable, queue: QueueName, data: object, options?: SendOptions): Promise<void>;
  /** Runs jobs of a queue in this process until stop(). */
  work<T extends object>(queue: QueueName, handler: (job: Job<T>) => Promise<void>): Promise<void>;
  /** Stops taking jobs and waits for those under way, at most `timeoutMs` (default 10 s). */
  stop(timeoutMs?: number): Promise<void>;
}

export async function startJobQueue(
  database: Database,
  options: {
    pollingIntervalSeconds?: number;
    /** The first retry's wait (tests shorten it; backoff doubles it from there). */
    retryDelaySeconds?: number;
    /**
     * How long a job may stay active before it is taken again: a process killed mid-job (SIGKILL,
     * a crash) leaves it active, and pg-boss's default (15 min) held its email that long.
     */
    expireInSeconds?: number;
    /** How often pg-boss looks for such jobs (its default: 60 s). */
    superviseIntervalSeconds?: number;
  } = {},
): Promise<JobQueue> {
  const boss = new PgBoss({
    ...database.jobQueue,
    schema: 'pgboss',
    // The app's own maintenance (server/maintenance.ts) runs elsewhere; pg-boss keeps its tables.
    supervise: true,
    // Expiry is part of pg-boss's queue monitoring, which runs at most every monitorIntervalSeconds
    // (stamped in the database, across restarts): both follow the one setting.
    ...(options.superviseIntervalSeconds
      ? {
          superviseIntervalSeconds: options.superviseIntervalSeconds,
          monitorIntervalSeconds: options.superviseIntervalSeconds,
        }
      : {}),
    schedule: false,
  });
  // Errors of pg-boss's own timers (a lost connection) surface in the log, never as a crash.
  boss.on('error', (error) => {
    console.error('job queue:', redactError(error));
  });
  await boss.start();
  for (const queue of Object.values(queues)) {
    const queueOptions = {
      ...queue.options,
      expireInSeconds: options.expireInSeconds ?? JOB_EXPIRE_SECONDS,
      ...(options.retryDelaySeconds === undefined ? {} : { retryDelay: options.retryDelaySeconds }),
    };
    await boss.createQueue(queue.name, queueOptions);
    // A queue made before keeps its options otherwise.
    await boss.updateQueue(queue.name, queueOptions);
  }
  const polling = options.pollingIntervalSeconds ?? 2;
  return {
    send: async (tx, queue, data, sendOptions) => {
      // Both drivers' transactions answer `execute` with rows, which pg-boss reads; our Db type
      // leaves that result untyped (it spans the two drivers), hence the cast.
      const db = fromDrizzle(tx as unknown as DrizzleTransactionLike, sql);
      await boss.send(queue, data, { ...sendOptions, db });
    },
    work: async (queue, handler) => {
      await boss.work(queue, { pollingIntervalSeconds: polling, batchSize: 1 }, async (jobs) => {
        for (const job of jobs) {
          try {
            await handler(job as Job<never>);
          } catch (error) {
            // pg-boss retries it; the counter lets an alert see a queue that keeps failing.
            jobFailures.inc({ queue });
            throw error;
          }
        }
      });
    },
    stop: (timeoutMs = 10_000) => boss.stop({ graceful: true, close: true, timeout: timeoutMs }),
  };
}
