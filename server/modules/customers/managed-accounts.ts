import type { z } from 'zod';
import type { ManagedAccountList } from '../../../contract/managed-accounts.ts';
import type { Queryable } from '../../db/client.ts';
import { DomainError } from '../../lib/errors.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import type { CustomerAccountRow } from './customers.queries.ts';
import { findManagedAccount, findManagedAccounts } from './managed-accounts.queries.ts';

/** The Customers tab (SPEC §10): the accounts whose admin made this partner their Purchaser. */
export async function listManagedAccounts(
  db: Queryable,
  actor: PartnerUserActor,
): Promise<z.input<typeof ManagedAccountList>> {
  const rows = await findManagedAccounts(db, actor.partner.id);
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
  const row = await findManagedAccount(db, options);
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
