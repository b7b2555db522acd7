import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { ManagedAccountList } from '../../../contract/managed-accounts.ts';
import type { Queryable } from '../../db/client.ts';
import { customerAccounts, licenses, partnerAccountGrants } from '../../db/schema/index.ts';
import { DomainError } from '../../lib/errors.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import type { CustomerAccountRow } from './customers.queries.ts';

const activeGrant = (partnerId: string) =>
  and(eq(partnerAccountGrants.partnerId, partnerId), isNull(partnerAccountGrants.revokedAt));

/** The Customers tab (SPEC §10): the accounts whose admin made this partner their Purchaser. */
export async function listManagedAccounts(
  db: Queryable,
  actor: PartnerUserActor,
): Promise<z.input<typeof ManagedAccountList>> {
  const rows = await db
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
    .where(activeGrant(actor.partner.id))
    .groupBy(customerAccounts.id, partnerAccountGrants.grantedAt)
    .orderBy(asc(customerAccounts.name));
  return { items: rows.map((r) => ({ ...r, grantedAt: r.grantedAt.toISOString() })) };
}

/**
 * An account this partner manages now; any other (never granted, withdrawn, another partner's, or
 * none) is not found, alike.
 */
export async function managedAccount(
  db: Queryable,
  options: { partnerId: string; customerId: string },
): Promise<CustomerAccountRow> {
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
  if (!row) {
    throw new DomainError(
      'not_found',
      'customer.managed_not_found',
      'No customer account of yours has this Customer ID.',
      {
        params: { customerId: options.customerId },
      },
    );
  }
  return row;
}
