import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { CartDetails, CartLine, PricedLine } from '../../../contract/cart.ts';
import { limits } from '../../../contract/limits.ts';
import type { Currency } from '../../../contract/money.ts';
import type {
  BillingAddress,
  CreateQuoteRequest,
  EndUser,
  Quote,
  QuoteList,
  QuoteListFilters,
  QuoteOrigin,
  QuoteSummary,
} from '../../../contract/quotes.ts';
import type { Queryable, Tx } from '../../db/client.ts';
import { quoteDocument, type StoredQuote } from '../../db/documents/quote-document.ts';
import { selectOne } from '../../db/select-one.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import type { LookupRead } from '../../http/session-gate.ts';
import { addDays, todayUtc } from '../../lib/dates.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import type { OpenAccount, PartnerUserActor } from '../../shared/actor.ts';
import { claimDocumentNumber, nextDocumentNumber } from '../../shared/document-numbers.ts';
import { totalsOf, withBreakdown } from '../../shared/line-pricing.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { effectiveStatus } from './quote-status.ts';
import { quoteActions } from './quotes.policy.ts';
import {
  type ClaimedDirectQuote,
  findQuoteState,
  insertQuote,
  insertQuoteLines,
  listQuoteSummaries,
  markCancelled,
  markDirectQuoteConverted,
  type QuoteSummaryRow,
  storedQuoteOf,
} from './quotes.queries.ts';

interface QuoteOptions {
  actor: PartnerUserActor;
  meta: RequestMeta;
}

export interface NewQuote extends QuoteOptions, Omit<CreateQuoteRequest, 'customerId'> {
  account: OpenAccount;
  /** Priced as of today (see the cart's takeCart); their prices are frozen in the quote. */
  lines: CartLine[];
  details: CartDetails;
}

/** Who a partner user's quote is from and how it is priced: the fields every reseller quote shares. */
export function resellerParty(actor: PartnerUserActor) {
  return {
    origin: 'reseller' as const,
    partnerId: actor.partner.id,
    createdBy: { userId: actor.userId, name: actor.name },
    currency: actor.partner.currency,
    discountBps: actor.partner.discountBps,
  };
}

/** Writes a numbered reseller quote valid 30 days, with its lines, inside the caller's transaction. */
export async function createQuote(tx: Tx, input: NewQuote): Promise<string> {
  const { actor, meta, account } = input;
  const quote = await issueQuote(tx, {
    meta,
    ...resellerParty(actor),
    account,
    // The contract has already turned fields left empty into absent ones.
    billingAddress: input.billingAddress,
    endUser: input.endUser,
    poNumber: input.poNumber ?? null,
    lines: input.lines.map(
      ({
        id: _id,
        issue: _issue,
        defaultTermYears: _term,
        defaultPeriodEnd: _end,
        endRange: _range,
        breakdown: _breakdown,
        ...line
      }) => line,
    ),
    details: input.details,
  });
  await recordAudit(tx, {
    partnerId: actor.partner.id,
    actor,
    action: 'quote.created',
    subjectType: 'quote',
    subjectId: quote.quoteNumber,
    details: { customerId: account.customerId, totalMinor: quote.totalMinor },
    meta,
  });
  return quote.quoteNumber;
}

export interface QuoteToIssue {
  meta: RequestMeta;
  origin: QuoteOrigin;
  /** The reseller's; null for a vendor direct quote. */
  partnerId: string | null;
  /** The partner user who made it; null for a direct quote (the vendor's name is shown). */
  createdBy: { userId: string | null; name: string };
  account: { id: string; customerId: string; name: string; country: string };
  currency: Currency;
  discountBps: number;
  billingAddress: BillingAddress;
  endUser: EndUser;
  poNumber: string | null;
  lines: z.infer<typeof PricedLine>[];
  /** A number carried over from the vendor's systems (demo data, imports); drawn when absent. */
  quoteNumber?: string;
  /** Last valid day; 30 days from today when absent (SPEC §11a). */
  validUntil?: string;
  convertedFrom?: { id: string; quoteNumber: string };
  details?: CartDetails;
}

