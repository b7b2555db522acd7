import type { FastifyInstance } from 'fastify';
import { adminApi } from '../../../contract/admin.ts';
import { partnerApi } from '../../../contract/partners.ts';
import { route } from '../../http/route.ts';
import { changeBillingAddress, companyProfile } from './company-profile.ts';
import { listPartners } from './partners.service.ts';

/** The vendor's back office: partners, under /api/admin, for vendor staff only. */
export async function partnerAdminRoutes(app: FastifyInstance): Promise<void> {
  route(app, adminApi.partners, { actors: ['vendor_staff'] }, async ({ db }) => ({
    items: await listPartners(db),
  }));
}

/** The partner's own organisation: its profile for every user, its billing address for its admins. */
export async function companyProfileRoutes(app: FastifyInstance): Promise<void> {
  route(app, partnerApi.profile, { actors: ['partner_user'] }, ({ actor, db }) => companyProfile(db, actor));
  route(
    app,
    partnerApi.setBillingAddress,
    { actors: ['partner_user'], permission: 'partner.manage' },
    ({ actor, db, meta, body }) => changeBillingAddress(db, { actor, meta, billingAddress: body }),
  );
}
