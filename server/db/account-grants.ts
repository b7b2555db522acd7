import { and, eq, isNull, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * A live Purchaser grant (SPEC §11a) of a partner on an account, as a join condition on the grants
 * table or an alias of it: one way to say "managed account" wherever a read needs it.
 */
export function livePurchaserGrant(
  grants: { partnerId: PgColumn; customerAccountId: PgColumn; role: PgColumn; revokedAt: PgColumn },
  partnerId: SQLWrapper | string,
  customerAccountId: SQLWrapper | string,
): SQL {
  return and(
    eq(grants.partnerId, partnerId),
    eq(grants.customerAccountId, customerAccountId),
    eq(grants.role, 'purchaser'),
    isNull(grants.revokedAt),
  ) as SQL;
}
