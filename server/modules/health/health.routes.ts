import type { FastifyInstance } from 'fastify';
import { healthApi } from '../../../contract/health.ts';
import { type Database, pingDatabase } from '../../db/client.ts';
import { publicRoute } from '../../http/route.ts';

export function registerHealthRoutes(app: FastifyInstance, { database }: { database: Database }): void {
  publicRoute(app, healthApi.check, async () => {
    await pingDatabase(database.db);
    return { status: 'ok' as const, database: database.kind };
  });
}
