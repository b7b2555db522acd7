import type { Queryable } from '../../db/client.ts';
import type { OpenAccount, PartnerUserActor } from '../auth/actor.ts';
import { openAccountProven } from '../auth/sessions.ts';
import { isPurchaserOf } from '../customers/customers.service.ts';
import type { LicenseAccess } from './licenses.policy.ts';

/** How this session holds the open account, for the license policy (two reads, side by side). */
export async function licenseAccess(
  db: Queryable,
  actor: PartnerUserActor,
  account: OpenAccount,
): Promise<LicenseAccess> {
  const [purchaser, proven] = await Promise.all([
    isPurchaserOf(db, { partnerId: actor.partner.id, customerAccountId: account.id }),
    openAccountProven(db, actor.sessionTokenHash),
  ]);
  return { purchaser, proven };
}
