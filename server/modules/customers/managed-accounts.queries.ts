import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { customerAccounts, licenses, partnerAccountGrants } from '../../db/schema/index.ts';
import type { CustomerAccountRow } from './customers.queries.ts';

const activeGrant = (partnerId: string) =>
  and(eq(partnerAccountGrants.partnerId, partnerId), isNull(partnerAccountGrants.revokedAt));

/** The accounts this partner holds a live grant of, with their license counts, by name. */
export function findManagedAccounts(db: Queryable, partnerId: string) {
  return db
    .select({
      customerId: customerAccounts.customerId,
      name: customerAccounts.name,
      country: customerAccounts.country,
      grantedAt: partnerAccountGrants.grantedAt,
      licenses: count(licenses.id),
    })
    .from(partnerAccountGrants)
    .innerJoin(customerAccounts, eq(customerAccounts.id, partnerAccountGrants.customerAccountId))
    .leftJoin(licenses, eq(licenses.customerAccountId, customerAccounts.id))
    .where(activeGrant(partnerId))
    .groupBy(customerAccounts.id, partnerAccountGrants.grantedAt)
    .orderBy(asc(customerAccounts.name));
}

/** The account of this Customer ID when this partner holds a live grant of it. */
export async function findManagedAccount(
  db: Queryable,
  options: { partnerId: string; customerId: string },
): Promise<CustomerAccountRow | undefined> {
  const [row] = await db
    .select({
      id: customerAccounts.id,
      customerId: customerAccounts.customerId,
      name: customerAccounts.name,
      country: customerAccounts.country,
    })
    .from(partnerAccountGrants)
    .innerJoin(customerAccounts, eq(customerAccounts.id, partnerAccountGrants.customerAccountId))
    .where(and(activeGrant(options.partnerId), eq(customerAccounts.customerId, options.customerId)));
  return row;
}
