import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { CustomerAccount, CustomerLookupByIdRequest } from '../../../contract/customers.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { customerAccounts, customerContacts, customerTeams } from '../../db/schema/index.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { DomainError, tooManyAttempts } from '../../lib/errors.ts';
import { giveBack, type RateLimit, takeAttempt } from '../../lib/rate-limit.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { OpenAccount, PartnerUserActor } from '../auth/actor.ts';
import { setOpenCustomerAccount } from '../auth/sessions.ts';
import { findAccountByCustomerIdAndEmail } from './customers.queries.ts';

/**
 * The email step is a proof of knowledge (SPEC §3): attempts are counted per user first, then per
 * partner, across all app instances. A user stops at their own limit, so one user cannot spend the
 * partner's whole budget; successful proofs give their attempt back.
 */
export const lookupLimits = {
  perUser: { name: 'lookup:user', limit: 10, windowSeconds: 15 * 60 },
  perPartner: { name: 'lookup:partner', limit: 50, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimit>;

export interface OpenByIdOptions extends CustomerLookupByIdRequest {
  actor: PartnerUserActor;
  meta: RequestMeta;
}

/** Takes the root database: failed attempts and their audit rows must outlive the request. */
export async function openAccountById(db: Db, options: OpenByIdOptions): Promise<CustomerAccount> {
  const { actor, meta } = options;
  const taken = await takeAttempt(
    db,
    [
      [lookupLimits.perUser, actor.userId],
      [lookupLimits.perPartner, actor.partner.id],
    ],
    meta.now,
  );
  if (!taken.allowed) {
    throw tooManyAttempts('Too many failed customer lookups. Try again later.', taken.retryAfterSeconds);
  }

  const account = await findAccountByCustomerIdAndEmail(db, options.customerId, options.email);
  if (!account) {
    await recordAudit(db, {
      partnerId: actor.partner.id,
      actor,
      action: 'customer.open_failed',
      subjectType: 'customer_account',
      subjectId: options.customerId,
      details: { method: 'customer_id_and_email' },
      meta,
    });
    // Same code, message and status whether the ID or the email was wrong: nothing leaks.
    throw new DomainError(
      'not_found',
      'customer.lookup_failed',
      'No account matches this Customer ID and email.',
      {
        field: 'email',
      },
    );
  }

  await db.transaction(async (tx) => {
    await setOpenCustomerAccount(tx, actor.sessionTokenHash, account.id);
    await recordAudit(tx, {
      partnerId: actor.partner.id,
      actor,
      action: 'customer.opened',
      subjectType: 'customer_account',
      subjectId: account.customerId,
      details: { method: 'customer_id_and_email' },
      meta,
    });
  });
  await giveBack(db, taken.attempt);
  return { customerId: account.customerId, name: account.name, country: account.country };
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
    const [account] = await tx
      .insert(customerAccounts)
      .values({
        customerId,
        name: input.name,
        country: input.country,
        createdByPartnerId: input.createdByPartnerId ?? null,
      })
      .returning({ id: customerAccounts.id, customerId: customerAccounts.customerId });
    if (!account) throw new Error('customer account insert returned no row');
    if (input.contacts.length > 0) {
      await tx.insert(customerContacts).values(
        input.contacts.map((c) => ({
          customerAccountId: account.id,
          email: c.email.trim().toLowerCase(),
          name: c.name ?? null,
          isAccountAdmin: c.isAccountAdmin ?? false,
        })),
      );
    }
    if (input.teams?.length) {
      await tx
        .insert(customerTeams)
        .values(input.teams.map((name) => ({ customerAccountId: account.id, name })));
    }
    return account;
  });
}

async function drawCustomerId(db: Queryable): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const candidate = String(randomInt(1_000_000, 10_000_000));
    const [taken] = await db
      .select({ id: customerAccounts.id })
      .from(customerAccounts)
      .where(eq(customerAccounts.customerId, candidate));
    if (!taken) return candidate;
  }
  throw new Error('could not draw a free Customer ID');
}
