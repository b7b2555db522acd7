import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { BillingAddress } from '../../../contract/quotes.ts';
import { currencyEnum, localeEnum, partnerRoleEnum } from './enums.ts';

export const discountLevels = pgTable(
  'discount_levels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** Basis points: 1500 = 15 %. */
    discountBps: integer('discount_bps').notNull(),
  },
  (t) => [check('discount_levels_bps_range', sql`${t.discountBps} between 0 and 10000`)],
);

export const partners = pgTable(
  'partners',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    country: text('country').notNull(),
    currency: currencyEnum('currency').notNull(),
    discountLevelId: uuid('discount_level_id')
      .notNull()
      .references(() => discountLevels.id),
    /** May this partner buy postpaid against a quote (SPEC §8)? */
    creditTerms: boolean('credit_terms').notNull().default(false),
    /** The partner's billing address on file: used on its quotes unless another is given. */
    billingAddress: jsonb('billing_address').$type<BillingAddress>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('partners_country_iso', sql`${t.country} ~ '^[A-Z]{2}$'`),
    uniqueIndex('partners_name_unique').on(sql`lower(${t.name})`),
  ],
);

export const partnerUsers = pgTable(
  'partner_users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: partnerRoleEnum('role').notNull(),
    /** The language the user chose; until they choose, the language of the partner's country. */
    locale: localeEnum('locale'),
    /** Null until an invited user sets a password from the invitation's link. */
    passwordHash: text('password_hash'),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('partner_users_email_lower', sql`${t.email} = lower(${t.email})`),
    uniqueIndex('partner_users_email_unique').on(t.email),
    index('partner_users_partner_idx').on(t.partnerId),
  ],
);
