import type { FastifyInstance } from 'fastify';
import { licensesApi } from '../../../contract/licenses.ts';
import { route } from '../../http/route.ts';
import { searchLicenses } from './license-search.ts';

export async function licenseRoutes(app: FastifyInstance): Promise<void> {
  route(
    app,
    licensesApi.search,
    { actors: ['partner_user'], permission: 'licenses.read' },
    ({ actor, body, db, meta, params }) => searchLicenses(db, { actor, meta, ...params, request: body }),
  );
}
