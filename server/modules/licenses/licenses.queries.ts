import { and, eq, gte } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { licenses } from '../../db/schema/index.ts';

/** Whether a cloud service domain has a running subscription of the product, on any account. */
export async function hasRunningSubscription(
  db: Queryable,
  options: { productCode: string; serviceDomain: string; today: string },
): Promise<boolean> {
  const [row] = await db
    .select({ id: licenses.id })
    .from(licenses)
    .where(
      and(
        eq(licenses.serviceDomain, options.serviceDomain),
        eq(licenses.productCode, options.productCode),
        gte(licenses.periodEnd, options.today),
      ),
    )
    .limit(1);
  return row !== undefined;
}
