import { sql } from 'drizzle-orm';
import { check, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** The vendor's own staff (SPEC §1): a sign-in of their own, separate from partner users. */
export const vendorStaff = pgTable(
  'vendor_staff',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('vendor_staff_email_lower', sql`${t.email} = lower(${t.email})`),
    uniqueIndex('vendor_staff_email_unique').on(t.email),
  ],
);
