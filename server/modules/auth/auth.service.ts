import { eq } from 'drizzle-orm';
import type { SessionInfo } from '../../../contract/auth.ts';
import { permissionsOf, type Role } from '../../../contract/permissions.ts';
import type { Db, Queryable } from '../../db/client.ts';
import { partnerUsers } from '../../db/schema/index.ts';
import { DomainError } from '../../lib/errors.ts';
import {
  type LimitCheck,
  type RateLimit,
  recordFailedAttempt,
  secondsUntilAllowed,
} from '../../lib/rate-limit.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findAccountById } from '../customers/customers.queries.ts';
import { verifyAgainstDummy, verifyPassword } from './passwords.ts';
import { type Actor, createSession, deleteSession, findActor } from './sessions.ts';

/** Failed logins allowed per email and per client address in a 15-minute window. */
export const loginLimits = {
  perEmail: { name: 'login:email', limit: 10, windowSeconds: 15 * 60 },
  perIp: { name: 'login:ip', limit: 50, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimit>;

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  /** The session cookie the browser already had, if any: it is replaced (session id rotation). */
  previousToken: string | undefined;
}

export async function login(db: Db, input: LoginInput): Promise<{ token: string; actor: Actor }> {
  const email = input.email.trim().toLowerCase();
  const limits: LimitCheck[] = [
    [loginLimits.perEmail, email],
    [loginLimits.perIp, input.ip],
  ];
  const wait = await secondsUntilAllowed(db, limits);
  if (wait !== null) throw tooManyLogins(wait);

  const [user] = await db
    .select({
      id: partnerUsers.id,
      partnerId: partnerUsers.partnerId,
      passwordHash: partnerUsers.passwordHash,
      disabledAt: partnerUsers.disabledAt,
    })
    .from(partnerUsers)
    .where(eq(partnerUsers.email, email));
  let valid = false;
  if (user && !user.disabledAt) valid = await verifyPassword(user.passwordHash, input.password);
  else await verifyAgainstDummy(input.password);

  if (!valid || !user) {
    await recordFailedAttempt(db, limits);
    throw new DomainError('unauthenticated', 'auth.invalid_credentials', 'Email or password is incorrect.', {
      field: 'password',
    });
  }

  return db.transaction(async (tx) => {
    if (input.previousToken) await deleteSession(tx, input.previousToken);
    const { token } = await createSession(tx, user.id);
    await recordAudit(tx, {
      partnerId: user.partnerId,
      actorUserId: user.id,
      action: 'auth.login',
      subjectType: 'partner_user',
      subjectId: user.id,
      ip: input.ip,
    });
    const actor = await findActor(tx, token);
    if (!actor) throw new Error('session just created was not found');
    return { token, actor };
  });
}

export async function logout(db: Db, token: string): Promise<void> {
  await deleteSession(db, token);
}

function tooManyLogins(retryAfterSeconds: number): DomainError {
  return new DomainError('rate_limited', 'rate_limited', 'Too many failed logins. Try again later.', {
    retryAfterSeconds,
  });
}

export async function presentSession(db: Queryable, actor: Actor): Promise<SessionInfo> {
  const openAccount = actor.openCustomerAccountId
    ? await findAccountById(db, actor.openCustomerAccountId)
    : null;
  return {
    user: { id: actor.userId, email: actor.email, name: actor.name, role: actor.role as Role },
    partner: {
      id: actor.partner.id,
      name: actor.partner.name,
      country: actor.partner.country,
      currency: actor.partner.currency,
      discountPercent: actor.partner.discountBps / 100,
    },
    permissions: permissionsOf(actor.role),
    csrfToken: actor.csrfToken,
    openAccount: openAccount
      ? { customerId: openAccount.customerId, name: openAccount.name, country: openAccount.country }
      : null,
  };
}
