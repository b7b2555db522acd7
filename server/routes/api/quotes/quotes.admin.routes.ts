import type { FastifyInstance } from 'fastify';
import { adminApi } from '../../../../contract/admin.ts';
import { route } from '../../../http/route.ts';
import { createDirectQuoteAsStaff } from '../../../modules/quotes/direct-quotes.admin.ts';

/** The back office's direct quotes (/api/admin/direct-quotes), for vendor staff only. */
export async function quoteAdminRoutes(app: FastifyInstance): Promise<void> {
  const staff = { actors: ['vendor_staff'] } as const;
  route(app, adminApi.directQuote, staff, ({ actor, db, meta, body }) =>
    createDirectQuoteAsStaff(db, { actor, meta, request: body }),
  );
}
