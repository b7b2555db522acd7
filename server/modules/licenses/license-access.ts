import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { partnerAccountGrants, sessions } from '../../db/schema/index.ts';
import type { OpenAccount, PartnerUserActor } from '../auth/actor.ts';
import type { LicenseAccess } from './licenses.policy.ts';

/**
 * How this session holds the open account, for the license policy: whether it was opened with the
 * customer's proof (the session's flag) and whether the partner is its Purchaser (a live grant).
 * One statement over the two modules' tables: it runs beside every license search.
 */
export async function licenseAccess(
  db: Queryable,
  actor: PartnerUserActor,
  account: OpenAccount,
): Promise<LicenseAccess> {
  const [row] = await db
    .select({
      proven: sessions.openAccountProven,
      purchaser: sql<boolean>`${partnerAccountGrants.partnerId} is not null`,
    })
    .from(sessions)
    .leftJoin(
      partnerAccountGrants,
      and(
        eq(partnerAccountGrants.partnerId, actor.partner.id),
        eq(partnerAccountGrants.customerAccountId, account.id),
        eq(partnerAccountGrants.role, 'purchaser'),
        isNull(partnerAccountGrants.revokedAt),
      ),
    )
    .where(eq(sessions.tokenHash, actor.sessionTokenHash));
  return { proven: row?.proven ?? false, purchaser: row?.purchaser ?? false };
}
