import { and, eq, gt, lt } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { loginDevices } from '../../db/schema/index.ts';

/** The owner columns of a device token not expired at `now`. */
export async function findLiveDevice(
  db: Queryable,
  tokenHash: string,
  now: Date,
): Promise<{ partnerUserId: string | null; vendorStaffId: string | null } | undefined> {
  const [row] = await db
    .select({ partnerUserId: loginDevices.partnerUserId, vendorStaffId: loginDevices.vendorStaffId })
    .from(loginDevices)
    .where(and(eq(loginDevices.tokenHash, tokenHash), gt(loginDevices.expiresAt, now)));
  return row;
}

export async function insertDevice(db: Queryable, values: typeof loginDevices.$inferInsert): Promise<void> {
  await db.insert(loginDevices).values(values);
}

export async function deleteDevicesExpiredBy(db: Queryable, now: Date): Promise<void> {
  await db.delete(loginDevices).where(lt(loginDevices.expiresAt, now));
}
