import type { z } from 'zod';
import type { DirectQuoteRequest } from '../../../contract/admin.ts';
import type { Currency } from '../../../contract/money.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { DomainError } from '../../lib/errors.ts';
import type { VendorStaffActor } from '../../shared/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findProductForSale } from '../catalog/catalog.service.ts';
import { accountByCustomerId } from '../customers/customers.service.ts';
import { createDirectQuote } from './direct-quotes.service.ts';
import { quoteState } from './quotes.service.ts';

interface StaffOptions {
  actor: VendorStaffActor;
  meta: RequestMeta;
}

/** A vendor direct quote for an account (SPEC §3 item 4), at list prices, audited. */
export async function createDirectQuoteAsStaff(
  db: Queryable,
  options: StaffOptions & { request: z.output<typeof DirectQuoteRequest> },
): Promise<{ quoteNumber: string; totalMinor: number; currency: Currency }> {
  const { request } = options;
  const account = await accountByCustomerId(db, request.customerId);
  if (!account) {
    throw new DomainError('not_found', 'customer.not_found', `No customer account ${request.customerId}.`, {
      field: 'customerId',
    });
  }
  return db.transaction(async (tx) => {
    for (const [index, line] of request.lines.entries()) {
      if (!(await findProductForSale(tx, line.productCode, request.currency))) {
        throw new DomainError(
          'invalid',
          'catalog.not_for_sale',
          `${line.productCode} is not sold in ${request.currency}.`,
          {
            field: `lines.${index}.productCode`,
          },
        );
      }
    }
    const quoteNumber = await createDirectQuote(tx, {
      meta: options.meta,
      account,
      currency: request.currency,
      billingAddress: request.billingAddress,
      endUser: request.endUser,
      lines: request.lines,
    });
    const total = (await quoteState(tx, quoteNumber))?.totalMinor ?? 0;
    await recordAudit(tx, {
      partnerId: null,
      actor: options.actor,
      action: 'quote.direct_created',
      subjectType: 'quote',
      subjectId: quoteNumber,
      details: { customerId: request.customerId, totalMinor: total },
      meta: options.meta,
    });
    return { quoteNumber, totalMinor: total, currency: request.currency };
  });
}
