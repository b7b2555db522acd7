import { and, desc, eq, type SQL, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { AccountAccess, AccountIdentifier, CustomerAccount } from '../../../contract/customers.ts';
import { livePurchaserGrant } from '../../db/account-grants.ts';
import type { Database, Queryable } from '../../db/client.ts';
import { type HotStatement, prepareHotStatement } from '../../db/hot-statement.ts';
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
import { preparedStatement, shapedStatements } from '../../db/shaped-statements.ts';
import { soldByPartner } from '../../db/sold-licenses.ts';
import { licenseIdOfKey, licenseKeyHash } from '../../shared/license-identifiers.ts';
import {
  attemptAllowed,
  chargeAttemptCtes,
  chargedHitsColumns,
  counterPlaceholders,
  giveBackCte,
} from '../../shared/rate-limit.ts';
import { type AuditParams, auditCte } from '../audit/audit.service.ts';
import { openCustomerAccountCte } from '../sessions/sessions.ts';
import { lookupLimits } from './lookup-attempts.ts';

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

/**
 * The condition on `customer_accounts` that picks the account an identifier of `kind` names, by
 * the placeholders `value` and (a license key) `keyHash`: see `identifierValues`.
 */
function namedBy(kind: AccountIdentifier['kind']): SQL {
  const value = sql.placeholder('value');
  switch (kind) {
    case 'customerId':
      return sql`${customerAccounts.customerId} = ${value}::text`;
    case 'subscriptionPackNumber':
      return sql`${customerAccounts.id} = (select ${subscriptionPacks.customerAccountId} from ${subscriptionPacks} where ${subscriptionPacks.packNumber} = ${value}::text)`;
    case 'licenseId':
      return sql`${customerAccounts.id} = (select ${licenses.customerAccountId} from ${licenses} where ${licenses.licenseId} = ${value}::text)`;
    case 'licenseKey':
      return sql`${customerAccounts.id} = (select ${licenses.customerAccountId} from ${licenses} where ${licenses.licenseId} = ${value}::text and ${licenses.licenseKeyHash} = ${sql.placeholder('keyHash')}::text)`;
  }
}

/** The values of `namedBy`: a license key by its License ID (unique index), then the whole key by its hash. */
function identifierValues(identifier: AccountIdentifier): { value: string; keyHash: string | null } {
  return identifier.kind === 'licenseKey'
    ? { value: licenseIdOfKey(identifier.value) ?? '', keyHash: licenseKeyHash(identifier.value) }
    : { value: identifier.value, keyHash: null };
}

/** How many counters a lookup attempt charges (the user's, then the partner's). */
const LOOKUP_COUNTERS = Object.keys(lookupLimits).length;

export interface AccountToOpen extends CustomerAccountRow {
  /** This partner created the account. */
  createdByPartner: boolean;
  /** This partner holds a live Purchaser grant of the account. */
  purchaser: boolean;
  emailMatches: boolean;
}

/** The lookup of an opening: the account, if any, and the counts of the lookup attempt, if charged. */
export interface OpeningLookup {
  account: AccountToOpen | null;
  /** The counters' new counts, in the order of `lookupLimits`; null where not charged. */
  hits: (number | null)[];
}

/**
 * The statement of an opening's lookup, for identifiers of `kind`: the account the identifier
 * names, this partner's standing with it and whether `email` is one of its contacts (joins: a
 * wrong identifier and a wrong email cost the same and look alike); and, in the same statement,
 * the lookup attempt counted when the account takes the email step (an email is given and this
 * partner neither created it nor holds a live grant), so the attempt is counted before its answer
 * is used.
 */
function openingLookupStatement(kind: AccountIdentifier['kind']): SQL {
  const partnerId = sql.placeholder('partnerId');
  const email = sql.placeholder('email');
  const emailStep = sql`${email}::text is not null and not exists (select from found where created_by_partner or purchaser)`;
  return sql`with found as (
      select ${customerAccounts.id} as id, ${customerAccounts.customerId} as customer_id,
        ${customerAccounts.name} as name, ${customerAccounts.country} as country,
        (${customerAccounts.createdByPartnerId} is not distinct from ${partnerId}::uuid) as created_by_partner,
        (${partnerAccountGrants.partnerId} is not null) as purchaser,
        (${customerContacts.id} is not null) as email_matches
      from ${customerAccounts}
      left join ${customerContacts} on ${customerContacts.customerAccountId} = ${customerAccounts.id}
        and ${customerContacts.email} = ${email}::text
      left join ${partnerAccountGrants} on ${livePurchaserGrant(partnerAccountGrants, sql`${partnerId}::uuid`, customerAccounts.id)}
      where ${namedBy(kind)}),
    ${chargeAttemptCtes(counterPlaceholders(LOOKUP_COUNTERS), emailStep)}
    select found.id, found.customer_id, found.name, found.country, found.created_by_partner, found.purchaser,
      found.email_matches, ${chargedHitsColumns(LOOKUP_COUNTERS)}
    from (select 1) as one left join found on true`;
}

type OpeningLookupRow = {
  id: string | null;
  customerId: string | null;
  name: string | null;
  country: string | null;
  createdByPartner: boolean | null;
  purchaser: boolean | null;
  emailMatches: boolean | null;
} & Record<`hits${number}`, number | null>;

/** Most accounts one email may list: a contact of more accounts than this is not a person. */
export const ACCOUNTS_PER_EMAIL_MAX = 50;

/**
 * The statement of a find-by-email: the lookup attempt counted, then, only if it is allowed, the
 * accounts with `email` among their contacts, by name (a JSON array).
 */
function accountsOfEmailStatement(): SQL {
  const counters = counterPlaceholders(LOOKUP_COUNTERS);
  return sql`with ${chargeAttemptCtes(counters, sql`true`)},
    found as (
      select ${customerAccounts.customerId} as customer_id, ${customerAccounts.name} as name,
        ${customerAccounts.country} as country
      from ${customerAccounts}
      join ${customerContacts} on ${customerContacts.customerAccountId} = ${customerAccounts.id}
      where ${customerContacts.email} = ${sql.placeholder('email')}::text and ${attemptAllowed(counters)}
      order by ${customerAccounts.name}, ${customerAccounts.customerId}
      limit ${ACCOUNTS_PER_EMAIL_MAX})
    select ${chargedHitsColumns(LOOKUP_COUNTERS)},
      (select coalesce(json_agg(json_build_object('customerId', customer_id, 'name', name, 'country', country)
        order by name, customer_id), '[]'::json) from found) as accounts`;
}

/** What opening an account in a session writes, in one statement (see `openingStatement`). */
export interface Opening {
  tokenHash: string;
  partnerUserId: string;
  customerAccountId: string;
  access: AccountAccess;
  now: Date;
  audit: AuditParams;
  /** The lookup attempt to give back (empty: none). */
  givenBack: { keys: string[]; windowStarts: string[] };
}

const openingParams = [
  'tokenHash',
  'partnerUserId',
  'customerAccountId',
  'access',
  'now',
  'givenBackKeys',
  'givenBackWindows',
] as const;
const auditParamNames = [
  'partnerId',
  'actorUserId',
  'actorStaffId',
  'action',
  'subjectType',
  'subjectId',
  'details',
  'ip',
  'occurredAt',
] as const satisfies readonly (keyof AuditParams)[];

type OpeningValues = Record<(typeof openingParams)[number], unknown> & AuditParams;

function openingValues(opening: Opening): OpeningValues {
  return {
    tokenHash: opening.tokenHash,
    partnerUserId: opening.partnerUserId,
    customerAccountId: opening.customerAccountId,
    access: opening.access,
    now: opening.now.toISOString(),
    givenBackKeys: opening.givenBack.keys,
    givenBackWindows: opening.givenBack.windowStarts,
    ...opening.audit,
  };
}

/**
 * Opening an account in a session, in one statement: the session's open account, the user's
 * recently opened accounts (one row per account: the latest opening), the audit entry, and the
 * lookup attempt given back. Values may be placeholders.
 */
function openingStatement(v: OpeningValues): SQL {
  return sql`with ${openCustomerAccountCte('opened', v)},
    remembered as (
      insert into ${recentCustomerAccounts} (partner_user_id, customer_account_id, opened_at)
      values (${v.partnerUserId}::uuid, ${v.customerAccountId}::uuid, ${v.now}::timestamptz)
      on conflict (partner_user_id, customer_account_id) do update set opened_at = excluded.opened_at),
    ${auditCte('audited', v)},
    ${giveBackCte('given_back', v.givenBackKeys, v.givenBackWindows)}
    select 1`;
}

/** Opens an account in a session in a caller's transaction (see `openingStatement`). */
export async function writeOpening(db: Queryable, opening: Opening): Promise<void> {
  const values = openingValues(opening);
  // Drizzle spreads an array value into a list: the arrays go as one parameter each.
  await db.execute(
    openingStatement({
      ...values,
      givenBackKeys: sql.param(opening.givenBack.keys),
      givenBackWindows: sql.param(opening.givenBack.windowStarts),
    }),
  );
}

/** The lookups of the search bar as named statements (prepared once per database; see hot-statement.ts). */
export interface OpeningStatements {
  /** The account an identifier names, and the lookup attempt counted if it takes the email step. */
  findToOpen(options: {
    partnerId: string;
    identifier: AccountIdentifier;
    email: string | undefined;
    counters: Record<string, unknown>;
  }): Promise<OpeningLookup>;
  /** `writeOpening` on the root database, in one round trip. */
  open(opening: Opening): Promise<void>;
  /** The lookup attempt counted and, if it is allowed, the accounts of an email. */
  findByEmail(options: { email: string; counters: Record<string, unknown> }): Promise<{
    hits: (number | null)[];
    accounts: CustomerAccount[];
  }>;
  /** Gives a lookup attempt back (`givenBackValues`). */
  giveBack(givenBack: { keys: string[]; windowStarts: string[] }): Promise<void>;
}

const dialect = new PgDialect();
const toQuery = (statement: SQL) => ({ toSQL: () => dialect.sqlToQuery(statement) });
const hitsColumns = Array.from({ length: LOOKUP_COUNTERS }, (_, i) => `hits${i}` as const);
const placeholders = <K extends string>(names: readonly K[]) =>
  Object.fromEntries(names.map((name) => [name, sql.placeholder(name)])) as Record<K, unknown>;

const prepared = new WeakMap<Database, OpeningStatements>();

export function openingStatements(database: Database): OpeningStatements {
  const known = prepared.get(database);
  if (known) return known;
  const lookups = new Map<AccountIdentifier['kind'], HotStatement<OpeningLookupRow>>();
  const lookupOf = (kind: AccountIdentifier['kind']) => {
    let statement = lookups.get(kind);
    if (!statement) {
      statement = prepareHotStatement<OpeningLookupRow>(
        database,
        `customer_open_${kind}`,
        toQuery(openingLookupStatement(kind)),
        [
          'id',
          'customerId',
          'name',
          'country',
          'createdByPartner',
          'purchaser',
          'emailMatches',
          ...hitsColumns,
        ],
      );
      lookups.set(kind, statement);
    }
    return statement;
  };
  const open = prepareHotStatement<{ done: number }>(
    database,
    'customer_opening',
    toQuery(openingStatement(placeholders([...openingParams, ...auditParamNames]) as OpeningValues)),
    ['done'],
  );
  const byEmail = prepareHotStatement<
    Record<`hits${number}`, number | null> & { accounts: CustomerAccount[] }
  >(database, 'customer_find_by_email', toQuery(accountsOfEmailStatement()), [...hitsColumns, 'accounts']);
  const giveBack = prepareHotStatement<{ done: number }>(
    database,
    'customer_lookup_give_back',
    toQuery(
      sql`with ${giveBackCte('given_back', sql.placeholder('keys'), sql.placeholder('windowStarts'))} select 1`,
    ),
    ['done'],
  );
  const statements: OpeningStatements = {
    async findToOpen({ partnerId, identifier, email, counters }) {
      const [row] = await lookupOf(identifier.kind).execute({
        ...identifierValues(identifier),
        partnerId,
        email: email === undefined ? null : email.toLowerCase(),
        ...counters,
      });
      if (!row) throw new Error('the opening lookup returned no row');
      const hits = hitsColumns.map((column) => row[column] ?? null);
      if (row.id === null || row.customerId === null || row.name === null || row.country === null)
        return { account: null, hits };
      return {
        account: {
          id: row.id,
          customerId: row.customerId,
          name: row.name,
          country: row.country,
          createdByPartner: row.createdByPartner === true,
          purchaser: row.purchaser === true,
          emailMatches: row.emailMatches === true,
        },
        hits,
      };
    },
    async open(opening) {
      await open.execute(openingValues(opening));
    },
    async findByEmail({ email, counters }) {
      const [row] = await byEmail.execute({ email: email.toLowerCase(), ...counters });
      if (!row) throw new Error('the find-by-email statement returned no row');
      return { hits: hitsColumns.map((column) => row[column] ?? null), accounts: row.accounts };
    },
    async giveBack({ keys, windowStarts }) {
      await giveBack.execute({ keys, windowStarts });
    },
  };
  prepared.set(database, statements);
  return statements;
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

/** How many recently opened accounts a user's start page shows (and maintenance keeps). */
export const RECENT_ACCOUNTS_MAX = 8;

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

const recentlyOpened = preparedStatement('recently_opened', (db) =>
  db
    .select({
      customerId: customerAccounts.customerId,
      name: customerAccounts.name,
      country: customerAccounts.country,
      openedAt: recentCustomerAccounts.openedAt,
    })
    .from(recentCustomerAccounts)
    .innerJoin(customerAccounts, eq(customerAccounts.id, recentCustomerAccounts.customerAccountId))
    .where(eq(recentCustomerAccounts.partnerUserId, sql.placeholder('userId')))
    .orderBy(desc(recentCustomerAccounts.openedAt))
    .limit(RECENT_ACCOUNTS_MAX),
);

export function listRecentlyOpened(
  db: Queryable,
  partnerUserId: string,
): Promise<(CustomerAccount & { openedAt: Date })[]> {
  return recentlyOpened(db, { userId: partnerUserId });
}

const teamsOfAccount = preparedStatement('account_teams', (db) =>
  db
    .select({ id: customerTeams.id, name: customerTeams.name })
    .from(customerTeams)
    .where(eq(customerTeams.customerAccountId, sql.placeholder('accountId')))
    .orderBy(customerTeams.name),
);

export function listTeams(db: Queryable, customerAccountId: string): Promise<{ id: string; name: string }[]> {
  return teamsOfAccount(db, { accountId: customerAccountId });
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

const packsOfAccount = shapedStatements(
  'account_packs',
  (sold: boolean) => (sold ? 'sold' : 'all'),
  (db, sold) => {
    const accountPacks = eq(subscriptionPacks.customerAccountId, sql.placeholder('accountId'));
    const joined = db.select(packColumns).from(subscriptionPacks);
    return (
      sold
        ? joined
            .innerJoin(licenses, eq(licenses.subscriptionPackId, subscriptionPacks.id))
            .leftJoin(products, eq(products.code, licenses.productCode))
            .where(and(accountPacks, soldByPartner(sql.placeholder('partnerId'))))
        : joined
            .leftJoin(licenses, eq(licenses.subscriptionPackId, subscriptionPacks.id))
            .leftJoin(products, eq(products.code, licenses.productCode))
            .where(accountPacks)
    )
      .groupBy(subscriptionPacks.id, subscriptionPacks.packNumber)
      .orderBy(sql`max(${licenses.periodEnd}) desc nulls last`, subscriptionPacks.packNumber);
  },
);

/**
 * The account's packs with the latest end of their subscriptions, latest first; with `soldBy`, only
 * the packs holding licenses that partner sold, summed over those.
 */
export function listPacks(
  db: Queryable,
  customerAccountId: string,
  soldBy: string | null = null,
): Promise<PackRow[]> {
  return packsOfAccount(db, soldBy !== null, { accountId: customerAccountId, partnerId: soldBy });
}
