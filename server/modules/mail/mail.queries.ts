import { and, desc, eq, gte, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import type { QuoteDocument } from '../../db/documents/quote-document.ts';
import { resalePricesOfQuote } from '../../db/quote-resale-prices.ts';
import { mailOutbox, quotes } from '../../db/schema/index.ts';
import { type SealedEmailKind, subjectRefOf } from './email-kinds.ts';

export type OutboxRow = typeof mailOutbox.$inferSelect;

export async function insertOutboxMessage(
  db: Queryable,
  row: typeof mailOutbox.$inferInsert,
): Promise<string> {
  const [inserted] = await db.insert(mailOutbox).values(row).returning({ id: mailOutbox.id });
  if (!inserted) throw new Error('outbox insert returned no row');
  return inserted.id;
}

export async function findOutboxMessage(db: Queryable, id: string): Promise<OutboxRow | null> {
  const [row] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return row ?? null;
}

/** Marks a message sent once: a second delivery of the same job changes nothing. */
export async function markSent(
  db: Queryable,
  id: string,
  delivery: { via: 'smtp' | 'devbox'; at: Date; attempts: number },
): Promise<boolean> {
  const updated = await db
    .update(mailOutbox)
    .set({
      status: 'sent',
      sentAt: delivery.at,
      deliveredVia: delivery.via,
      attempts: delivery.attempts,
      lastError: null,
    })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'pending')))
    .returning({ id: mailOutbox.id });
  return updated.length > 0;
}

export async function recordFailedAttempt(
  db: Queryable,
  id: string,
  failure: { error: string; attempts: number; final: boolean },
): Promise<void> {
  await db
    .update(mailOutbox)
    .set({
      attempts: failure.attempts,
      lastError: failure.error.slice(0, 1000),
      ...(failure.final ? { status: 'failed' as const } : {}),
    })
    .where(and(eq(mailOutbox.id, id), eq(mailOutbox.status, 'pending')));
}

/** The kind an email was recorded with (see email-kinds.ts). */
const kindColumn = sql<string>`split_part(${mailOutbox.subjectRef}, ':', 1)`;

/**
 * The development mailbox (demo mode): what the portal sent — kept there, or delivered over SMTP —
 * newest first (a partner's own, or all for staff); of the sealed emails, only the kinds given.
 */
export async function listDevMailbox(
  db: Queryable,
  options: { partnerId: string | null; sealedKinds: SealedEmailKind[]; limit: number },
): Promise<OutboxRow[]> {
  return db
    .select()
    .from(mailOutbox)
    .where(
      and(
        isNotNull(mailOutbox.deliveredVia),
        options.partnerId === null ? undefined : eq(mailOutbox.partnerId, options.partnerId),
        options.sealedKinds.length === 0
          ? eq(mailOutbox.sealed, false)
          : or(eq(mailOutbox.sealed, false), inArray(kindColumn, options.sealedKinds)),
      ),
    )
    .orderBy(desc(mailOutbox.sentAt))
    .limit(options.limit);
}

/** The sign-in links sent to an account admin of an account since a moment, newest first. */
export async function listAccountAdminSignInEmails(
  db: Queryable,
  options: { customerId: string; email: string; since: Date; limit: number },
): Promise<OutboxRow[]> {
  return db
    .select()
    .from(mailOutbox)
    .where(
      and(
        // The vendor's own emails (no partner's), which the subject index finds.
        isNull(mailOutbox.partnerId),
        eq(mailOutbox.subjectRef, subjectRefOf({ kind: 'account-admin', ref: options.customerId })),
        eq(mailOutbox.toAddress, options.email),
        isNotNull(mailOutbox.deliveredVia),
        gte(mailOutbox.createdAt, options.since),
      ),
    )
    .orderBy(desc(mailOutbox.createdAt))
    .limit(options.limit);
}

/**
 * The stored document of a quote an email attaches, by number; scoped to the email's partner when
 * it has one. Read here, not through the quotes module: mail comes before quotes in the module order.
 */
export async function findQuoteDocument(
  db: Queryable,
  quoteNumber: string,
  partnerId: string | null,
): Promise<{ document: QuoteDocument; resalePrices: (number | null)[] } | undefined> {
  const [row] = await db
    .select({ document: quotes.document, resalePrices: resalePricesOfQuote })
    .from(quotes)
    .where(and(eq(quotes.quoteNumber, quoteNumber), partnerId ? eq(quotes.partnerId, partnerId) : undefined));
  return row;
}

/**
 * The outbox for operators (metrics): emails waiting and how long the oldest has waited, by the
 * database's clock; and those given up on. Runs on the status index; pending rows are few.
 */
export async function outboxBacklog(
  db: Queryable,
): Promise<{ pending: number; oldestPendingSeconds: number; failed: number }> {
  const [row] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${mailOutbox.status} = 'pending')::int`,
      oldestPendingSeconds: sql<number>`coalesce(extract(epoch from now() - min(${mailOutbox.createdAt}) filter (where ${mailOutbox.status} = 'pending')), 0)::float8`,
      failed: sql<number>`count(*) filter (where ${mailOutbox.status} = 'failed')::int`,
    })
    .from(mailOutbox)
    .where(inArray(mailOutbox.status, ['pending', 'failed']));
  return {
    pending: Number(row?.pending ?? 0),
    oldestPendingSeconds: Math.max(0, Number(row?.oldestPendingSeconds ?? 0)),
    failed: Number(row?.failed ?? 0),
  };
}
