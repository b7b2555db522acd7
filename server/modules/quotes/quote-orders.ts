import type { Queryable } from '../../db/client.ts';
import type { QuoteDocument } from '../../db/documents/quote-document.ts';
import { selectOne } from '../../db/select-one.ts';
import { DomainError } from '../../lib/errors.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { effectiveStatus } from './quote-status.ts';
import { findQuoteById, markQuoteOrdering, settleQuoteOrdering, storedQuoteOf } from './quotes.queries.ts';
import { quoteNotFound } from './quotes.service.ts';

// The quote an order is placed from: read, claimed while the payment is taken, then settled.

/**
 * The quote an order is placed from (SPEC §8), claimed (`ordering`) in the caller's transaction
 * while the payment is taken; a quote that cannot be ordered says why (expired, cancelled, already
 * ordered, being ordered), another partner's is not found.
 */
export async function claimQuoteForOrder(
  tx: Queryable,
  options: { actor: PartnerUserActor; quoteNumber: string; today: string },
): Promise<{ id: string; customerAccountId: string; document: QuoteDocument }> {
  const { actor, quoteNumber, today } = options;
  const claimed = await markQuoteOrdering(tx, { partnerId: actor.partner.id, quoteNumber, today });
  if (claimed) return claimed;
  throw await whyNotOrderable(tx, options);
}

/** A claimed quote's order is recorded (→ ordered), or its attempt failed (→ open again). */
export function settleClaimedQuote(tx: Queryable, quoteId: string, to: 'ordered' | 'open'): Promise<boolean> {
  return settleQuoteOrdering(tx, quoteId, to);
}

/** The quote a claimed attempt is for, by id. */
export function claimedQuote(
  db: Queryable,
  quoteId: string,
): Promise<{ id: string; customerAccountId: string; document: QuoteDocument } | null> {
  return findQuoteById(db, quoteId);
}

/**
 * A quote that can be ordered now, read without claiming it (to start a payment for it, which
 * Place order then takes); one that cannot says why, as Place order would.
 */
export async function orderableQuote(
  tx: Queryable,
  options: { actor: PartnerUserActor; quoteNumber: string; today: string },
): Promise<QuoteDocument> {
  const state = await selectOne(tx, storedQuoteOf(options.actor.partner.id, options.quoteNumber));
  if (state && effectiveStatus(state.status, state.document.validUntil, options.today) === 'open')
    return state.document;
  throw await whyNotOrderable(tx, options);
}

async function whyNotOrderable(
  tx: Queryable,
  options: { actor: PartnerUserActor; quoteNumber: string; today: string },
): Promise<DomainError> {
  const { actor, quoteNumber, today } = options;
  const state = await selectOne(tx, storedQuoteOf(actor.partner.id, quoteNumber));
  if (!state) return quoteNotFound(quoteNumber);
  const status = effectiveStatus(state.status, state.document.validUntil, today);
  if (status === 'ordering') {
    return new DomainError(
      'conflict',
      'quote.ordering',
      `An order for quote ${quoteNumber} is being placed now: wait a moment, then look at the quote again.`,
      { params: { quoteNumber } },
    );
  }
  return new DomainError(
    'conflict',
    'quote.not_orderable',
    `Quote ${quoteNumber} is ${status}: it cannot be ordered.`,
    {
      params: { quoteNumber, status },
    },
  );
}
