import type { Database, Db } from '../db/client.ts';
import type { JobQueue } from '../jobs/job-queue.ts';
import type { PayPalGateway } from '../modules/payments/paypal/paypal-gateway.ts';
import type { PaymentProvider } from '../modules/payments/provider.ts';
import type { SessionStatement } from '../modules/sessions/session.queries.ts';
import type { Clock } from './request-meta.ts';

/** What every route of the app shares: the database, the clock, cookie settings. */
export interface Portal {
  database: Database;
  db: Db;
  clock: Clock;
  cookieSecure: boolean;
  sessions: SessionStatement;
  /** Background jobs (email delivery), written in the business transaction. */
  jobs: JobQueue;
  mail: PortalMail;
  /** The payment provider orders are charged through (the sandbox unless configured otherwise). */
  payments: PaymentProvider;
  /** PayPal (or the sandbox's stand-in for it); null where it is not offered. */
  paypal: PayPalGateway | null;
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
