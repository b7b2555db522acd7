import type { FastifyInstance, FastifyReply } from 'fastify';
import { authApi } from '../../../contract/auth.ts';
import type { Db } from '../../db/client.ts';
import { publicRoute, route } from '../../http/route.ts';
import { login, logout, presentSession } from './auth.service.ts';
import { CSRF_COOKIE, SESSION_COOKIE, SESSION_IDLE_SECONDS } from './sessions.ts';

export function registerAuthRoutes(app: FastifyInstance, deps: { db: Db; cookieSecure: boolean }): void {
  const { db, cookieSecure } = deps;

  const setCookies = (reply: FastifyReply, token: string, csrfToken: string) => {
    const base = { path: '/', sameSite: 'lax' as const, secure: cookieSecure, maxAge: SESSION_IDLE_SECONDS };
    reply.setCookie(SESSION_COOKIE, token, { ...base, httpOnly: true });
    // Readable by scripts on purpose: the double of the token the session holds (sent as x-csrf-token).
    reply.setCookie(CSRF_COOKIE, csrfToken, { ...base, httpOnly: false });
  };

  publicRoute(app, authApi.login, async ({ body, request, reply }) => {
    const { token, actor } = await login(db, {
      email: body.email,
      password: body.password,
      ip: request.ip,
      previousToken: request.cookies[SESSION_COOKIE],
    });
    setCookies(reply, token, actor.csrfToken);
    return presentSession(db, actor);
  });

  route(app, db, authApi.logout, 'authenticated', async ({ request, reply }) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(db, token);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    reply.clearCookie(CSRF_COOKIE, { path: '/' });
    return null;
  });

  route(app, db, authApi.me, 'authenticated', ({ actor }) => presentSession(db, actor));
}
