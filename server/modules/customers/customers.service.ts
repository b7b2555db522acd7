import { randomInt } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { CustomerAccount, CustomerLookupByIdRequest } from '../../../contract/customers.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { customerAccounts, customerContacts, customerTeams } from '../../db/schema/index.ts';
import { DomainError } from '../../lib/errors.ts';
import {
  type LimitCheck,
  type RateLimit,
  recordFailedAttempt,
  secondsUntilAllowed,
} from '../../lib/rate-limit.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { type Actor, setOpenCustomerAccount } from '../auth/sessions.ts';
import { findAccountByCustomerIdAndEmail } from './customers.queries.ts';

/**
 * The email step is a proof of knowledge (SPEC §3): failed attempts are limited per user and per
 * partner, across all app instances.
 */
export const lookupLimits = {
  perUser: { name: 'lookup:user', limit: 10, windowSeconds: 15 * 60 },
  perPartner: { name: 'lookup:partner', limit: 50, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimit>;

export async function openAccountById(
  db: Db,
  actor: Actor,
  input: CustomerLookupByIdRequest & { ip: string },
): Promise<CustomerAccount> {
  const limits: LimitCheck[] = [
    [lookupLimits.perUser, actor.userId],
    [lookupLimits.perPartner, actor.partner.id],
  ];
  const wait = await secondsUntilAllowed(db, limits);
  if (wait !== null) throw tooManyLookups(wait);

  const account = await findAccountByCustomerIdAndEmail(db, input.customerId, input.email);
  if (!account) {
    await recordFailedAttempt(db, limits);
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
      actorUserId: actor.userId,
      action: 'customer.opened',
      subjectType: 'customer_account',
      subjectId: account.customerId,
      details: { method: 'customer_id_and_email' },
      ip: input.ip,
    });
  });
  return { customerId: account.customerId, name: account.name, country: account.country };
}

export async function closeAccount(db: Db, actor: Actor): Promise<void> {
  await setOpenCustomerAccount(db, actor.sessionTokenHash, null);
}

function tooManyLookups(retryAfterSeconds: number): DomainError {
  return new DomainError(
    'rate_limited',
    'rate_limited',
    'Too many failed customer lookups. Try again later.',
    {
      retryAfterSeconds,
    },
  );
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
  db: Db,
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
