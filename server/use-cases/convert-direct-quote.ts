import type { z } from 'zod';
import type { PricedLine } from '../../contract/cart.ts';
import type { ConvertDirectQuoteRequest, Quote } from '../../contract/quotes.ts';
import type { Db, Tx } from '../db/client.ts';
import type { RequestMeta } from '../http/request-meta.ts';
import { addYears, todayUtc } from '../lib/dates.ts';
import { DomainError } from '../lib/errors.ts';
import { giveBack } from '../lib/rate-limit.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import type { PartnerUserActor } from '../modules/auth/actor.ts';
import { linePeriod, priceTerms } from '../modules/cart/line-pricing.ts';
import { accountById, countLookupAttempt } from '../modules/customers/customers.service.ts';
import { findPartnerBillingAddress } from '../modules/partners/partners.service.ts';
import {
  claimDirectQuote,
  getQuote,
  issueQuote,
  quoteState,
  resellerParty,
} from '../modules/quotes/quotes.service.ts';

interface ConvertOptions extends ConvertDirectQuoteRequest {
  actor: PartnerUserActor;
  meta: RequestMeta;
}

/**
 * A direct quote's line as this partner sells it: the same product, quantity and list price, the
 * partner's discount, and a period from today for new subscriptions (a renewal keeps its start).
 */
export function resellerLine(
  line: z.infer<typeof PricedLine>,
  discountBps: number,
  today: string,
): z.infer<typeof PricedLine> {
  const period = linePeriod(
    {
      termYears: line.termYears,
      periodStart: line.kind === 'new' ? null : line.periodStart,
      periodEnd: line.termYears === null ? line.periodEnd : null,
    },
    today,
  );
  const price = priceTerms({ ...line, ...period }, line.unitListPriceMinor, discountBps);
  return {
    ...line,
    ...period,
    listPriceMinor: price.listMinor,
    discountMinor: price.discountMinor,
    totalMinor: price.totalMinor,
    // A later start can only shorten a co-termed period: below a year it loses the fallback.
    perpetualFallback: line.perpetualFallback && period.periodEnd >= addYears(period.periodStart, 1),
  };
}

/** Why a quote number cannot be converted, as the specific answer SPEC §3 item 4 asks for. */
async function refusal(tx: Tx, quoteNumber: string, today: string): Promise<DomainError> {
  const state = await quoteState(tx, quoteNumber);
  const refuse = (kind: 'not_found' | 'conflict' | 'unprocessable', code: string, message: string) =>
    new DomainError(kind, code, message, { field: 'quoteNumber', params: { quoteNumber } });
  if (!state)
    return refuse('not_found', 'quote.direct_not_found', `There is no direct quote ${quoteNumber}.`);
  if (state.origin !== 'direct')
    return refuse(
      'unprocessable',
      'quote.not_direct',
      `${quoteNumber} is a reseller quote, not a vendor direct quote.`,
    );
  if (state.status === 'converted')
    return refuse('conflict', 'quote.direct_converted', `${quoteNumber} has already been converted.`);
  if (state.status === 'cancelled')
    return refuse('unprocessable', 'quote.direct_cancelled', `${quoteNumber} was cancelled.`);
  if (state.validUntil < today)
    return refuse('unprocessable', 'quote.direct_expired', `${quoteNumber} expired on ${state.validUntil}.`);
  return refuse('conflict', 'quote.direct_ordered', `${quoteNumber} has already been ordered.`);
}

/**
 * SPEC §3 item 4: a vendor direct quote becomes this partner's reseller quote (lines and list
 * prices copied, the partner's discount applied), the original is marked converted, and the two are
 * linked. Quote numbers run in sequence, so every attempt counts against the lookup limits like an
 * email proof; a successful one gives its attempt back. Takes the root database for that reason.
 */
export async function convertDirectQuote(db: Db, options: ConvertOptions): Promise<z.input<typeof Quote>> {
  const { actor, meta, quoteNumber } = options;
  const attempt = await countLookupAttempt(db, { actor, meta });
  const today = todayUtc(meta.now);
  try {
    const quote = await db.transaction(async (tx) => {
      const direct = await claimDirectQuote(tx, { quoteNumber, today });
      if (!direct) throw await refusal(tx, quoteNumber, today);
      if (direct.currency !== actor.partner.currency) {
        throw new DomainError(
          'unprocessable',
          'quote.direct_currency',
          `${quoteNumber} is in ${direct.currency}; this partner buys in ${actor.partner.currency}.`,
          { field: 'quoteNumber', params: { quoteNumber, currency: direct.currency } },
        );
      }
      const billingAddress =
        options.billingAddress ?? (await findPartnerBillingAddress(tx, actor.partner.id));
      if (!billingAddress) {
        throw new DomainError(
          'unprocessable',
          'quote.billing_address_required',
          'Enter the billing address for the quote: none is on file for this partner.',
          { field: 'billingAddress' },
        );
      }
      const account = await accountById(tx, direct.customerAccountId);
      if (!account) throw new Error(`direct quote ${quoteNumber} names no account`);
      const issued = await issueQuote(tx, {
        meta,
        ...resellerParty(actor),
        account,
        billingAddress,
        endUser: options.endUser,
        poNumber: options.poNumber ?? null,
        lines: direct.document.lines.map((line) => resellerLine(line, actor.partner.discountBps, today)),
        convertedFrom: { id: direct.id, quoteNumber },
      });
      await recordAudit(tx, {
        partnerId: actor.partner.id,
        actor,
        action: 'quote.converted',
        subjectType: 'quote',
        subjectId: issued.quoteNumber,
        details: { from: quoteNumber, customerId: account.customerId, totalMinor: issued.totalMinor },
        meta,
      });
      return getQuote(tx, { actor, meta, quoteNumber: issued.quoteNumber });
    });
    await giveBack(db, attempt);
    return quote;
  } catch (error) {
    if (error instanceof DomainError) {
      await recordAudit(db, {
        partnerId: actor.partner.id,
        actor,
        action: 'quote.convert_failed',
        subjectType: 'quote',
        subjectId: quoteNumber,
        details: { code: error.code },
        meta,
      });
    }
    throw error;
  }
}