/** Writes a numbered quote, its issued document and its lines, inside the caller's transaction. */
export async function issueQuote(
  tx: Tx,
  input: QuoteToIssue,
): Promise<{ quoteNumber: string; totalMinor: number }> {
  const { meta, lines } = input;
  const totals = totalsOf(lines);
  const quoteNumber = input.quoteNumber
    ? await claimDocumentNumber(tx, 'quote', input.quoteNumber)
    : await nextDocumentNumber(tx, 'quote', meta.now);
  const validUntil = input.validUntil ?? addDays(todayUtc(meta.now), limits.quoteValidityDays);
  const document = quoteDocument({
    quoteNumber,
    origin: input.origin,
    createdAt: meta.now,
    validUntil,
    customer: {
      customerId: input.account.customerId,
      name: input.account.name,
      country: input.account.country,
    },
    createdBy: input.createdBy.name,
    currency: input.currency,
    discountBps: input.discountBps,
    billingAddress: input.billingAddress,
    endUser: input.endUser,
    poNumber: input.poNumber,
    lines,
    totals,
    convertedFrom: input.convertedFrom?.quoteNumber,
    details: input.details,
  });
  const quoteId = await insertQuote(tx, {
    quoteNumber,
    origin: input.origin,
    partnerId: input.partnerId,
    customerAccountId: input.account.id,
    createdByUserId: input.createdBy.userId,
    currency: input.currency,
    discountBps: input.discountBps,
    billingAddress: input.billingAddress,
    document,
    endUserName: input.endUser.name,
    endUserEmail: input.endUser.email,
    endUserCompany: input.endUser.company ?? null,
    poNumber: input.poNumber,
    listTotalMinor: totals.listPriceMinor,
    discountTotalMinor: totals.discountMinor,
    totalMinor: totals.totalMinor,
    validUntil,
    convertedFromQuoteId: input.convertedFrom?.id ?? null,
    createdAt: meta.now,
  });
  await insertQuoteLines(
    tx,
    lines.map((l, index) => ({
      quoteId,
      lineNo: index + 1,
      productCode: l.productCode,
      productName: l.productName,
      kind: l.kind,
      quantity: l.quantity,
      termYears: l.termYears,
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      serviceDomain: l.serviceDomain,
      unitListMinor: l.unitListPriceMinor,
      listMinor: l.listPriceMinor,
      discountMinor: l.discountMinor,
      totalMinor: l.totalMinor,
      perpetualFallback: l.perpetualFallback,
      fromProductCode: l.fromProduct?.productCode ?? null,
      creditListMinor: l.credit?.listMinor ?? 0,
      creditMinor: l.credit?.totalMinor ?? 0,
      licenseIds: l.licenseIds ?? [],
    })),
    input.account.id,
  );
  return { quoteNumber, totalMinor: totals.totalMinor };
}

/** The quote as the API shows it: as issued, its status now, and the actions the policy allows. */
export function presentQuote(
  actor: PartnerUserActor,
  stored: StoredQuote,
  today: string,
): z.input<typeof Quote> {
  const status = effectiveStatus(stored.status, stored.document.validUntil, today);
  return {
    ...stored.document,
    // Quotes issued before upgrades existed carry no credit figure.
    // (The document type is today's; stored documents may be older.)
    totals: { ...stored.document.totals, creditMinor: stored.document.totals.creditMinor ?? 0 },
    lines: stored.document.lines.map(withBreakdown),
    status,
    cancelledAt: stored.cancelledAt ? new Date(stored.cancelledAt).toISOString() : null,
    resalePrices: stored.resalePrices,
    actions: quoteActions(actor, { status }),
    // A quote just made, cancelled or converted has no order; GET /api/quotes/:n reads the chain.
    related: [],
  };
}

export async function getQuote(
  db: Queryable,
  options: QuoteOptions & { quoteNumber: string },
): Promise<z.input<typeof Quote>> {
  const { actor, meta } = options;
  const doc = await selectOne(db, storedQuoteOf(actor.partner.id, options.quoteNumber));
  if (!doc) throw quoteNotFound(options.quoteNumber);
  return presentQuote(actor, doc, todayUtc(meta.now));
}

