import type { FastifyInstance } from 'fastify';
import { partnerApi } from '../../../../contract/partners.ts';
import { route } from '../../../http/route.ts';
import { changeBillingAddress, companyProfile } from '../../../modules/partners/company-profile.ts';

/** The partner's own organisation: its profile for every user, its billing address for its admins. */
export async function companyProfileRoutes(app: FastifyInstance): Promise<void> {
  route(app, partnerApi.profile, { actors: ['partner_user'], statements: 'named' }, ({ actor, db }) =>
    companyProfile(db, actor),
  );
  route(
    app,
    partnerApi.setBillingAddress,
    { actors: ['partner_user'], permission: 'partner.manage' },
    ({ actor, db, meta, body }) => changeBillingAddress(db, { actor, meta, billingAddress: body }),
  );
}
