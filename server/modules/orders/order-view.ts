import type { z } from 'zod';
import type { Order } from '../../../contract/orders.ts';
import type { Queryable } from '../../db/client.ts';
import { DomainError } from '../../lib/errors.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { openLicenseKey, seesLicenseKeys } from '../../shared/license-key-vault.ts';
import { withBreakdown } from '../../shared/line-pricing.ts';
import { relatedDocuments } from '../related/related-documents.ts';
import { orderActions } from './orders.policy.ts';
import { findOrderView } from './orders.queries.ts';

export const orderNotFound = (orderNumber: string) =>
  new DomainError('not_found', 'order.not_found', `No order ${orderNumber}.`, { params: { orderNumber } });

/** The order page (SPEC §8): lines, licenses, invoice and payment of one of this partner's orders. */
export async function getOrder(
  db: Queryable,
  options: { actor: PartnerUserActor; orderNumber: string; withKeys?: boolean },
): Promise<z.input<typeof Order>> {
  const view = await findOrderView(db, {
    partnerId: options.actor.partner.id,
    orderNumber: options.orderNumber,
  });
  if (!view?.invoice) throw orderNotFound(options.orderNumber);
  const { order, invoice, payment } = view;
  const showKeys = (options.withKeys ?? true) && seesLicenseKeys(options.actor);
  return {
    orderNumber: order.orderNumber,
    quoteNumber: order.quoteNumber,
    customer: { customerId: order.customerId, name: order.customerName, country: order.customerCountry },
    poNumber: order.poNumber,
    currency: order.currency,
    totalMinor: order.totalMinor,
    createdAt: order.createdAt.toISOString(),
    lines: (order.document?.lines ?? []).map(withBreakdown),
    // Keys are for those who handle licenses (not billing), and never in an answer kept for retries.
    licenses: view.licenses.map(({ sealedKey, ...license }) => ({
      ...license,
      key: sealedKey && showKeys ? openLicenseKey(sealedKey) : null,
    })),
    endUser: order.document?.endUser ?? null,
    licensesSentAt: view.licensesSentAt?.toISOString() ?? null,
    actions: orderActions(options.actor, {
      endUser: order.document?.endUser ?? null,
      licenses: view.licenses.map((l) => ({ keyed: l.sealedKey !== null, assignedTo: l.assignedTo })),
      licensesSentAt: view.licensesSentAt,
    }),
    invoice: {
      invoiceNumber: invoice.invoiceNumber,
      paymentType: invoice.paymentType,
      status: invoice.status,
      issuedOn: invoice.issuedOn,
      dueOn: invoice.dueOn,
      paidOn: invoice.paidOn,
      amountMinor: invoice.amountMinor,
      amountDueMinor: invoice.status === 'not_paid' ? invoice.amountMinor : 0,
    },
    payment: payment ? { provider: payment.provider, brand: payment.brand, last4: payment.last4 } : null,
    related: await relatedDocuments(db, options.actor, { kind: 'order', number: order.orderNumber }),
  };
}
