import type { FastifyInstance } from 'fastify';
import { catalogApi } from '../../../../contract/catalog.ts';
import { route } from '../../../http/route.ts';
import { listCatalog } from '../../../modules/catalog/catalog.service.ts';

export async function catalogRoutes(app: FastifyInstance): Promise<void> {
  route(
    app,
    catalogApi.list,
    { actors: ['partner_user'], permission: 'catalog.read' },
    async ({ actor, db, query }) => ({ items: await listCatalog(db, { actor, locale: query.locale }) }),
  );
}
