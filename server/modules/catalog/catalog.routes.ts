import type { FastifyInstance } from 'fastify';
import { catalogApi } from '../../../contract/catalog.ts';
import type { Db } from '../../db/client.ts';
import { route } from '../../http/route.ts';
import { listCatalog } from './catalog.service.ts';

export function registerCatalogRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  route(app, db, catalogApi.list, 'catalog.read', async ({ actor, query }) => ({
    items: await listCatalog(db, actor, query.locale),
  }));
}
