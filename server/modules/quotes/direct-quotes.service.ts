import type { z } from 'zod';
import type { PricedLine, TermYears } from '../../../contract/cart.ts';
import type { Currency } from '../../../contract/money.ts';
import type { BillingAddress, EndUser } from '../../../contract/quotes.ts';
import type { Tx } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { todayUtc } from '../../lib/dates.ts';
import { grantsPerpetualFallback, linePeriod, priceTerms } from '../../shared/line-pricing.ts';
import { findProductForSale } from '../catalog/catalog.service.ts';
import { issueQuote } from './quotes.service.ts';

export interface NewDirectQuote {
  meta: RequestMeta;
  account: { id: string; customerId: string; name: string; country: string };
  currency: Currency;
  /** Addressed to the customer: their billing address and licensee. */
  billingAddress: BillingAddress;
  endUser: EndUser;
  lines: { productCode: string; quantity: number; termYears: z.infer<typeof TermYears> }[];
  quoteNumber?: string;
  validUntil?: string;
}

/**
 * A vendor direct quote (SPEC §2): made by the vendor for a customer, at list price, owned by no
 * partner. A partner who is given its number converts it into its own quote (SPEC §3 item 4).
 */
export async function createDirectQuote(tx: Tx, input: NewDirectQuote): Promise<string> {
  const today = todayUtc(input.meta.now);
  const lines: z.infer<typeof PricedLine>[] = [];
  for (const line of input.lines) {
    const product = await findProductForSale(tx, line.productCode, input.currency);
    if (!product) throw new Error(`${line.productCode} is not for sale in ${input.currency}`);
    const period = linePeriod({ termYears: line.termYears, periodStart: null, periodEnd: null }, today);
    const price = priceTerms({ ...line, ...period }, product.yearlyListMinor, 0);
    lines.push({
      productCode: product.code,
      productName: product.name,
      kind: 'new',
      quantity: line.quantity,
      termYears: line.termYears,
      ...period,
      serviceDomain: null,
      unitListPriceMinor: product.yearlyListMinor,
      listPriceMinor: price.listMinor,
      discountMinor: price.discountMinor,
      totalMinor: price.totalMinor,
      perpetualFallback: grantsPerpetualFallback(product.kind, period.periodStart, period.periodEnd),
    });
  }
  const { quoteNumber } = await issueQuote(tx, {
    meta: input.meta,
    origin: 'direct',
    partnerId: null,
    createdBy: { userId: null, name: 'Vendor sales' },
    account: input.account,
    currency: input.currency,
    discountBps: 0,
    billingAddress: input.billingAddress,
    endUser: input.endUser,
    poNumber: null,
    lines,
    ...(input.quoteNumber ? { quoteNumber: input.quoteNumber } : {}),
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
  });
  return quoteNumber;
}
