import type { FastifyInstance } from 'fastify';
import { adminApi } from '../../../../contract/admin.ts';
import { route } from '../../../http/route.ts';
import {
  changePartnerTerms,
  createPartnerAsStaff,
  listPartners,
  partnerUsersForStaff,
} from '../../../modules/partners/partners.service.ts';

/** The back office's partners (/api/admin/partners), for vendor staff only. */
export async function partnerAdminRoutes(app: FastifyInstance): Promise<void> {
  const staff = { actors: ['vendor_staff'] } as const;
  route(app, adminApi.partners, staff, async ({ db }) => ({ items: await listPartners(db) }));
  route(app, adminApi.createPartner, staff, ({ actor, db, meta, body }) =>
    createPartnerAsStaff(db, app.portal.jobs, {
      actor,
      meta,
      request: body,
      publicUrl: app.portal.mail.publicUrl,
    }),
  );
  route(app, adminApi.partnerTerms, staff, ({ actor, db, meta, params, body }) =>
    changePartnerTerms(db, { actor, meta, partnerId: params.id, ...body }),
  );
  route(app, adminApi.partnerUsers, staff, ({ db, params }) => partnerUsersForStaff(db, params.id));
}
