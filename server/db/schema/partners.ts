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
import { vendorStaff } from './staff.ts';

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
    /** A user exists once they chose a password (an invitation's link, or `npm run admin`). */
    passwordHash: text('password_hash').notNull(),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('partner_users_email_lower', sql`${t.email} = lower(${t.email})`),
    uniqueIndex('partner_users_email_unique').on(t.email),
    index('partner_users_partner_idx').on(t.partnerId),
  ],
);

/**
 * An invitation to become one of a partner's users (SPEC §1, issue 16), pending until the invitee
 * chooses a password with its one-time link: only then is the user made. Unlike users' emails, an
 * address here is unique only among the partner's pending invitations, whatever it is elsewhere:
 * a partner inviting another partner's user sees what it sees for a new address, and the invitee
 * alone learns, on accepting, that the address already has a login.
 */
export const partnerInvitations = pgTable(
  'partner_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    email: text('email').notNull(),
    name: text('name').notNull(),
    role: partnerRoleEnum('role').notNull(),
    /**
     * Who invited: an admin of the partner, or vendor staff creating the partner. Neither for an
     * invitation carried over from before this table whose inviter was not recorded.
     */
    invitedByUserId: uuid('invited_by_user_id').references(() => partnerUsers.id),
    invitedByStaffId: uuid('invited_by_staff_id').references(() => vendorStaff.id),
    /** SHA-256 of the link's token (the token itself is in the email only); a resend replaces it. */
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** When the current link stops working; a resend moves it. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
  },
  (t) => [
    check('partner_invitations_email_lower', sql`${t.email} = lower(${t.email})`),
    check(
      'partner_invitations_one_inviter',
      sql`num_nonnulls(${t.invitedByUserId}, ${t.invitedByStaffId}) <= 1`,
    ),
    check('partner_invitations_one_end', sql`${t.acceptedAt} is null or ${t.cancelledAt} is null`),
    uniqueIndex('partner_invitations_token_unique').on(t.tokenHash),
    // One live invitation per partner and address; it also serves the partner's list of them.
    uniqueIndex('partner_invitations_pending_unique')
      .on(t.partnerId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.cancelledAt} is null`),
  ],
);
