import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Locale } from '../../../contract/catalog.ts';
import type { Role } from '../../../contract/permissions.ts';
import type { BillingAddress } from '../../../contract/quotes.ts';
import type { Queryable } from '../../db/client.ts';
import {
  discountLevels,
  partnerInvitations,
  partners,
  partnerUsers,
  sessions,
} from '../../db/schema/index.ts';
import { preparedStatement } from '../../db/shaped-statements.ts';
import { isPending } from './invitations.queries.ts';

// Discount levels

/** Adds the discount level of this code unless it exists. */
export async function insertDiscountLevelIfAbsent(
  db: Queryable,
  values: { code: string; name: string; discountBps: number },
): Promise<void> {
  await db.insert(discountLevels).values(values).onConflictDoNothing({ target: discountLevels.code });
}

export async function findDiscountLevelId(db: Queryable, code: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: discountLevels.id })
    .from(discountLevels)
    .where(eq(discountLevels.code, code));
  return row?.id;
}

// Partners

export async function insertPartner(
  db: Queryable,
  values: typeof partners.$inferInsert,
): Promise<{ id: string } | undefined> {
  const [row] = await db.insert(partners).values(values).returning({ id: partners.id });
  return row;
}

export async function findPartnerByName(db: Queryable, name: string): Promise<{ id: string } | null> {
  const [row] = await db.select({ id: partners.id }).from(partners).where(eq(partners.name, name));
  return row ?? null;
}

export async function partnerExists(db: Queryable, partnerId: string): Promise<boolean> {
  const [partner] = await db.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId));
  return partner !== undefined;
}

/** Locks the partner's row (`for update`), serialising changes to its users. */
export async function lockPartner(tx: Queryable, partnerId: string): Promise<void> {
  await tx.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId)).for('update');
}

/** Every partner with its discount, by name; its users count those still invited. */
export async function listPartnerRows(db: Queryable) {
  const users = db.$count(partnerUsers, eq(partnerUsers.partnerId, partners.id));
  const invited = db.$count(
    partnerInvitations,
    and(eq(partnerInvitations.partnerId, partners.id), isPending),
  );
  return db
    .select({
      id: partners.id,
      name: partners.name,
      country: partners.country,
      currency: partners.currency,
      discountBps: discountLevels.discountBps,
      creditTerms: partners.creditTerms,
      users: sql<number>`${users} + ${invited}`.mapWith(Number),
    })
    .from(partners)
    .innerJoin(discountLevels, eq(discountLevels.id, partners.discountLevelId))
    .orderBy(asc(partners.name));
}

const companyProfileRow = preparedStatement('company_profile', (db) =>
  db
    .select({
      name: partners.name,
      country: partners.country,
      currency: partners.currency,
      discountBps: discountLevels.discountBps,
      creditTerms: partners.creditTerms,
      billingAddress: partners.billingAddress,
    })
    .from(partners)
    .innerJoin(discountLevels, eq(discountLevels.id, partners.discountLevelId))
    .where(eq(partners.id, sql.placeholder('partnerId'))),
);

/** What the partner's company profile shows, its discount in basis points. */
export async function findCompanyProfileRow(db: Queryable, partnerId: string) {
  const [row] = await companyProfileRow(db, { partnerId });
  return row;
}

/** The partner's billing address on file (SPEC §1), used on its quotes unless another is given. */
export async function setPartnerBillingAddress(
  db: Queryable,
  options: { partnerId: string; billingAddress: BillingAddress },
): Promise<void> {
  await db
    .update(partners)
    .set({ billingAddress: options.billingAddress })
    .where(eq(partners.id, options.partnerId));
}

export async function findPartnerBillingAddress(
  db: Queryable,
  partnerId: string,
): Promise<BillingAddress | null> {
  const [row] = await db
    .select({ billingAddress: partners.billingAddress })
    .from(partners)
    .where(eq(partners.id, partnerId));
  return row?.billingAddress ?? null;
}

/** The partner's commercial terms: may it order now and pay later (SPEC §8 postpaid)? */
export async function findPartnerTerms(db: Queryable, partnerId: string): Promise<{ creditTerms: boolean }> {
  const [row] = await db
    .select({ creditTerms: partners.creditTerms })
    .from(partners)
    .where(eq(partners.id, partnerId));
  return { creditTerms: row?.creditTerms ?? false };
}

/** Vendor staff grant or withdraw credit terms (the back office). */
export async function setPartnerCreditTerms(
  db: Queryable,
  partnerId: string,
  creditTerms: boolean,
): Promise<void> {
  await db.update(partners).set({ creditTerms }).where(eq(partners.id, partnerId));
}

/** Sets whichever of the partner's discount level and credit terms are given. */
export async function updatePartnerTerms(
  db: Queryable,
  partnerId: string,
  terms: { discountLevelId?: string; creditTerms?: boolean },
): Promise<void> {
  await db.update(partners).set(terms).where(eq(partners.id, partnerId));
}

// Partner users

export async function insertPartnerUser(
  db: Queryable,
  values: typeof partnerUsers.$inferInsert,
): Promise<{ id: string } | undefined> {
  const [row] = await db.insert(partnerUsers).values(values).returning({ id: partnerUsers.id });
  return row;
}

