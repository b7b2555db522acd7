import type { StaffSession } from '../../../contract/admin.ts';
import type { SessionInfo } from '../../../contract/auth.ts';
import { permissionsOf } from '../../../contract/permissions.ts';
import type { Db } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { DomainError, tooManyAttempts } from '../../lib/errors.ts';
import { failedLogins } from '../../lib/metrics.ts';
import { verifyAgainstDummy, verifyPassword } from '../../lib/passwords.ts';
import type { Actor, PartnerUserActor, VendorStaffActor } from '../../shared/actor.ts';
import { giveBack, type LimitCheck, type RateLimit, takeAttempt } from '../../shared/rate-limit.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { findPartnerUserCredentials } from '../partners/partners.service.ts';
import { findDeviceOwner, rememberDevice } from '../sessions/devices.ts';
import { actorOfSession } from '../sessions/session-gate.ts';
import { createSession, deleteSession, hashToken, type LoginOwner } from '../sessions/sessions.ts';
import { findStaffCredentials } from '../staff/staff.service.ts';

/**
 * Failed logins allowed in a 15-minute window. A browser the user has logged in from before is
 * limited on its own (`perDevice`); any other is limited per email and address, per address, and
 * per email from everywhere. So a stranger who only knows an email can spend that email's budget
 * for unknown browsers, but not lock its owner out of the browsers they use.
 */
export const loginLimits = {
  perDevice: { name: 'login:device', limit: 10, windowSeconds: 15 * 60 },
  perEmailAndIp: { name: 'login:email-ip', limit: 10, windowSeconds: 15 * 60 },
  perIp: { name: 'login:ip', limit: 50, windowSeconds: 15 * 60 },
  perEmail: { name: 'login:email', limit: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimit>;

/** Who logs in: partner users at /api/auth/login, vendor staff at /api/admin/auth/login. */
export type AccountKind = 'partner_user' | 'vendor_staff';

export interface LoginInput {
  kind: AccountKind;
  email: string;
  password: string;
  meta: RequestMeta;
  /** The device cookie, if this browser has one. */
  deviceToken: string | undefined;
  /** The session cookie the browser already had, if any: it is replaced (session id rotation). */
  previousToken: string | undefined;
  /** The browser's User-Agent header, kept with the session for the user's Sessions page. */
  userAgent?: string;
}

export interface LoggedIn {
  token: string;
  expiresAt: Date;
  actor: Actor;
  /** A new device cookie for a browser this user had not logged in from. */
  newDeviceToken: string | null;
}

const sameOwner = (a: LoginOwner, b: LoginOwner) =>
  ('partnerUserId' in a && 'partnerUserId' in b && a.partnerUserId === b.partnerUserId) ||
  ('vendorStaffId' in a && 'vendorStaffId' in b && a.vendorStaffId === b.vendorStaffId);

export async function login(db: Db, input: LoginInput): Promise<LoggedIn> {
  const { meta } = input;
  const email = input.email.trim().toLowerCase();
  const credentials =
    input.kind === 'partner_user'
      ? await findPartnerUserCredentials(db, email)
      : await findStaffCredentials(db, email);
  const device = input.deviceToken ? await findDeviceOwner(db, input.deviceToken, meta.now) : null;
  const knownDevice = device !== null && credentials !== null && sameOwner(device.owner, credentials.owner);
  const checks: LimitCheck[] = knownDevice
    ? [[loginLimits.perDevice, device.tokenHash]]
    : [
        [loginLimits.perEmailAndIp, `${email}|${meta.ip}`],
        [loginLimits.perIp, meta.ip],
        [loginLimits.perEmail, email],
      ];
  const taken = await takeAttempt(db, checks, meta.now);
  if (!taken.allowed)
    throw tooManyAttempts('Too many failed logins. Try again later.', taken.retryAfterSeconds);

  let valid = false;
  if (credentials && !credentials.disabled)
    valid = await verifyPassword(credentials.passwordHash, input.password);
  else await verifyAgainstDummy(input.password);

  if (!valid || !credentials) {
    failedLogins.inc({ kind: input.kind });
    await recordAudit(db, {
      partnerId: credentials?.partnerId ?? null,
      actor: null,
      action: 'auth.login_failed',
      subjectType: input.kind,
      subjectId: email,
      meta,
    });
    throw new DomainError('unauthenticated', 'auth.invalid_credentials', 'Email or password is incorrect.', {
      field: 'password',
    });
  }

  const session = await db.transaction(async (tx) => {
    if (input.previousToken) await deleteSession(tx, hashToken(input.previousToken));
    const created = await createSession(tx, credentials.owner, meta.now, input.userAgent);
    const newDeviceToken = knownDevice ? null : await rememberDevice(tx, credentials.owner, meta.now);
    await recordAudit(tx, {
      partnerId: credentials.partnerId,
      actor: credentials.owner,
      action: 'auth.login',
      subjectType: input.kind,
      subjectId:
        'partnerUserId' in credentials.owner
          ? credentials.owner.partnerUserId
          : credentials.owner.vendorStaffId,
      meta,
    });
    return { ...created, newDeviceToken };
  });
  await giveBack(db, taken.attempt);

  const actor = await actorOfSession(db, session.tokenHash, meta.now);
  if (!actor) throw new Error('session just created was not found');
  return {
    token: session.token,
    expiresAt: session.expiresAt,
    actor,
    newDeviceToken: session.newDeviceToken,
  };
}

export async function logout(db: Db, actor: Actor): Promise<void> {
  await deleteSession(db, actor.sessionTokenHash);
}

export function presentSession(actor: PartnerUserActor, features: SessionInfo['features']): SessionInfo {
  const account = actor.openAccount;
  return {
    user: { id: actor.userId, email: actor.email, name: actor.name, role: actor.role, locale: actor.locale },
    partner: {
      id: actor.partner.id,
      name: actor.partner.name,
      country: actor.partner.country,
      currency: actor.partner.currency,
      discountPercent: actor.partner.discountBps / 100,
    },
    permissions: permissionsOf(actor.role),
    csrfToken: actor.csrfToken,
    openAccount: account
      ? {
          customerId: account.customerId,
          name: account.name,
          country: account.country,
          access: account.access,
        }
      : null,
    features,
  };
}

export function presentStaffSession(
  actor: VendorStaffActor,
  features: StaffSession['features'],
): StaffSession {
  return {
    staff: { id: actor.staffId, email: actor.email, name: actor.name },
    csrfToken: actor.csrfToken,
    features,
  };
}
