import type { Database, Db } from '../db/client.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { Lifecycle } from './lifecycle.ts';
import type { Clock } from './request-meta.ts';
import type { SessionGate } from './session-gate.ts';

/**
 * What every route of the app shares: the database, the clock, cookie settings. Modules add what
 * they bring by augmenting this interface (payments: modules/payments/portal-payments.ts).
 */
export interface Portal {
  database: Database;
  db: Db;
  clock: Clock;
  cookieSecure: boolean;
  /** Sessions, as the sessions module keeps them. */
  sessions: SessionGate;
  /** Background jobs (email delivery), written in the business transaction. */
  jobs: JobQueue;
  mail: PortalMail;
  /** Starting, ready or stopping: what the readiness probe answers. */
  lifecycle: Lifecycle;
}

export interface PortalMail {
  /** The portal's address as users reach it, for links in emails. */
  publicUrl: string;
  /** Emails are kept in the development mailbox (no SMTP server, demo mode): the app shows them. */
  devMailbox: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    portal: Portal;
  }
}
