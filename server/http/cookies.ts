import type { FastifyReply } from 'fastify';
import { DEVICE_COOKIE, DEVICE_DAYS } from '../modules/sessions/devices.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../modules/sessions/sessions.ts';

/**
 * The session cookie lives as long as the session may stay idle, and is sent again whenever the
 * idle expiry slides; the CSRF double is readable by the page on purpose (sent as x-csrf-token).
 */
export function setSessionCookies(
  reply: FastifyReply,
  session: { token: string; csrfToken: string; expiresAt: Date; now: Date; secure: boolean },
): void {
  const maxAge = Math.max(0, Math.floor((session.expiresAt.getTime() - session.now.getTime()) / 1000));
  const base = { path: '/', sameSite: 'lax' as const, secure: session.secure, maxAge };
  reply.setCookie(SESSION_COOKIE, session.token, { ...base, httpOnly: true });
  reply.setCookie(CSRF_COOKIE, session.csrfToken, { ...base, httpOnly: false });
}

export function clearSessionCookies(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
  reply.clearCookie(CSRF_COOKIE, { path: '/' });
}

/** Only the login endpoints read it; Strict, so no other site's form or link ever carries it. */
export function setDeviceCookie(reply: FastifyReply, token: string, secure: boolean): void {
  reply.setCookie(DEVICE_COOKIE, token, {
    path: '/api',
    sameSite: 'strict',
    httpOnly: true,
    secure,
    maxAge: DEVICE_DAYS * 86_400,
  });
}
