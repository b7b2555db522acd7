import type { FastifyInstance } from 'fastify';
import { customersApi } from '../../../contract/customers.ts';
import { route } from '../../http/route.ts';
import { closeAccount, openAccountById } from './customers.service.ts';

export async function customerRoutes(app: FastifyInstance): Promise<void> {
  route(
    app,
    customersApi.openById,
    { actors: ['partner_user'], permission: 'customers.open' },
    ({ actor, body, meta }) => openAccountById(app.portal.db, { actor, meta, ...body }),
  );
  route(app, customersApi.close, { actors: ['partner_user'] }, async ({ actor, db }) => {
    await closeAccount(db, { actor });
    return null;
  });
}
