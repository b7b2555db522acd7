import { and, asc, desc, eq, isNull, type Placeholder, sql } from 'drizzle-orm';
import type { PaymentMethodKind } from '../../../contract/payment-methods.ts';
import type { Queryable } from '../../db/client.ts';
import { paymentMethods } from '../../db/schema/index.ts';
import { preparedStatement } from '../../db/shaped-statements.ts';

export type NewPaymentMethod = typeof paymentMethods.$inferInsert;

/** A partner's methods not removed. */
const live = (partnerId: string | Placeholder) =>
  and(eq(paymentMethods.partnerId, partnerId), isNull(paymentMethods.removedAt));

const livePaymentMethods = preparedStatement('live_payment_methods', (db) =>
  db
    .select()
    .from(paymentMethods)
    .where(live(sql.placeholder('partnerId')))
    .orderBy(desc(paymentMethods.isDefault), asc(paymentMethods.createdAt)),
);

/** A partner's live methods, the default first, then the oldest. */
export function findLivePaymentMethods(db: Queryable, partnerId: string) {
  return livePaymentMethods(db, { partnerId });
}

export function findLivePaymentMethodTokens(
  db: Queryable,
  partnerId: string,
): Promise<{ id: string; token: string }[]> {
  return db
    .select({ id: paymentMethods.id, token: paymentMethods.token })
    .from(paymentMethods)
    .where(live(partnerId));
}

export async function insertPaymentMethod(
  db: Queryable,
  values: NewPaymentMethod,
): Promise<{ id: string } | undefined> {
  const [row] = await db.insert(paymentMethods).values(values).returning({ id: paymentMethods.id });
  return row;
}

/** Whether this partner has a live method with this id (its id, or undefined). */
export async function findLivePaymentMethodId(
  db: Queryable,
  partnerId: string,
  id: string,
): Promise<{ id: string } | undefined> {
  const [row] = await db
    .select({ id: paymentMethods.id })
    .from(paymentMethods)
    .where(and(live(partnerId), eq(paymentMethods.id, id)));
  return row;
}

/** What charging a live method of this partner needs: its token and kind. */
export async function findLivePaymentMethodToken(
  db: Queryable,
  partnerId: string,
  id: string,
): Promise<{ token: string; kind: PaymentMethodKind } | undefined> {
  const [row] = await db
    .select({ token: paymentMethods.token, kind: paymentMethods.kind })
    .from(paymentMethods)
    .where(and(live(partnerId), eq(paymentMethods.id, id)));
  return row;
}

/** Clears the default flag of every live method of a partner. */
export async function clearDefaultPaymentMethod(db: Queryable, partnerId: string): Promise<void> {
  await db.update(paymentMethods).set({ isDefault: false }).where(live(partnerId));
}

export async function markPaymentMethodDefault(db: Queryable, id: string): Promise<void> {
  await db.update(paymentMethods).set({ isDefault: true }).where(eq(paymentMethods.id, id));
}

/** Marks a live method removed (and no longer the default); undefined when there was none. */
export async function markPaymentMethodRemoved(
  db: Queryable,
  partnerId: string,
  id: string,
  now: Date,
): Promise<{ id: string; wasDefault: boolean; last4: string | null } | undefined> {
  const [removed] = await db
    .update(paymentMethods)
    .set({ removedAt: now, isDefault: false })
    .where(and(live(partnerId), eq(paymentMethods.id, id)))
    .returning({
      id: paymentMethods.id,
      wasDefault: paymentMethods.isDefault,
      last4: paymentMethods.last4,
    });
  return removed;
}

/** The partner's first live method in list order (the default, else the oldest). */
export async function findFirstLivePaymentMethod(
  db: Queryable,
  partnerId: string,
): Promise<{ id: string; isDefault: boolean } | undefined> {
  const [first] = await db
    .select({ id: paymentMethods.id, isDefault: paymentMethods.isDefault })
    .from(paymentMethods)
    .where(live(partnerId))
    .orderBy(desc(paymentMethods.isDefault), asc(paymentMethods.createdAt))
    .limit(1);
  return first;
}
