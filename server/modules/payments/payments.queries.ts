import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { payments } from '../../db/schema/index.ts';

export async function insertPayment(db: Queryable, values: typeof payments.$inferInsert): Promise<void> {
  await db.insert(payments).values(values);
}

/** The money an order took, if any (one payment per order): its provider's reference. */
export async function findPaymentOfOrder(db: Queryable, orderId: string) {
  const [row] = await db
    .select({ provider: payments.provider, reference: payments.providerReference })
    .from(payments)
    .where(eq(payments.orderId, orderId));
  return row ?? null;
}
