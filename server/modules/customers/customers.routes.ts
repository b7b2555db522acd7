import type { FastifyInstance } from 'fastify';
import { customersApi } from '../../../contract/customers.ts';
import type { Db } from '../../db/client.ts';
import { route } from '../../http/route.ts';
import { closeAccount, openAccountById } from './customers.service.ts';

export function registerCustomerRoutes(app: FastifyInstance, { db }: { db: Db }): void {
  route(app, db, customersApi.openById, 'customers.open', ({ actor, body, request }) =>
    openAccountById(db, actor, { ...body, ip: request.ip }),
  );
  route(app, db, customersApi.close, 'authenticated', async ({ actor }) => {
    await closeAccount(db, actor);
    return null;
  });
}
