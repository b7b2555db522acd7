import type { FastifyInstance } from 'fastify';
import { invoicesApi } from '../../../../contract/invoices.ts';
import { FileAnswer, route } from '../../../http/route.ts';
import { DomainError } from '../../../lib/errors.ts';
import { invoicesCsv } from '../../../modules/invoices/invoices-csv.ts';
import { getInvoice, listInvoices, overdueInvoices } from '../../../modules/invoices/invoices-view.ts';
import { renderCreditNotePdf, renderInvoicePdf } from '../../../modules/pdf/invoice-pdf.ts';
import { payInvoice, startInvoicePayPal } from '../../../use-cases/pay-invoice.ts';

/** The Invoices tab (SPEC §11): partner admins and billing users. */
export async function invoiceRoutes(app: FastifyInstance): Promise<void> {
  const access = { actors: ['partner_user'], permission: 'invoices.read' } as const;
  // Lists read from the standby when there is one (http/route.ts); an invoice itself, the primary.
  const listing = { ...access, reads: 'standby', statements: 'named' } as const;
  route(app, invoicesApi.list, listing, ({ actor, db, meta, query }) =>
    listInvoices(db, { actor, meta, filters: query }),
  );
  route(app, invoicesApi.exportCsv, { ...access, reads: 'standby' }, async ({ actor, db, meta, query }) => {
    const { stream, filename } = await invoicesCsv(db, { actor, meta, filters: query });
    return new FileAnswer(stream, filename, 'attachment');
  });
  route(app, invoicesApi.overdue, listing, ({ actor, db, meta }) => overdueInvoices(db, { actor, meta }));
  route(app, invoicesApi.get, { ...access, statements: 'named' }, ({ actor, db, meta, params }) =>
    getInvoice(db, { actor, meta, ...params }),
  );
  const { payments, paypal, mail } = app.portal;
  // Pay now: idempotent by the provider's key (the invoice and what pays it) and the invoice's
  // guarded update (pay-invoice.ts), with no transaction open while the provider answers.
  const payer = { actors: ['partner_user'], permission: 'invoices.pay', idempotency: 'handler' } as const;
  route(app, invoicesApi.pay, payer, ({ actor, meta, params, body }) =>
    payInvoice(app.portal.db, { payments, paypal }, { actor, meta, ...params, ...body }),
  );
  route(app, invoicesApi.startPayPal, payer, ({ actor, meta, params, attemptKey }) =>
    startInvoicePayPal(app.portal.db, paypal, {
      actor,
      meta,
      attemptKey,
      publicUrl: mail.publicUrl,
      ...params,
    }),
  );
  route(app, invoicesApi.pdf, access, async ({ actor, db, meta, params, query }) => {
    const invoice = await getInvoice(db, { actor, meta, ...params });
    const bytes = await renderInvoicePdf(invoice, query.locale ?? actor.locale);
    return new FileAnswer(bytes, `${invoice.invoiceNumber}.pdf`);
  });
  route(app, invoicesApi.creditNotePdf, access, async ({ actor, db, meta, params, query }) => {
    const invoice = await getInvoice(db, { actor, meta, ...params });
    if (!invoice.creditNote) {
      throw new DomainError(
        'not_found',
        'credit_note.not_found',
        `Invoice ${invoice.invoiceNumber} has no credit note.`,
      );
    }
    const bytes = await renderCreditNotePdf(invoice, query.locale ?? actor.locale);
    return new FileAnswer(bytes, `${invoice.creditNote.creditNoteNumber}.pdf`);
  });
}