export const quoteNotFound = (quoteNumber: string) => notFound('quote.not_found', `No quote ${quoteNumber}.`);

export async function listQuotes(
  db: Queryable,
  options: QuoteOptions & { filters: QuoteListFilters },
): Promise<z.input<typeof QuoteList>> {
  const { actor, meta, filters } = options;
  const today = todayUtc(meta.now);
  const { items, total } = await listQuoteSummaries(db, { partnerId: actor.partner.id, ...filters, today });
  return {
    items: items.map((row) => presentSummary(row, today)),
    total,
    page: filters.page,
    pageSize: filters.pageSize,
  };
}

/** Cancel quote (SPEC §7): only an open, valid quote, and only as the quotes policy allows. */
export async function cancelQuote(
  db: Queryable,
  options: QuoteOptions & { quoteNumber: string },
): Promise<z.input<typeof Quote>> {
  const { actor, meta, quoteNumber } = options;
  const today = todayUtc(meta.now);
  return db.transaction(async (tx) => {
    const before = await selectOne(tx, storedQuoteOf(actor.partner.id, quoteNumber));
    if (!before) throw quoteNotFound(quoteNumber);
    const status = effectiveStatus(before.status, before.document.validUntil, today);
    if (!quoteActions(actor, { status }).cancel) {
      throw new DomainError(
        'conflict',
        `quote.not_cancellable`,
        `Quote ${quoteNumber} is ${status}: it cannot be cancelled.`,
        {
          params: { quoteNumber, status },
        },
      );
    }
    const changed = await markCancelled(tx, {
      partnerId: actor.partner.id,
      quoteNumber,
      today,
      now: meta.now,
    });
    if (!changed) {
      throw new DomainError(
        'conflict',
        'quote.changed',
        `Quote ${quoteNumber} changed meanwhile: reload it.`,
        {
          params: { quoteNumber },
        },
      );
    }
    await recordAudit(tx, {
      partnerId: actor.partner.id,
      actor,
      action: 'quote.cancelled',
      subjectType: 'quote',
      subjectId: quoteNumber,
      meta,
    });
    const after = await selectOne(tx, storedQuoteOf(actor.partner.id, quoteNumber));
    if (!after) throw new Error('cancelled quote vanished');
    return presentQuote(actor, after, today);
  });
}

function presentSummary(
  row: Omit<QuoteSummaryRow, 'createdAt'> & { createdAt: Date },
  today: string,
): z.input<typeof QuoteSummary> {
  return {
    quoteNumber: row.quoteNumber,
    origin: row.origin,
    status: effectiveStatus(row.status, row.validUntil, today),
    customer: { customerId: row.customerId, name: row.customerName, country: row.customerCountry },
    endUserEmail: row.endUserEmail,
    poNumber: row.poNumber,
    currency: row.currency,
    totalMinor: row.totalMinor,
    createdAt: row.createdAt.toISOString(),
    validUntil: row.validUntil,
  };
}

/**
 * Claims a vendor direct quote for conversion (SPEC §3 item 4): marked converted if it is still
 * open and valid, else null; `quoteState` then tells why not.
 */
export function claimDirectQuote(
  tx: Queryable,
  scope: { quoteNumber: string; today: string },
): Promise<ClaimedDirectQuote | null> {
  return markDirectQuoteConverted(tx, scope);
}

export type { QuoteState } from './quotes.queries.ts';

export function quoteState(db: Queryable, quoteNumber: string) {
  return findQuoteState(db, quoteNumber);
}

/** The quote a route reads in the session check's own statement (GET /api/quotes/:quoteNumber). */
export const quoteOfSession: LookupRead<StoredQuote> = (scope) =>
  storedQuoteOf(scope.partnerId, sql.placeholder('quoteNumber'));

/** One of the partner's quotes as it is stored (document and status), or null. */
export function findStoredQuote(
  db: Queryable,
  partnerId: string,
  quoteNumber: string,
): Promise<StoredQuote | null> {
  return selectOne(db, storedQuoteOf(partnerId, quoteNumber));
}
