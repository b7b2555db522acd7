import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { paypalVaultSetups } from '../../db/schema/index.ts';

export type VaultSetupRow = typeof paypalVaultSetups.$inferSelect;

/** Binds a PayPal setup to whoever started it; the same setup again (a retry) keeps its first binding. */
export async function bindVaultSetup(
  db: Queryable,
  values: { setupId: string; partnerId: string; partnerUserId: string; now: Date },
): Promise<VaultSetupRow> {
  await db
    .insert(paypalVaultSetups)
    .values({
      setupId: values.setupId,
      partnerId: values.partnerId,
      partnerUserId: values.partnerUserId,
      createdAt: values.now,
    })
    .onConflictDoNothing();
  const row = await findVaultSetup(db, values.setupId);
  if (!row) throw new Error(`PayPal setup ${values.setupId} vanished`);
  return row;
}

export async function findVaultSetup(db: Queryable, setupId: string): Promise<VaultSetupRow | null> {
  const [row] = await db.select().from(paypalVaultSetups).where(eq(paypalVaultSetups.setupId, setupId));
  return row ?? null;
}

/** Completes a setup once: false when it was completed already (the same approval again). */
export async function completeVaultSetup(db: Queryable, setupId: string, now: Date): Promise<boolean> {
  const done = await db
    .update(paypalVaultSetups)
    .set({ completedAt: now })
    .where(and(eq(paypalVaultSetups.setupId, setupId), isNull(paypalVaultSetups.completedAt)))
    .returning({ setupId: paypalVaultSetups.setupId });
  return done.length > 0;
}

/** The stored method a completed setup became. */
export async function linkVaultSetup(db: Queryable, setupId: string, paymentMethodId: string): Promise<void> {
  await db.update(paypalVaultSetups).set({ paymentMethodId }).where(eq(paypalVaultSetups.setupId, setupId));
}
