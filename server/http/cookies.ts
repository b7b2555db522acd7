import type { FastifyReply } from 'fastify';

export const SESSION_COOKIE = 'pp_session';
/** The CSRF token's double, readable by the page, which sends it back as x-csrf-token. */
export const CSRF_COOKIE = 'pp_csrf';
/** The browser's proof that its user has logged in from it before (HttpOnly, sent to /api only). */
export const DEVICE_COOKIE = 'pp_device';

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
export function setDeviceCookie(
  reply: FastifyReply,
  device: { token: string; days: number; secure: boolean },
): void {
  reply.setCookie(DEVICE_COOKIE, device.token, {
    path: '/api',
    sameSite: 'strict',
    httpOnly: true,
    secure: device.secure,
    maxAge: device.days * 86_400,
  });
}
