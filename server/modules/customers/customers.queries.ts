import { and, eq } from 'drizzle-orm';
import type { CustomerAccount } from '../../../contract/customers.ts';
import type { Queryable } from '../../db/client.ts';
import { customerAccounts, customerContacts } from '../../db/schema/index.ts';

export interface CustomerAccountRow extends CustomerAccount {
  id: string;
}

const accountColumns = {
  id: customerAccounts.id,
  customerId: customerAccounts.customerId,
  name: customerAccounts.name,
  country: customerAccounts.country,
};

export async function findAccountById(db: Queryable, id: string): Promise<CustomerAccountRow | null> {
  const [row] = await db.select(accountColumns).from(customerAccounts).where(eq(customerAccounts.id, id));
  return row ?? null;
}

/** The account only if the email is one of its contacts: one query, so both misses look alike. */
export async function findAccountByCustomerIdAndEmail(
  db: Queryable,
  customerId: string,
  email: string,
): Promise<CustomerAccountRow | null> {
  const [row] = await db
    .select(accountColumns)
    .from(customerAccounts)
    .innerJoin(customerContacts, eq(customerContacts.customerAccountId, customerAccounts.id))
    .where(and(eq(customerAccounts.customerId, customerId), eq(customerContacts.email, email.toLowerCase())));
  return row ?? null;
}
