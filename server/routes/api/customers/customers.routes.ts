import type { FastifyInstance } from 'fastify';
import { customersApi } from '../../../../contract/customers.ts';
import { route } from '../../../http/route.ts';
import {
  closeAccount,
  createAccountForCustomer,
  findAccountsOfEmail,
  openAccount,
  packsAndTeams,
  recentlyOpened,
} from '../../../modules/customers/customers.service.ts';

export async function customerRoutes(app: FastifyInstance): Promise<void> {
  // Lookups take the root database: a failed attempt and its audit row outlive the request.
  route(
    app,
    customersApi.open,
    { actors: ['partner_user'], permission: 'customers.open' },
    ({ actor, body, meta }) => openAccount(app.portal.database, { actor, meta, ...body }),
  );
  route(
    app,
    customersApi.findByEmail,
    { actors: ['partner_user'], permission: 'customers.open' },
    ({ actor, body, meta }) => findAccountsOfEmail(app.portal.database, { actor, meta, ...body }),
  );
  route(
    app,
    customersApi.create,
    { actors: ['partner_user'], permission: 'customers.create' },
    ({ actor, body, db, meta }) => createAccountForCustomer(db, { actor, meta, ...body }),
  );
  route(
    app,
    customersApi.recent,
    { actors: ['partner_user'], permission: 'customers.open', statements: 'named' },
    ({ actor, db }) => recentlyOpened(db, { actor }),
  );
  route(
    app,
    customersApi.packsAndTeams,
    { actors: ['partner_user'], permission: 'cart.manage', statements: 'named' },
    ({ actor, db, meta, params }) => packsAndTeams(db, { actor, now: meta.now, ...params }),
  );
  route(app, customersApi.close, { actors: ['partner_user'] }, async ({ actor, db }) => {
    await closeAccount(db, { actor });
    return null;
  });
}
