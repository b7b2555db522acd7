import { randomInt } from 'node:crypto';
import type { z } from 'zod';
import type {
  AccountAccess,
  AccountsOfEmail,
  CreateCustomerRequest,
  OpenCustomerAccount,
  OpenCustomerRequest,
  PacksAndTeams,
  RecentCustomers,
} from '../../../contract/customers.ts';
import type { Database, Queryable } from '../../db/client.ts';
import { todayUtc } from '../../lib/dates.ts';
import { DomainError } from '../../lib/errors.ts';
import type { OpenAccount, PartnerUserActor } from '../../shared/actor.ts';
import { type Attempt, counterValues, givenBackValues } from '../../shared/rate-limit.ts';
import { auditParams, recordAudit } from '../audit/audit.service.ts';
import { setOpenCustomerAccount } from '../sessions/sessions.ts';
import {
  insertCustomerAccount,
  insertCustomerContacts,
  insertCustomerTeamIfAbsent,
  insertCustomerTeams,
  isCustomerIdTaken,
  revokePurchaserGrant,
  upsertPurchaserGrant,
} from './account-records.queries.ts';
import {
  type CustomerAccountRow,
  findAccountByCustomerId,
  findAccountById,
  findStandingOf,
  listPacks,
  listRecentlyOpened,
  listTeams,
  type Opening,
  openingStatements,
  type PackRow,
  trimRecentlyOpened,
  writeOpening,
} from './customers.queries.ts';
import {
  auditFailure,
  countedLookupAttempt,
  emailRequired,
  type LookupOptions,
  lookupCounters,
  lookupFailed,
} from './lookup-attempts.ts';

/**
 * The one account-access rule (SPEC §3): on what ground a partner may put an account in a session.
 * An account it created opens as with the customer's proof, and so does any with the proof (an
 * email of its contacts); one it holds a live Purchaser grant of opens under that grant; any other
 * does not open (null) — except through the partner's own orders, no further than its own sales
 * (`openThroughOwnOrder`).
 */
export function accessOnOpening(standing: {
  createdByPartner: boolean;
  purchaser: boolean;
  proof: boolean;
}): AccountAccess | null {
  if (standing.createdByPartner || standing.proof) return 'proof';
  return standing.purchaser ? 'purchaser' : null;
}

type OpeningOptions = LookupOptions & {
  account: CustomerAccountRow;
  method: string;
  access: AccountAccess;
};

/**
 * What opening `account` writes: the session's open account, the user's recently opened accounts,
 * the audit entry, and the lookup attempt given back (`attempt`, if it was counted).
 */
function openingOf(options: OpeningOptions, attempt: Attempt | null): Opening {
  const { actor, meta, account, access } = options;
  return {
    tokenHash: actor.sessionTokenHash,
    partnerUserId: actor.userId,
    customerAccountId: account.id,
    access,
    now: meta.now,
    audit: auditParams({
      partnerId: actor.partner.id,
      actor,
      action: 'customer.opened',
      subjectType: 'customer_account',
      subjectId: account.customerId,
      details: { method: options.method, access },
      meta,
    }),
    givenBack: givenBackValues(attempt),
  };
}

const opened = ({ account, access }: OpeningOptions): z.input<typeof OpenCustomerAccount> => ({
  customerId: account.customerId,
  name: account.name,
  country: account.country,
  access,
});

/**
 * Makes `account` the session's open account, writes the opening to the audit log and to the
 * user's recently opened accounts, in the caller's transaction (one statement). `access` says on
 * what ground: the session statement re-checks a Purchaser grant at every request, and an account
 * open through the partner's own orders shows only what it sold.
 */
export async function openForSession(
  tx: Queryable,
  options: OpeningOptions,
): Promise<z.input<typeof OpenCustomerAccount>> {
  await writeOpening(tx, openingOf(options, null));
  return opened(options);
}

/**
 * Opens an account this partner sold to, from one of its own orders (Renew from an order, SPEC §9),
 * by the one account-access rule: an account it created opens as with the customer's proof, one it
 * holds a live Purchaser grant of opens under that grant, and any other opens no further than this
 * partner's own sales (its licenses and packs), never for general use. An account already open
 * in the session stays open as it was.
 */
export async function openThroughOwnOrder(
  tx: Queryable,
  options: LookupOptions & { account: CustomerAccountRow },
): Promise<OpenAccount> {
  const { actor, account } = options;
  if (actor.openAccount?.id === account.id) return actor.openAccount;
  const standing = await findStandingOf(tx, { partnerId: actor.partner.id, customerAccountId: account.id });
  const access = accessOnOpening({ ...standing, proof: false }) ?? 'own_sales';
  await openForSession(tx, { ...options, method: 'order', access });
  return { ...account, access, purchaser: standing.purchaser };
}

/**
 * Opens the account an identifier names (SPEC §3 items 1, 3 and 5). Accounts this partner manages
 * or created open at once; any other needs an email of its contacts, and every such attempt counts
 * against the lookup limits before it is checked. Takes the root database: failed attempts and
 * their audit rows must outlive the request.
 *
 * Two round trips after the session's: the lookup (which counts the attempt when the email step
 * is due, committed before its answer is used), then the opening in one statement (which gives
 * the attempt back).
 */
