import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import type { AccountIdentifier, CustomerAccount } from '../../../contract/customers.ts';
import { livePurchaserGrant } from '../../db/account-grants.ts';
import type { Queryable } from '../../db/client.ts';
import {
  customerAccounts,
  customerContacts,
  customerTeams,
  licenses,
  partnerAccountGrants,
  products,
  recentCustomerAccounts,
  subscriptionPacks,
} from '../../db/schema/index.ts';
import { soldByPartner } from '../../db/sold-licenses.ts';
import { licenseIdOfKey, licenseKeyHash } from '../../shared/license-identifiers.ts';

export interface CustomerAccountRow extends CustomerAccount {
  id: string;
}

const accountColumns = {
  id: customerAccounts.id,
  customerId: customerAccounts.customerId,
  name: customerAccounts.name,
  country: customerAccounts.country,
};

export async function findAccountById(db: Queryable, id: string): Promise<CustomerAccountRow | null> {
  const [row] = await db.select(accountColumns).from(customerAccounts).where(eq(customerAccounts.id, id));
  return row ?? null;
}

export async function findAccountByCustomerId(
  db: Queryable,
  customerId: string,
): Promise<CustomerAccountRow | null> {
  const [row] = await db
    .select(accountColumns)
    .from(customerAccounts)
    .where(eq(customerAccounts.customerId, customerId));
  return row ?? null;
}

/** The condition on `customer_accounts` that picks the account an identifier names. */
function namedBy(identifier: AccountIdentifier): SQL {
  switch (identifier.kind) {
    case 'customerId':
      return eq(customerAccounts.customerId, identifier.value);
    case 'subscriptionPackNumber':
      return sql`${customerAccounts.id} = (select ${subscriptionPacks.customerAccountId} from ${subscriptionPacks} where ${subscriptionPacks.packNumber} = ${identifier.value})`;
    case 'licenseId':
      return sql`${customerAccounts.id} = (select ${licenses.customerAccountId} from ${licenses} where ${licenses.licenseId} = ${identifier.value})`;
    case 'licenseKey':
      // By its License ID (unique index), then the whole key by its hash.
      return sql`${customerAccounts.id} = (select ${licenses.customerAccountId} from ${licenses} where ${licenses.licenseId} = ${licenseIdOfKey(identifier.value) ?? ''} and ${licenses.licenseKeyHash} = ${licenseKeyHash(identifier.value)})`;
  }
}

export interface AccountToOpen extends CustomerAccountRow {
  /** This partner manages the account (a live Purchaser grant) or created it: no email step. */
  knownToPartner: boolean;
  /** This partner created the account (rather than only holding a Purchaser grant for it). */
  createdByPartner: boolean;
  emailMatches: boolean;
}

/**
 * The account an identifier names, whether this partner may open it without the email step, and
 * whether `email` is one of its contacts: one statement, so a wrong identifier and a wrong email
 * cost the same and look alike. (Joins, not correlated subqueries: Drizzle leaves the columns of a
 * one-table select unqualified, which a subquery would read as its own.)
 */
export async function findAccountToOpen(
  db: Queryable,
  options: { partnerId: string; identifier: AccountIdentifier; email: string | undefined },
): Promise<AccountToOpen | null> {
  const [row] = await db
    .select({
      ...accountColumns,
      knownToPartner: sql<boolean>`(${customerAccounts.createdByPartnerId} is not distinct from ${options.partnerId}::uuid or ${partnerAccountGrants.partnerId} is not null)`,
      createdByPartner: sql<boolean>`(${customerAccounts.createdByPartnerId} is not distinct from ${options.partnerId}::uuid)`,
      emailMatches: sql<boolean>`${customerContacts.id} is not null`,
    })
    .from(customerAccounts)
    .leftJoin(
      customerContacts,
      and(
        eq(customerContacts.customerAccountId, customerAccounts.id),
        // No email: a condition that matches no contact.
        options.email === undefined ? sql`false` : eq(customerContacts.email, options.email.toLowerCase()),
      ),
    )
    .leftJoin(
      partnerAccountGrants,
      livePurchaserGrant(partnerAccountGrants, options.partnerId, customerAccounts.id),
    )
    .where(namedBy(options.identifier));
  return row ?? null;
}

/** What this partner is to an account without any proof: its creator, its Purchaser (a live grant). */
export async function findStandingOf(
  db: Queryable,
  options: { partnerId: string; customerAccountId: string },
): Promise<{ createdByPartner: boolean; purchaser: boolean }> {
  const [row] = await db
    .select({
      createdByPartner: sql<boolean>`(${customerAccounts.createdByPartnerId} is not distinct from ${options.partnerId}::uuid)`,
      purchaser: sql<boolean>`${partnerAccountGrants.partnerId} is not null`,
    })
    .from(customerAccounts)
    .leftJoin(
      partnerAccountGrants,
      livePurchaserGrant(partnerAccountGrants, options.partnerId, customerAccounts.id),
    )
    .where(eq(customerAccounts.id, options.customerAccountId));
  return row ?? { createdByPartner: false, purchaser: false };
}

