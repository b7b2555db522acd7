import type { FastifyInstance } from 'fastify';
import { adminApi } from '../../../../contract/admin.ts';
import { route } from '../../../http/route.ts';
import {
  creditNoteAsStaff,
  listAllInvoices,
  recordPaymentAsStaff,
} from '../../../modules/invoices/invoices-admin.ts';

/** The back office's invoices (/api/admin/invoices): every partner's, paid and credited by vendor staff. */
export async function invoiceAdminRoutes(app: FastifyInstance): Promise<void> {
  const staff = { actors: ['vendor_staff'] } as const;
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
