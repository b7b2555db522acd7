import type { Queryable } from '../../db/client.ts';
import { deleteDevicesExpiredBy, findLiveDevice, insertDevice } from './devices.queries.ts';
import { hashToken, type LoginOwner, newToken } from './sessions.ts';

/** How long a browser stays known after a login from it. */
export const DEVICE_DAYS = 180;

/** The owner of a device token still valid, if any. */
export async function findDeviceOwner(
  db: Queryable,
  token: string,
  now: Date,
): Promise<{ tokenHash: string; owner: LoginOwner } | null> {
  const tokenHash = hashToken(token);
  const row = await findLiveDevice(db, tokenHash, now);
  if (!row) return null;
  if (row.partnerUserId) return { tokenHash, owner: { partnerUserId: row.partnerUserId } };
  if (row.vendorStaffId) return { tokenHash, owner: { vendorStaffId: row.vendorStaffId } };
  return null;
}

export async function rememberDevice(db: Queryable, owner: LoginOwner, now: Date): Promise<string> {
  const token = newToken();
  await insertDevice(db, {
    tokenHash: hashToken(token),
    partnerUserId: 'partnerUserId' in owner ? owner.partnerUserId : null,
    vendorStaffId: 'vendorStaffId' in owner ? owner.vendorStaffId : null,
    createdAt: now,
    expiresAt: new Date(now.getTime() + DEVICE_DAYS * 86_400_000),
  });
  return token;
}

export async function deleteExpiredDevices(db: Queryable, now: Date): Promise<void> {
  await deleteDevicesExpiredBy(db, now);
}