/** Inserts a user unless their email has a login already (emails are unique); undefined then. */
export async function insertPartnerUserIfEmailFree(
  db: Queryable,
  values: typeof partnerUsers.$inferInsert,
): Promise<{ id: string } | undefined> {
  const [user] = await db
    .insert(partnerUsers)
    .values(values)
    .onConflictDoNothing({ target: partnerUsers.email })
    .returning({ id: partnerUsers.id });
  return user;
}

/** What logging in with this email checks. */
export async function findLoginByEmail(db: Queryable, email: string) {
  const [row] = await db
    .select({
      id: partnerUsers.id,
      partnerId: partnerUsers.partnerId,
      passwordHash: partnerUsers.passwordHash,
      disabledAt: partnerUsers.disabledAt,
    })
    .from(partnerUsers)
    .where(eq(partnerUsers.email, email));
  return row;
}

/** Whether this email is some partner's user's login. */
export async function hasLogin(db: Queryable, email: string): Promise<boolean> {
  const [user] = await db
    .select({ id: partnerUsers.id })
    .from(partnerUsers)
    .where(eq(partnerUsers.email, email));
  return user !== undefined;
}

/** The partner whose user logs in with this email, if any. */
export async function findPartnerOfLogin(
  db: Queryable,
  email: string,
): Promise<{ partnerId: string } | undefined> {
  const [user] = await db
    .select({ partnerId: partnerUsers.partnerId })
    .from(partnerUsers)
    .where(eq(partnerUsers.email, email));
  return user;
}

/** A partner's users as vendor staff list them (unordered). */
export function listUsersOfPartner(db: Queryable, partnerId: string) {
  return db
    .select({
      id: partnerUsers.id,
      name: partnerUsers.name,
      email: partnerUsers.email,
      role: partnerUsers.role,
      disabledAt: partnerUsers.disabledAt,
    })
    .from(partnerUsers)
    .where(eq(partnerUsers.partnerId, partnerId));
}

/** A partner's users as its admins list them, by name. */
export function listUsersByName(db: Queryable, partnerId: string) {
  return db
    .select({
      id: partnerUsers.id,
      email: partnerUsers.email,
      name: partnerUsers.name,
      role: partnerUsers.role,
      disabledAt: partnerUsers.disabledAt,
      createdAt: partnerUsers.createdAt,
    })
    .from(partnerUsers)
    .where(eq(partnerUsers.partnerId, partnerId))
    .orderBy(asc(partnerUsers.name));
}

/** One user of the partner; undefined for another partner's. */
export async function findUserOfPartner(
  db: Queryable,
  options: { id: string; partnerId: string },
): Promise<{ id: string; role: Role; email: string; disabledAt: Date | null } | undefined> {
  const [target] = await db
    .select({
      id: partnerUsers.id,
      role: partnerUsers.role,
      email: partnerUsers.email,
      disabledAt: partnerUsers.disabledAt,
    })
    .from(partnerUsers)
    .where(and(eq(partnerUsers.id, options.id), eq(partnerUsers.partnerId, options.partnerId)));
  return target;
}

/** The partner's active admins other than this user. */
export function listOtherActiveAdmins(
  db: Queryable,
  partnerId: string,
  exceptId: string,
): Promise<{ id: string }[]> {
  return db
    .select({ id: partnerUsers.id })
    .from(partnerUsers)
    .where(
      and(
        eq(partnerUsers.partnerId, partnerId),
        eq(partnerUsers.role, 'admin'),
        isNull(partnerUsers.disabledAt),
        ne(partnerUsers.id, exceptId),
      ),
    );
}

export async function updateUserRole(db: Queryable, userId: string, role: Role): Promise<void> {
  await db.update(partnerUsers).set({ role }).where(eq(partnerUsers.id, userId));
}

export async function disableUser(db: Queryable, userId: string, now: Date): Promise<void> {
  await db.update(partnerUsers).set({ disabledAt: now }).where(eq(partnerUsers.id, userId));
}

/** Ends every session of the user (the rows go). */
export async function deleteSessionsOfUser(db: Queryable, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.partnerUserId, userId));
}

/** Remembers a user's interface language (SPEC §12), for every browser they log in from. */
export async function setUserLocale(
  db: Queryable,
  options: { userId: string; locale: Locale },
): Promise<void> {
  await db.update(partnerUsers).set({ locale: options.locale }).where(eq(partnerUsers.id, options.userId));
}

/** A user with their partner, to write to when no request of theirs is at hand. */
export async function findUserContactRow(db: Queryable, partnerUserId: string) {
  const [row] = await db
    .select({
      userId: partnerUsers.id,
      email: partnerUsers.email,
      locale: partnerUsers.locale,
      partnerId: partners.id,
      partnerName: partners.name,
      partnerCountry: partners.country,
    })
    .from(partnerUsers)
    .innerJoin(partners, eq(partners.id, partnerUsers.partnerId))
    .where(eq(partnerUsers.id, partnerUserId));
  return row;
}
