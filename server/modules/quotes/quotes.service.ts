import type { Currency } from '../../../contract/money.ts';
import type {
  BillingAddress,
  CreateQuoteRequest,
  Quote,
  QuoteListFilters,
  QuoteSummary,
} from '../../../contract/quotes.ts';
import type { Db } from '../../db/client.ts';
import { addDays, todayUtc } from '../../lib/dates.ts';
import { nextDocumentNumber } from '../../lib/document-numbers.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { Actor } from '../auth/sessions.ts';
import { clearCart, listCartLines } from '../cart/cart.queries.ts';
import { cartScope, presentLine } from '../cart/cart.service.ts';
import { findQuote, insertQuote, insertQuoteLines, listQuoteSummaries } from './quotes.queries.ts';

/** Quotes are valid 30 days (SPEC §11a), counted from the day they are made. */
export const QUOTE_VALIDITY_DAYS = 30;

type StoredStatus = 'open' | 'cancelled' | 'converted' | 'ordered';

/** An open quote past its validity date is shown, and treated, as expired. */
export function effectiveStatus(
  status: StoredStatus,
  validUntil: string,
  today = todayUtc(),
): QuoteSummary['status'] {
  return status === 'open' && validUntil < today ? 'expired' : status;
}

export async function createQuote(
  db: Db,
  actor: Actor,
  input: CreateQuoteRequest & { ip: string },
): Promise<Quote> {
  const quoteNumber = await db.transaction(async (tx) => {
    const { account, cartId } = await cartScope(tx, actor, input.customerId);
    const lines = (await listCartLines(tx, cartId, actor.partner.currency)).map((r) =>
      presentLine(r, actor.partner.discountBps),
    );
    if (lines.length === 0)
      throw new DomainError('conflict', 'cart.empty', 'The cart is empty: add products first.');

    const number = await nextDocumentNumber(tx, 'quote');
    const listTotal = lines.reduce((s, l) => s + l.listPriceMinor, 0);
    const discountTotal = lines.reduce((s, l) => s + l.discountMinor, 0);
    const quoteId = await insertQuote(tx, {
      quoteNumber: number,
      origin: 'reseller',
      partnerId: actor.partner.id,
      customerAccountId: account.id,
      createdByUserId: actor.userId,
      currency: actor.partner.currency,
      discountBps: actor.partner.discountBps,
      billingAddress: withoutBlanks(input.billingAddress),
      endUserName: input.endUser.name,
      endUserEmail: input.endUser.email.toLowerCase(),
      endUserCompany: input.endUser.company || null,
      poNumber: input.poNumber || null,
      listTotalMinor: listTotal,
      discountTotalMinor: discountTotal,
      totalMinor: listTotal - discountTotal,
      validUntil: addDays(todayUtc(), QUOTE_VALIDITY_DAYS),
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
      })),
    );
    await clearCart(tx, cartId);
    await recordAudit(tx, {
      partnerId: actor.partner.id,
      actorUserId: actor.userId,
      action: 'quote.created',
      subjectType: 'quote',
      subjectId: number,
      details: { customerId: account.customerId, totalMinor: listTotal - discountTotal },
      ip: input.ip,
    });
    return number;
  });
  return getQuote(db, actor, quoteNumber);
}

export async function getQuote(db: Db, actor: Actor, quoteNumber: string): Promise<Quote> {
  const row = await findQuote(db, actor.partner.id, quoteNumber);
  if (!row) throw notFound('quote.not_found', `No quote ${quoteNumber}.`);
  return {
    ...presentSummary(row),
    billingAddress: row.billingAddress as BillingAddress,
    endUser: {
      name: row.endUserName,
      email: row.endUserEmail,
      ...(row.endUserCompany ? { company: row.endUserCompany } : {}),
    },
    discountPercent: row.discountBps / 100,
    lines: row.lines.map((l) => ({
      productCode: l.productCode,
      productName: l.productName,
      kind: l.kind as Quote['lines'][number]['kind'],
      quantity: l.quantity,
      termYears: l.termYears as 1 | 2 | null,
      periodStart: l.periodStart,
      periodEnd: l.periodEnd,
      serviceDomain: l.serviceDomain,
      unitListPriceMinor: l.unitListMinor,
      listPriceMinor: l.listMinor,
      discountMinor: l.discountMinor,
      totalMinor: l.totalMinor,
      perpetualFallback: l.perpetualFallback,
    })),
    totals: {
      listPriceMinor: row.listTotalMinor,
      discountMinor: row.discountTotalMinor,
      totalMinor: row.totalMinor,
    },
    createdBy: row.createdByName,
  };
}

export async function listQuotes(db: Db, actor: Actor, query: QuoteListFilters) {
  const { items, total } = await listQuoteSummaries(db, { partnerId: actor.partner.id, ...query });
  return { items: items.map(presentSummary), total, page: query.page, pageSize: query.pageSize };
}

/** Optional fields left empty in the form are stored as absent, not as empty strings. */
function withoutBlanks<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== '' && v !== undefined)) as T;
}

interface SummaryRow {
  quoteNumber: string;
  origin: string;
  status: string;
  endUserEmail: string;
  poNumber: string | null;
  currency: string;
  totalMinor: number;
  createdAt: Date;
  validUntil: string;
  customerId: string;
  customerName: string;
  customerCountry: string;
}

function presentSummary(row: SummaryRow): QuoteSummary {
  return {
    quoteNumber: row.quoteNumber,
    origin: row.origin as QuoteSummary['origin'],
    status: effectiveStatus(row.status as StoredStatus, row.validUntil),
    customer: { customerId: row.customerId, name: row.customerName, country: row.customerCountry },
    endUserEmail: row.endUserEmail,
    poNumber: row.poNumber,
    currency: row.currency as Currency,
    totalMinor: row.totalMinor,
    createdAt: row.createdAt.toISOString(),
    validUntil: row.validUntil,
  };
}