export async function openAccount(
  database: Database,
  options: LookupOptions & OpenCustomerRequest,
): Promise<z.input<typeof OpenCustomerAccount>> {
  const { actor, identifier, email } = options;
  const statements = openingStatements(database);
  const { account: found, hits } = await statements.findToOpen({
    partnerId: actor.partner.id,
    identifier,
    email,
    counters: counterValues(lookupCounters(options)),
  });
  const access = found ? accessOnOpening({ ...found, proof: found.emailMatches }) : null;
  if (found && (found.createdByPartner || found.purchaser) && access) {
    // A proof given along with a managed account's identifier counts as one.
    const opening = { ...options, account: found, method: identifier.kind, access };
    await statements.open(openingOf(opening, null));
    return opened(opening);
  }
  if (email === undefined) throw emailRequired();
  const attempt = countedLookupAttempt(options, hits);
  // Neither created by this partner nor under its grant: the rule opens it only with the proof.
  if (!found || access === null) {
    await auditFailure(database.db, options, identifier.kind, identifier.value);
    throw lookupFailed();
  }
  const opening = { ...options, account: found, method: `${identifier.kind}_and_email`, access };
  await statements.open(openingOf(opening, attempt));
  return opened(opening);
}

/**
 * The accounts a customer email is a contact of (SPEC §3 item 2). Knowing the email is the proof:
 * an email of no account counts as a failed lookup, like a wrong email in the other kinds. The
 * attempt is counted and the accounts read in one statement (read only if the attempt is allowed).
 */
export async function findAccountsOfEmail(
  database: Database,
  options: LookupOptions & { email: string },
): Promise<z.input<typeof AccountsOfEmail>> {
  const statements = openingStatements(database);
  const { hits, accounts } = await statements.findByEmail({
    email: options.email,
    counters: counterValues(lookupCounters(options)),
  });
  const attempt = countedLookupAttempt(options, hits);
  if (accounts.length === 0) {
    await auditFailure(database.db, options, 'email', options.email);
    throw new DomainError(
      'not_found',
      'customer.email_unknown',
      'No account is associated with this email.',
      {
        field: 'email',
      },
    );
  }
  await statements.giveBack(givenBackValues(attempt));
  return { email: options.email, items: accounts };
}

/**
 * A new account for a customer the vendor does not know yet (SPEC §3 item 2): a new Customer ID,
 * the given contact as its account admin, and it opens at once. The partner that created it opens
 * it without the email step from then on.
 */
export async function createAccountForCustomer(
  db: Queryable,
  options: LookupOptions & CreateCustomerRequest,
): Promise<z.input<typeof OpenCustomerAccount>> {
  const { actor, meta } = options;
  return db.transaction(async (tx) => {
    const created = await createCustomerAccount(tx, {
      name: options.companyName,
      country: options.country,
      contacts: [
        { email: options.adminContact.email, name: options.adminContact.name, isAccountAdmin: true },
      ],
      createdByPartnerId: actor.partner.id,
    });
    await recordAudit(tx, {
      partnerId: actor.partner.id,
      actor,
      action: 'customer.created',
      subjectType: 'customer_account',
      subjectId: created.customerId,
      details: { country: options.country },
      meta,
    });
    const account = {
      id: created.id,
      customerId: created.customerId,
      name: options.companyName,
      country: options.country,
    };
    return openForSession(tx, { actor, meta, account, method: 'created', access: 'proof' });
  });
}

export async function recentlyOpened(
  db: Queryable,
  options: { actor: PartnerUserActor },
): Promise<z.input<typeof RecentCustomers>> {
  const rows = await listRecentlyOpened(db, options.actor.userId);
  return { items: rows.map((row) => ({ ...row, openedAt: row.openedAt.toISOString() })) };
}

export async function closeAccount(db: Queryable, options: { actor: PartnerUserActor }): Promise<void> {
  await setOpenCustomerAccount(db, options.actor.sessionTokenHash, null);
}

/**
 * The account a cart or quote request names must be the one open in this session (SPEC §4 "with an
 * account open"): opening it was the proof of knowledge. A page left open in another tab while
 * another account was opened gets a clear conflict instead of writing to the wrong customer.
 */
export function requireOpenAccount(actor: PartnerUserActor, customerId: string): OpenAccount {
  const account = actor.openAccount;
  if (!account || account.customerId !== customerId) {
    throw new DomainError(
      'conflict',
      'customer.not_open',
      `Customer account ${customerId} is not open in this session: open it from the search bar.`,
      { field: 'customerId', params: { customerId } },
    );
  }
  return account;
}

export interface NewCustomerAccount {
  customerId?: string;
  name: string;
  country: string;
  contacts: { email: string; name?: string; isAccountAdmin?: boolean }[];
  teams?: string[];
  createdByPartnerId?: string;
}

