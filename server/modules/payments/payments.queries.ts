import type { Queryable } from '../../db/client.ts';
import { payments } from '../../db/schema/index.ts';

export async function insertPayment(db: Queryable, values: typeof payments.$inferInsert): Promise<void> {
  await db.insert(payments).values(values);
}
