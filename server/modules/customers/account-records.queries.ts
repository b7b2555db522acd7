import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import {
  customerAccounts,
  customerContacts,
  customerTeams,
  partnerAccountGrants,
} from '../../db/schema/index.ts';

export async function insertCustomerAccount(
  db: Queryable,
  values: typeof customerAccounts.$inferInsert,
): Promise<{ id: string; customerId: string } | undefined> {
  const [account] = await db
    .insert(customerAccounts)
    .values(values)
    .returning({ id: customerAccounts.id, customerId: customerAccounts.customerId });
  return account;
}

export async function insertCustomerContacts(
  db: Queryable,
  rows: (typeof customerContacts.$inferInsert)[],
): Promise<void> {
  await db.insert(customerContacts).values(rows);
}

export async function insertCustomerTeams(
  db: Queryable,
  rows: (typeof customerTeams.$inferInsert)[],
): Promise<void> {
  await db.insert(customerTeams).values(rows);
}

/** Adds a team unless the account has one of that name. */
export async function insertCustomerTeamIfAbsent(
  db: Queryable,
  customerAccountId: string,
  name: string,
): Promise<void> {
  await db.insert(customerTeams).values({ customerAccountId, name }).onConflictDoNothing();
}

export async function isCustomerIdTaken(db: Queryable, customerId: string): Promise<boolean> {
  const [taken] = await db
    .select({ id: customerAccounts.id })
    .from(customerAccounts)
    .where(eq(customerAccounts.customerId, customerId));
  return taken !== undefined;
}

/** Writes a partner's Purchaser grant of an account, live from `now` (again, if it was withdrawn). */
export async function upsertPurchaserGrant(
  db: Queryable,
  grant: { partnerId: string; customerAccountId: string; now: Date },
): Promise<void> {
  await db
    .insert(partnerAccountGrants)
    .values({
      partnerId: grant.partnerId,
      customerAccountId: grant.customerAccountId,
      grantedAt: grant.now,
    })
    .onConflictDoUpdate({
      target: [partnerAccountGrants.partnerId, partnerAccountGrants.customerAccountId],
      set: { grantedAt: grant.now, revokedAt: null },
    });
}

/** Marks a live grant revoked at `now`; false when there was no live grant. */
export async function revokePurchaserGrant(
  db: Queryable,
  grant: { partnerId: string; customerAccountId: string; now: Date },
): Promise<boolean> {
  const withdrawn = await db
    .update(partnerAccountGrants)
    .set({ revokedAt: grant.now })
    .where(
      and(
        eq(partnerAccountGrants.partnerId, grant.partnerId),
        eq(partnerAccountGrants.customerAccountId, grant.customerAccountId),
        isNull(partnerAccountGrants.revokedAt),
      ),
    )
    .returning({ partnerId: partnerAccountGrants.partnerId });
  return withdrawn.length > 0;
}