/** Creates an account with its contacts and teams; a Customer ID is drawn when none is given. */
export async function createCustomerAccount(
  db: Queryable,
  input: NewCustomerAccount,
): Promise<{ id: string; customerId: string }> {
  return db.transaction(async (tx) => {
    const customerId = input.customerId ?? (await drawCustomerId(tx));
    const account = await insertCustomerAccount(tx, {
      customerId,
      name: input.name,
      country: input.country,
      createdByPartnerId: input.createdByPartnerId ?? null,
    });
    if (!account) throw new Error('customer account insert returned no row');
    if (input.contacts.length > 0) {
      await insertCustomerContacts(
        tx,
        input.contacts.map((c) => ({
          customerAccountId: account.id,
          email: c.email.trim().toLowerCase(),
          name: c.name ?? null,
          isAccountAdmin: c.isAccountAdmin ?? false,
        })),
      );
    }
    if (input.teams?.length) {
      await insertCustomerTeams(
        tx,
        input.teams.map((name) => ({ customerAccountId: account.id, name })),
      );
    }
    return account;
  });
}

async function drawCustomerId(db: Queryable): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = String(randomInt(1_000_000, 10_000_000));
    if (!(await isCustomerIdTaken(db, candidate))) return candidate;
  }
  throw new Error('could not draw a free Customer ID');
}

/** Adds a team to an account; a team of that name already there is kept as it is. */
export async function addTeam(db: Queryable, customerAccountId: string, name: string): Promise<void> {
  await insertCustomerTeamIfAbsent(db, customerAccountId, name);
}

/**
 * The account admin makes a partner Purchaser of the account (SPEC §11a "Managed accounts"): the
 * partner opens it without the email step. A withdrawn grant given again is live again.
 */
export async function grantPurchaser(
  db: Queryable,
  options: { partnerId: string; customerAccountId: string; now: Date },
): Promise<void> {
  await upsertPurchaserGrant(db, options);
}

/**
 * The customer withdraws a partner's Purchaser grant (SPEC §11a); the row stays as history. Answers
 * whether there was a live grant to withdraw.
 */
export async function withdrawPurchaser(
  db: Queryable,
  options: { partnerId: string; customerAccountId: string; now: Date },
): Promise<boolean> {
  return revokePurchaserGrant(db, options);
}

/**
 * A pack new licenses can still join: one whose subscriptions have not all ended (an open-ended pack
 * of perpetual licenses always can). Joining an ended pack would co-term to a past date.
 */
export function packIsLive(pack: Pick<PackRow, 'periodEnd'>, today: string): boolean {
  return pack.periodEnd === null || pack.periodEnd >= today;
}

/**
 * The teams and packs of the account open in this session (Details tab, co-terming). Packs whose
 * subscriptions have all ended are left out: new licenses cannot join them nor co-term to a past date.
 * Each pack names its products, alphabetically, so the user can tell packs apart.
 */
export async function packsAndTeams(
  db: Queryable,
  options: { actor: PartnerUserActor; customerId: string; now: Date },
): Promise<z.input<typeof PacksAndTeams>> {
  const account = requireOpenAccount(options.actor, options.customerId);
  const { teams, packs } = await teamsAndPacksInSession(db, options.actor, account);
  const today = todayUtc(options.now);
  return {
    teams,
    packs: packs
      .filter((pack) => packIsLive(pack, today))
      .map(({ id: _id, products, ...pack }) => ({
        ...pack,
        products: [...products].sort((a, b) => a.name.localeCompare(b.name, 'en')),
      })),
  };
}

/**
 * The teams and packs this session may see and choose of its open account: all of them with the
 * customer's proof or a live grant; through the partner's own orders, the packs of what it sold and
 * no teams (they are the customer's organisation, not a sale).
 */
export async function teamsAndPacksInSession(
  db: Queryable,
  actor: PartnerUserActor,
  account: OpenAccount,
): Promise<{ teams: { id: string; name: string }[]; packs: PackRow[] }> {
  if (account.access !== 'own_sales') return findTeamsAndPacks(db, account.id);
  return { teams: [], packs: await listPacks(db, account.id, actor.partner.id) };
}

/** An account's teams and packs (with ids), for placing an order and for tests. */
export async function findTeamsAndPacks(
  db: Queryable,
  customerAccountId: string,
): Promise<{ teams: { id: string; name: string }[]; packs: PackRow[] }> {
  const [teams, packs] = await Promise.all([
    listTeams(db, customerAccountId),
    listPacks(db, customerAccountId),
  ]);
  return { teams, packs };
}

/** Maintenance: each user's recently opened accounts beyond what the start page shows go. */
export function trimRecentAccounts(db: Queryable): Promise<void> {
  return trimRecentlyOpened(db);
}

/** An account by its id or by its Customer ID, for other modules and use cases. */
export function accountById(db: Queryable, id: string): Promise<CustomerAccountRow | null> {
  return findAccountById(db, id);
}
export function accountByCustomerId(db: Queryable, customerId: string): Promise<CustomerAccountRow | null> {
  return findAccountByCustomerId(db, customerId);
}
