import type { z } from 'zod';
import type { AccountAdminView, PartnerMatch } from '../../../contract/account-admin.ts';
import { defaultLocaleFor } from '../../../contract/catalog.ts';
import { identifierPatterns } from '../../../contract/identifiers.ts';
import type { Db, Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { DomainError, tooManyAttempts } from '../../lib/errors.ts';
import type { AccountAdminActor } from '../../shared/actor.ts';
import { type RateLimit, takeAttempt } from '../../shared/rate-limit.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueEmail } from '../mail/outbox.ts';
import { accountAdminLinkEmail } from '../mail/templates.ts';
import { consumeLink, issueLink } from '../sessions/one-time-links.ts';
import { createSession, type NewSession } from '../sessions/sessions.ts';
import {
  findAdminContactAccount,
  findGrantEvents,
  findLivePurchasers,
  findPartnerId,
  findPartnersByNameOrUserEmail,
  insertGrantEvent,
} from './account-admin.queries.ts';
import { grantPurchaser, withdrawPurchaser } from './customers.service.ts';

/** Asking for links is limited per address and per email, whether the email is an admin's or not. */
export const adminLinkLimits = {
  perIp: { name: 'admin-link:ip', limit: 20, windowSeconds: 15 * 60 },
  perEmail: { name: 'admin-link:email', limit: 5, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimit>;

/**
 * A one-time sign-in link for an account admin (issue 10): sent by email to the address given when
 * it is an admin contact of the account; the answer is the same otherwise, so the form tells nobody
 * who the admins are. The link works once, for an hour.
 */
export async function requestAdminLink(
  db: Db,
  jobs: JobQueue,
  options: { customerId: string; email: string; meta: RequestMeta; publicUrl: string },
): Promise<{ sent: true }> {
  const { meta } = options;
  const taken = await takeAttempt(
    db,
    [
      [adminLinkLimits.perIp, meta.ip],
      [adminLinkLimits.perEmail, options.email],
    ],
    meta.now,
  );
  if (!taken.allowed)
    throw tooManyAttempts('Too many sign-in links asked for. Try again later.', taken.retryAfterSeconds);
  const admin = await findAdminContactAccount(db, options.customerId, options.email);
  if (!admin) return { sent: true };
  await db.transaction(async (tx) => {
    const token = await issueLink(tx, {
      purpose: 'account_admin',
      subject: { customerAccountId: admin.accountId },
      email: options.email,
      now: meta.now,
    });
    await queueEmail(tx, jobs, {
      partnerId: null,
      to: options.email,
      ...accountAdminLinkEmail({
        locale: defaultLocaleFor(admin.country),
        accountName: admin.name,
        customerId: options.customerId,
        link: `${options.publicUrl}/account-admin/sign-in/${token}`,
      }),
      about: { kind: 'account-admin', ref: options.customerId },
    });
  });
  return { sent: true };
}

/** Signs the account admin in with the link (once): a session of an hour for this account. */
export async function signInAccountAdmin(
  db: Db,
  options: { token: string; meta: RequestMeta },
): Promise<NewSession> {
  return db.transaction(async (tx) => {
    const link = await consumeLink(tx, options.token, 'account_admin', options.meta.now);
    if (!link.customerAccountId) throw new Error('an account admin link without its account');
    return createSession(
      tx,
      { accountAdmin: { email: link.email, customerAccountId: link.customerAccountId } },
      options.meta.now,
    );
  });
}

/** The account's Purchasers now, and every grant and withdrawal before. */
export async function accountAdminView(
  db: Queryable,
  actor: AccountAdminActor,
): Promise<z.input<typeof AccountAdminView>> {
  const purchasers = await findLivePurchasers(db, actor.account.id);
  const history = await findGrantEvents(db, actor.account.id);
  return {
    account: {
      customerId: actor.account.customerId,
      name: actor.account.name,
      country: actor.account.country,
    },
    email: actor.email,
    csrfToken: actor.csrfToken,
    purchasers: purchasers.map((p) => ({ ...p, grantedAt: p.grantedAt.toISOString() })),
    history: history.map((h) => ({
      ...h,
      event: h.event as 'granted' | 'withdrawn',
      occurredAt: h.occurredAt.toISOString(),
    })),
  };
}

/**
 * Partners an account admin may make Purchaser: by a part of the name, or by the whole email of one
 * of its users (what a reseller tells its customer). At most 20.
 */
export async function findPartners(
  db: Queryable,
  q: string | undefined,
): Promise<z.input<typeof PartnerMatch>[]> {
  if (!q) return [];
  const email = identifierPatterns.email.test(q) ? q.toLowerCase() : null;
  const rows = await findPartnersByNameOrUserEmail(db, q, email);
  return rows;
}

const noSuchPartner = () =>
  new DomainError('not_found', 'partner.not_found', 'No such partner.', { field: 'partnerId' });

/** Makes a partner Purchaser of the account (the partner sees it at once), and writes it down. */
export async function grantAsAdmin(
  db: Queryable,
  options: { actor: AccountAdminActor; meta: RequestMeta; partnerId: string },
): Promise<z.input<typeof AccountAdminView>> {
  const { actor, meta } = options;
  return db.transaction(async (tx) => {
    const partner = await findPartnerId(tx, options.partnerId);
    if (!partner) throw noSuchPartner();
    await grantPurchaser(tx, { partnerId: partner.id, customerAccountId: actor.account.id, now: meta.now });
    await recordGrantEvent(tx, options, 'granted');
    return accountAdminView(tx, actor);
  });
}

/** Withdraws a partner's grant (the partner loses the account at its next request); history stays. */
export async function withdrawAsAdmin(
  db: Queryable,
  options: { actor: AccountAdminActor; meta: RequestMeta; partnerId: string },
): Promise<z.input<typeof AccountAdminView>> {
  const { actor, meta } = options;
  return db.transaction(async (tx) => {
    const withdrawn = await withdrawPurchaser(tx, {
      partnerId: options.partnerId,
      customerAccountId: actor.account.id,
      now: meta.now,
    });
    if (!withdrawn) {
      throw new DomainError(
        'not_found',
        'grant.not_found',
        'This partner is not a Purchaser of the account.',
        {
          field: 'partnerId',
        },
      );
    }
    await recordGrantEvent(tx, options, 'withdrawn');
    return accountAdminView(tx, actor);
  });
}

async function recordGrantEvent(
  tx: Queryable,
  options: { actor: AccountAdminActor; meta: RequestMeta; partnerId: string },
  event: 'granted' | 'withdrawn',
): Promise<void> {
  const { actor, meta } = options;
  await insertGrantEvent(tx, {
    partnerId: options.partnerId,
    customerAccountId: actor.account.id,
    event,
    byEmail: actor.email,
    occurredAt: meta.now,
  });
  // In the partner's audit log too: it sees who gave or took the account, and when.
  await recordAudit(tx, {
    partnerId: options.partnerId,
    actor,
    action: event === 'granted' ? 'customer.purchaser_granted' : 'customer.purchaser_withdrawn',
    subjectType: 'customer_account',
    subjectId: actor.account.customerId,
    details: { by: actor.email },
    meta,
  });
}
