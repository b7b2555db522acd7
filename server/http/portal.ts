import type { Database, Db } from '../db/client.ts';
import type { SessionStatement } from '../modules/auth/session.queries.ts';
import type { Clock } from './request-meta.ts';

/** What every route of the app shares: the database, the clock, cookie settings. */
export interface Portal {
  database: Database;
  db: Db;
  clock: Clock;
  cookieSecure: boolean;
  sessions: SessionStatement;
}

declare module 'fastify' {
  interface FastifyInstance {
    portal: Portal;
  }
}
