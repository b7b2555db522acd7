import type { FastifyInstance } from 'fastify';
import { adminApi } from '../../../contract/admin.ts';
import { partnerApi } from '../../../contract/partners.ts';
import { route } from '../../http/route.ts';
import { creditNoteAsStaff, listAllInvoices, recordPaymentAsStaff } from '../invoices/invoices-admin.ts';
import { changeBillingAddress, companyProfile } from './company-profile.ts';
import { changePartnerTerms, listPartners } from './partners.service.ts';

/** The vendor's back office under /api/admin, for vendor staff only: partners and invoices. */
export async function partnerAdminRoutes(app: FastifyInstance): Promise<void> {
  const staff = { actors: ['vendor_staff'] } as const;
  route(app, adminApi.partners, staff, async ({ db }) => ({ items: await listPartners(db) }));
  route(app, adminApi.partnerTerms, staff, ({ actor, db, meta, params, body }) =>
    changePartnerTerms(db, { actor, meta, partnerId: params.id, ...body }),
  );
  route(app, adminApi.invoices, staff, ({ db, meta, query }) =>
    listAllInvoices(db, { now: meta.now, filters: query }),
  );
  route(app, adminApi.recordPayment, staff, ({ actor, db, meta, params, body }) =>
    recordPaymentAsStaff(db, { actor, meta, ...params, paidOn: body.paidOn }),
  );
  route(app, adminApi.creditNote, staff, ({ actor, db, meta, params, body }) =>
    creditNoteAsStaff(db, { actor, meta, ...params, reason: body.reason }),
  );
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
