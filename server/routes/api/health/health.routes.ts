import type { FastifyInstance } from 'fastify';
import { healthApi } from '../../../../contract/health.ts';
import { pingDatabase } from '../../../db/client.ts';
import { publicRoute } from '../../../http/route.ts';
import { DomainError } from '../../../lib/errors.ts';

/** A readiness probe must answer within the balancer's timeout, even when the database hangs. */
const PING_TIMEOUT_MS = 2_000;

async function databaseAnswers(ping: () => Promise<void>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), PING_TIMEOUT_MS);
  });
  try {
    return await Promise.race([ping().then(() => true), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  const { database, lifecycle } = app.portal;
  publicRoute(app, healthApi.check, async () => {
    await pingDatabase(database.db);
    return { status: 'ok' as const, database: database.kind };
  });
  // No database here: a database outage must not get every process restarted.
  publicRoute(app, healthApi.live, async () => ({ status: 'alive' as const }));
  publicRoute(app, healthApi.ready, async () => {
    if (lifecycle.state === 'starting')
      throw new DomainError('unavailable', 'health.starting', 'The server is starting.');
    if (lifecycle.state === 'stopping')
      throw new DomainError('unavailable', 'health.stopping', 'The server is shutting down.');
    if (!(await databaseAnswers(() => pingDatabase(database.db))))
      throw new DomainError('unavailable', 'health.database_down', 'The server cannot reach its database.');
    return { status: 'ready' as const, database: database.kind };
  });
}
