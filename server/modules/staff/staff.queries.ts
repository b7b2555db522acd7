import { and, eq, isNull } from 'drizzle-orm';
import type { Queryable } from '../../db/client.ts';
import { vendorStaff } from '../../db/schema/index.ts';

export async function isStaffEmailTaken(db: Queryable, email: string): Promise<boolean> {
  const [taken] = await db
    .select({ id: vendorStaff.id })
    .from(vendorStaff)
    .where(eq(vendorStaff.email, email));
  return taken !== undefined;
}

export async function insertStaffMember(
  db: Queryable,
  values: { email: string; name: string; passwordHash: string },
): Promise<{ id: string } | undefined> {
  const [row] = await db.insert(vendorStaff).values(values).returning({ id: vendorStaff.id });
  return row;
}

/** What a login checks of the staff member with this email (disabled or not). */
export async function findStaffLogin(
  db: Queryable,
  email: string,
): Promise<{ id: string; passwordHash: string; disabledAt: Date | null } | undefined> {
  const [row] = await db
    .select({
      id: vendorStaff.id,
      passwordHash: vendorStaff.passwordHash,
      disabledAt: vendorStaff.disabledAt,
    })
    .from(vendorStaff)
    .where(eq(vendorStaff.email, email));
  return row;
}

/** The staff member with this email, unless disabled. */
export async function findEnabledStaffByEmail(
  db: Queryable,
  email: string,
): Promise<{ id: string; email: string; name: string } | undefined> {
  const [row] = await db
    .select({ id: vendorStaff.id, email: vendorStaff.email, name: vendorStaff.name })
    .from(vendorStaff)
    .where(and(eq(vendorStaff.email, email), isNull(vendorStaff.disabledAt)));
  return row;
}
