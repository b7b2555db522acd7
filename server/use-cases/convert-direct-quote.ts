import type { z } from 'zod';
import type { PricedLine } from '../../contract/cart.ts';
import type { ErrorCode } from '../../contract/error-codes.ts';
import type { ConvertDirectQuoteRequest, DirectQuotePreview, Quote } from '../../contract/quotes.ts';
import type { Db } from '../db/client.ts';
import type { RequestMeta } from '../http/request-meta.ts';
import { addYears, todayUtc } from '../lib/dates.ts';
import { DomainError } from '../lib/errors.ts';
import { recordAudit } from '../modules/audit/audit.service.ts';
import { accountById } from '../modules/customers/customers.service.ts';
import { countLookupAttempt } from '../modules/customers/lookup-attempts.ts';
import { findPartnerBillingAddress } from '../modules/partners/partners.service.ts';
import {
  claimDirectQuote,
  getQuote,
  issueQuote,
  type QuoteState,
  quoteState,
  resellerParty,
} from '../modules/quotes/quotes.service.ts';
import type { PartnerUserActor } from '../shared/actor.ts';
import { linePeriod, priceTerms } from '../shared/line-pricing.ts';
import { giveBack } from '../shared/rate-limit.ts';

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

/**
 * Why a quote number cannot be converted, as the specific answer SPEC §3 item 4 asks for, or null
 * if it can be now. Another partner's reseller quote is answered as a missing number: the number
 * tells nothing of other partners' quotes; the partner's own reseller quote is named as such.
 */
function refusalOf(
  state: QuoteState | null,
  options: { actor: PartnerUserActor; quoteNumber: string; today: string },
): DomainError | null {
  const { actor, quoteNumber, today } = options;
  const refuse = (kind: 'not_found' | 'conflict' | 'unprocessable', code: ErrorCode, message: string) =>
    new DomainError(kind, code, message, { field: 'quoteNumber', params: { quoteNumber } });
  if (!state || (state.origin !== 'direct' && state.partnerId !== actor.partner.id))
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
  if (state.status !== 'open')
    return refuse('conflict', 'quote.direct_ordered', `${quoteNumber} has already been ordered.`);
  if (state.currency !== actor.partner.currency) return currencyRefusal(quoteNumber, state.currency, actor);
  return null;
}

const currencyRefusal = (quoteNumber: string, currency: string, actor: PartnerUserActor) =>
  new DomainError(
    'unprocessable',
    'quote.direct_currency',
    `${quoteNumber} is in ${currency}; this partner buys in ${actor.partner.currency}.`,
    { field: 'quoteNumber', params: { quoteNumber, currency } },
  );

/**
 * Counts a lookup attempt, runs `work`, and gives the attempt back if it succeeds; a refusal is
 * audited. Quote numbers run in sequence, so checking or converting one costs like an email proof.
 */
async function asLookup<T>(
  db: Db,
  options: { actor: PartnerUserActor; meta: RequestMeta; quoteNumber: string },
  work: () => Promise<T>,
): Promise<T> {
  const { actor, meta, quoteNumber } = options;
  const attempt = await countLookupAttempt(db, { actor, meta });
  try {
    const answer = await work();
    await giveBack(db, attempt);
    return answer;
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

/**
 * Checks a direct quote before its conversion asks for the licensee (SPEC §3 item 4): a quote that
 * cannot be converted is refused at once, with the code conversion would give; one that can
 * answers for whom, what and until when.
 */
export async function checkDirectQuote(
  db: Db,
  options: { actor: PartnerUserActor; meta: RequestMeta; quoteNumber: string },
): Promise<z.input<typeof DirectQuotePreview>> {
  const { actor, meta, quoteNumber } = options;
  return asLookup(db, options, async () => {
    const state = await quoteState(db, quoteNumber);
    const refusal = refusalOf(state, { actor, quoteNumber, today: todayUtc(meta.now) });
    if (refusal || !state) throw refusal;
    const { document } = state;
    return {
      quoteNumber,
      customer: document.customer,
      currency: state.currency,
      validUntil: state.validUntil,
      lines: document.lines.map((line) => ({
        productCode: line.productCode,
        productName: line.productName,
        quantity: line.quantity,
        termYears: line.termYears,
      })),
      listTotalMinor: state.totalMinor,
    };
  });
}

/**
 * SPEC §3 item 4: a vendor direct quote becomes this partner's reseller quote (lines and list
 * prices copied, the partner's discount applied), the original is marked converted, and the two are
 * linked. Quote numbers run in sequence, so every attempt counts against the lookup limits like an
 * email proof; a successful one gives its attempt back. Takes the root database for that reason.
 */
export async function convertDirectQuote(db: Db, options: ConvertOptions): Promise<z.input<typeof Quote>> {
  const { actor, meta, quoteNumber } = options;
  const today = todayUtc(meta.now);
  return asLookup(db, options, () =>
    db.transaction(async (tx) => {
      const direct = await claimDirectQuote(tx, { quoteNumber, today });
      if (!direct) {
        const refusal = refusalOf(await quoteState(tx, quoteNumber), { actor, quoteNumber, today });
        throw refusal ?? new Error(`direct quote ${quoteNumber} was neither claimed nor refused`);
      }
      // Claimed in this transaction: a refusal from here on rolls the claim back.
      if (direct.currency !== actor.partner.currency)
        throw currencyRefusal(quoteNumber, direct.currency, actor);
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
    }),
  );
}
