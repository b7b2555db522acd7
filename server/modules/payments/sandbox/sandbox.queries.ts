import { and, eq, inArray } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { sandboxCharges, sandboxPaypalApprovals, sandboxTokens } from '../../../db/schema/index.ts';

/** The sandbox's own connections (see postgresSandboxStore): never the portal's. */
export type SandboxDb = NodePgDatabase;
export type SandboxTokenRow = typeof sandboxTokens.$inferSelect;
export type SandboxChargeRow = typeof sandboxCharges.$inferSelect;
export type SandboxApprovalRow = typeof sandboxPaypalApprovals.$inferSelect;

export async function insertSandboxToken(
  db: SandboxDb,
  card: typeof sandboxTokens.$inferInsert,
): Promise<void> {
  await db.insert(sandboxTokens).values(card);
}

export async function findSandboxToken(db: SandboxDb, token: string): Promise<SandboxTokenRow | undefined> {
  const [row] = await db.select().from(sandboxTokens).where(eq(sandboxTokens.token, token));
  return row;
}

/** Sets the outcome of a card waiting on a challenge; false when none waited. */
export async function answerSandboxChallenge(
  db: SandboxDb,
  token: string,
  outcome: string,
): Promise<boolean> {
  const updated = await db
    .update(sandboxTokens)
    .set({ outcome })
    .where(and(eq(sandboxTokens.token, token), eq(sandboxTokens.outcome, 'challenge')))
    .returning({ token: sandboxTokens.token });
  return updated.length > 0;
}

/** Inserts the charge unless one has its idempotency key; answers the inserted row, if it was. */
export async function insertSandboxChargeOnce(
  db: SandboxDb,
  charge: typeof sandboxCharges.$inferInsert,
): Promise<SandboxChargeRow | undefined> {
  const [taken] = await db.insert(sandboxCharges).values(charge).onConflictDoNothing().returning();
  return taken;
}

export function findSandboxChargesOfToken(db: SandboxDb, token: string): Promise<SandboxChargeRow[]> {
  return db.select().from(sandboxCharges).where(eq(sandboxCharges.token, token));
}

export async function findSandboxCharge(
  db: SandboxDb,
  idempotencyKey: string,
): Promise<SandboxChargeRow | undefined> {
  const [row] = await db
    .select()
    .from(sandboxCharges)
    .where(eq(sandboxCharges.idempotencyKey, idempotencyKey));
  return row;
}

/** Marks a captured charge refunded (a charge not captured stays as it is). */
export async function refundSandboxCharge(db: SandboxDb, reference: string): Promise<void> {
  await db
    .update(sandboxCharges)
    .set({ status: 'refunded' })
    .where(and(eq(sandboxCharges.reference, reference), eq(sandboxCharges.status, 'captured')));
}

/** Inserts the approval unless one has its id. */
export async function insertSandboxApprovalOnce(
  db: SandboxDb,
  approval: typeof sandboxPaypalApprovals.$inferInsert,
): Promise<void> {
  await db.insert(sandboxPaypalApprovals).values(approval).onConflictDoNothing();
}

export async function findSandboxApproval(
  db: SandboxDb,
  id: string,
): Promise<SandboxApprovalRow | undefined> {
  const [row] = await db.select().from(sandboxPaypalApprovals).where(eq(sandboxPaypalApprovals.id, id));
  return row;
}

export async function findSandboxApprovalByVault(
  db: SandboxDb,
  vaultId: string,
): Promise<SandboxApprovalRow | undefined> {
  const [row] = await db
    .select()
    .from(sandboxPaypalApprovals)
    .where(eq(sandboxPaypalApprovals.vaultId, vaultId));
  return row;
}

/** Updates an approval whose status is one of `from`; undefined when it was in none. */
export async function updateSandboxApprovalFrom(
  db: SandboxDb,
  id: string,
  from: string[],
  change: Partial<typeof sandboxPaypalApprovals.$inferInsert>,
): Promise<SandboxApprovalRow | undefined> {
  const [row] = await db
    .update(sandboxPaypalApprovals)
    .set(change)
    .where(and(eq(sandboxPaypalApprovals.id, id), inArray(sandboxPaypalApprovals.status, from)))
    .returning();
  return row;
}
