import type { FastifyInstance } from 'fastify';
import { adminApi } from '../../../../contract/admin.ts';
import { partnerApi } from '../../../../contract/partners.ts';
import { route } from '../../../http/route.ts';
import {
  createDirectQuoteAsStaff,
  listAdminProducts,
  setProductPrice,
  withdrawProductAsStaff,
} from '../../../modules/catalog/catalog-admin.ts';
import {
  creditNoteAsStaff,
  listAllInvoices,
  recordPaymentAsStaff,
} from '../../../modules/invoices/invoices-admin.ts';
import { changeBillingAddress, companyProfile } from '../../../modules/partners/company-profile.ts';
import {
  changePartnerTerms,
  createPartnerAsStaff,
  listPartners,
  partnerUsersForStaff,
} from '../../../modules/partners/partners.service.ts';

/** The vendor's back office under /api/admin, for vendor staff only: partners, catalog, direct quotes, invoices. */
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
  route(app, adminApi.products, staff, async ({ db }) => ({ items: await listAdminProducts(db) }));
  route(app, adminApi.setPrice, staff, ({ actor, db, meta, params, body }) =>
    setProductPrice(db, { actor, meta, ...params, yearlyListMinor: body.yearlyListMinor }),
  );
  route(app, adminApi.withdrawProduct, staff, ({ actor, db, meta, params }) =>
    withdrawProductAsStaff(db, { actor, meta, code: params.code }),
  );
  route(app, adminApi.directQuote, staff, ({ actor, db, meta, body }) =>
    createDirectQuoteAsStaff(db, { actor, meta, request: body }),
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
