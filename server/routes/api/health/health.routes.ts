import type { FastifyInstance } from 'fastify';
import { healthApi } from '../../../../contract/health.ts';
import { pingDatabase } from '../../../db/client.ts';
import { publicRoute } from '../../../http/route.ts';

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  const { database } = app.portal;
  publicRoute(app, healthApi.check, async () => {
    await pingDatabase(database.db);
    return { status: 'ok' as const, database: database.kind };
  });
}