/** Most accounts one email may list: a contact of more accounts than this is not a person. */
export const ACCOUNTS_PER_EMAIL_MAX = 50;

/** Every account with `email` among its contacts, by name. */
export async function findAccountsByEmail(db: Queryable, email: string): Promise<CustomerAccountRow[]> {
  return db
    .select(accountColumns)
    .from(customerAccounts)
    .innerJoin(customerContacts, eq(customerContacts.customerAccountId, customerAccounts.id))
    .where(eq(customerContacts.email, email.toLowerCase()))
    .orderBy(customerAccounts.name, customerAccounts.customerId)
    .limit(ACCOUNTS_PER_EMAIL_MAX);
}

/** How many recently opened accounts a user's start page shows (and maintenance keeps). */
export const RECENT_ACCOUNTS_MAX = 8;

/** Remembers that a user opened an account now (one row per account: the latest opening). */
export async function rememberOpened(
  db: Queryable,
  options: { partnerUserId: string; customerAccountId: string; now: Date },
): Promise<void> {
  await db
    .insert(recentCustomerAccounts)
    .values({ ...options, openedAt: options.now })
    .onConflictDoUpdate({
      target: [recentCustomerAccounts.partnerUserId, recentCustomerAccounts.customerAccountId],
      set: { openedAt: options.now },
    });
}

/**
 * Keeps each user's RECENT_ACCOUNTS_MAX latest openings and deletes the rest: maintenance work,
 * so that opening an account (a lookup) costs one write here instead of two.
 */
export async function trimRecentlyOpened(db: Queryable): Promise<void> {
  await db.execute(sql`
    delete from ${recentCustomerAccounts} r
    using (
      select partner_user_id, customer_account_id,
             row_number() over (partition by partner_user_id order by opened_at desc) as place
      from ${recentCustomerAccounts}
    ) ranked
    where ranked.place > ${RECENT_ACCOUNTS_MAX}
      and r.partner_user_id = ranked.partner_user_id
      and r.customer_account_id = ranked.customer_account_id`);
}

export async function listRecentlyOpened(
  db: Queryable,
  partnerUserId: string,
): Promise<(CustomerAccount & { openedAt: Date })[]> {
  return db
    .select({
      customerId: customerAccounts.customerId,
      name: customerAccounts.name,
      country: customerAccounts.country,
      openedAt: recentCustomerAccounts.openedAt,
    })
    .from(recentCustomerAccounts)
    .innerJoin(customerAccounts, eq(customerAccounts.id, recentCustomerAccounts.customerAccountId))
    .where(eq(recentCustomerAccounts.partnerUserId, partnerUserId))
    .orderBy(desc(recentCustomerAccounts.openedAt))
    .limit(RECENT_ACCOUNTS_MAX);
}

export async function listTeams(
  db: Queryable,
  customerAccountId: string,
): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: customerTeams.id, name: customerTeams.name })
    .from(customerTeams)
    .where(eq(customerTeams.customerAccountId, customerAccountId))
    .orderBy(customerTeams.name);
}

export interface PackRow {
  id: string;
  packNumber: string;
  periodEnd: string | null;
  /** The products its subscriptions are for, by name (the Details tab names them). */
  products: { code: string; name: string }[];
  licenses: number;
}

const packColumns = {
  id: subscriptionPacks.id,
  packNumber: subscriptionPacks.packNumber,
  periodEnd: sql<string | null>`max(${licenses.periodEnd})::text`,
  products: sql<
    { code: string; name: string }[]
  >`coalesce(jsonb_agg(distinct jsonb_build_object('code', ${products.code}, 'name', ${products.name})) filter (where ${products.code} is not null), '[]'::jsonb)`,
  licenses: sql<number>`count(${licenses.id})::int`,
};

/**
 * The account's packs with the latest end of their subscriptions, latest first; with `soldBy`, only
 * the packs holding licenses that partner sold, summed over those.
 */
export async function listPacks(
  db: Queryable,
  customerAccountId: string,
  soldBy: string | null = null,
): Promise<PackRow[]> {
  if (soldBy !== null) {
    return db
      .select(packColumns)
      .from(subscriptionPacks)
      .innerJoin(licenses, eq(licenses.subscriptionPackId, subscriptionPacks.id))
      .leftJoin(products, eq(products.code, licenses.productCode))
      .where(and(eq(subscriptionPacks.customerAccountId, customerAccountId), soldByPartner(soldBy)))
      .groupBy(subscriptionPacks.id, subscriptionPacks.packNumber)
      .orderBy(sql`max(${licenses.periodEnd}) desc nulls last`, subscriptionPacks.packNumber);
  }
  return db
    .select(packColumns)
    .from(subscriptionPacks)
    .leftJoin(licenses, eq(licenses.subscriptionPackId, subscriptionPacks.id))
    .leftJoin(products, eq(products.code, licenses.productCode))
    .where(eq(subscriptionPacks.customerAccountId, customerAccountId))
    .groupBy(subscriptionPacks.id, subscriptionPacks.packNumber)
    .orderBy(sql`max(${licenses.periodEnd}) desc nulls last`, subscriptionPacks.packNumber);
}
