import { and, asc, desc, eq, ilike, isNull, or } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import {
  customerAccounts,
  customerContacts,
  partnerAccountGrantEvents,
  partnerAccountGrants,
  partners,
  partnerUsers,
} from '../../db/schema/index.ts';
import { containsPattern } from '../../shared/account-search.ts';

/** The account of this Customer ID of which the email is an admin contact, if it is one. */
export async function findAdminContactAccount(
  db: Queryable,
  customerId: string,
  email: string,
): Promise<{ accountId: string; name: string; country: string } | undefined> {
  const [admin] = await db
    .select({
      accountId: customerAccounts.id,
      name: customerAccounts.name,
      country: customerAccounts.country,
    })
    .from(customerContacts)
    .innerJoin(customerAccounts, eq(customerAccounts.id, customerContacts.customerAccountId))
    .where(
      and(
        eq(customerAccounts.customerId, customerId),
        eq(customerContacts.email, email),
        eq(customerContacts.isAccountAdmin, true),
      ),
    );
  return admin;
}

/** The partners holding a live Purchaser grant of the account, by name. */
export function findLivePurchasers(db: Queryable, customerAccountId: string) {
  return db
    .select({
      partnerId: partners.id,
      name: partners.name,
      country: partners.country,
      grantedAt: partnerAccountGrants.grantedAt,
    })
    .from(partnerAccountGrants)
    .innerJoin(partners, eq(partners.id, partnerAccountGrants.partnerId))
    .where(
      and(
        eq(partnerAccountGrants.customerAccountId, customerAccountId),
        isNull(partnerAccountGrants.revokedAt),
      ),
    )
    .orderBy(asc(partners.name));
}

/** The account's last 100 grant events, the latest first. */
export function findGrantEvents(db: Queryable, customerAccountId: string) {
  return db
    .select({
      partnerName: partners.name,
      event: partnerAccountGrantEvents.event,
      byEmail: partnerAccountGrantEvents.byEmail,
      occurredAt: partnerAccountGrantEvents.occurredAt,
    })
    .from(partnerAccountGrantEvents)
    .innerJoin(partners, eq(partners.id, partnerAccountGrantEvents.partnerId))
    .where(eq(partnerAccountGrantEvents.customerAccountId, customerAccountId))
    .orderBy(desc(partnerAccountGrantEvents.occurredAt))
    .limit(100);
}

/**
 * Up to 20 partners by name: those with a user of this whole email when one is given (users not
 * disabled), else those whose name contains `q`.
 */
export function findPartnersByNameOrUserEmail(
  db: Queryable,
  q: string,
  email: string | null,
): Promise<{ partnerId: string; name: string; country: string }[]> {
  return db
    .selectDistinct({ partnerId: partners.id, name: partners.name, country: partners.country })
    .from(partners)
    .leftJoin(partnerUsers, and(eq(partnerUsers.partnerId, partners.id), isNull(partnerUsers.disabledAt)))
    .where(email ? eq(partnerUsers.email, email) : or(ilike(partners.name, containsPattern(q))))
    .orderBy(asc(partners.name))
    .limit(20);
}

export async function findPartnerId(db: Queryable, partnerId: string): Promise<{ id: string } | undefined> {
  const [partner] = await db.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId));
  return partner;
}

export async function insertGrantEvent(
  db: Queryable,
  values: typeof partnerAccountGrantEvents.$inferInsert,
): Promise<void> {
  await db.insert(partnerAccountGrantEvents).values(values);
}
