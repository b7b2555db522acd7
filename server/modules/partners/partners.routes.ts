import type { FastifyInstance } from 'fastify';
import { adminApi } from '../../../contract/admin.ts';
import { route } from '../../http/route.ts';
import { listPartners } from './partners.service.ts';

/** The vendor's back office: partners, under /api/admin, for vendor staff only. */
export async function partnerAdminRoutes(app: FastifyInstance): Promise<void> {
  route(app, adminApi.partners, { actors: ['vendor_staff'] }, async ({ db }) => ({
    items: await listPartners(db),
  }));
}
