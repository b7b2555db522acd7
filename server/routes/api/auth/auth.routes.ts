import type { FastifyInstance, FastifyReply } from 'fastify';
import { adminApi } from '../../../../contract/admin.ts';
import { authApi } from '../../../../contract/auth.ts';
import {
  clearSessionCookies,
  DEVICE_COOKIE,
  SESSION_COOKIE,
  setDeviceCookie,
  setSessionCookies,
} from '../../../http/cookies.ts';
import { publicRoute, type RouteContext, route } from '../../../http/route.ts';
import {
  type AccountKind,
  type LoggedIn,
  login,
  logout,
  presentSession,
  presentStaffSession,
} from '../../../modules/auth/auth.service.ts';
import { endOwnSession, listOwnSessions } from '../../../modules/auth/own-sessions.ts';
import { setUserLocale } from '../../../modules/partners/partners.service.ts';
import { DEVICE_DAYS } from '../../../modules/sessions/devices.ts';

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const features = () => ({
    devMailbox: app.portal.mail.devMailbox,
    paypal: app.portal.paypal !== null,
    cardForm: app.portal.payments.name === 'sandbox',
  });
  const { db } = app.portal;

  const logIn = async (
    kind: AccountKind,
    {
      body,
      meta,
      request,
      reply,
    }: Pick<RouteContext<typeof authApi.login>, 'body' | 'meta' | 'request' | 'reply'>,
  ): Promise<LoggedIn> => {
    const loggedIn = await login(db, {
      kind,
      email: body.email,
      password: body.password,
      meta,
      deviceToken: request.cookies[DEVICE_COOKIE],
      previousToken: request.cookies[SESSION_COOKIE],
      userAgent: request.headers['user-agent'],
    });
    startSession(reply, loggedIn, meta.now);
    return loggedIn;
  };

  const startSession = (reply: FastifyReply, loggedIn: LoggedIn, now: Date) => {
    const secure = app.portal.cookieSecure;
    setSessionCookies(reply, {
      token: loggedIn.token,
      csrfToken: loggedIn.actor.csrfToken,
      expiresAt: loggedIn.expiresAt,
      now,
      secure,
    });
    if (loggedIn.newDeviceToken)
      setDeviceCookie(reply, { token: loggedIn.newDeviceToken, days: DEVICE_DAYS, secure });
  };

  publicRoute(app, authApi.login, async (ctx) => {
    const { actor } = await logIn('partner_user', ctx);
    if (actor.kind !== 'partner_user') throw new Error('a partner login made another kind of session');
    return presentSession(actor, features());
  });

  publicRoute(app, adminApi.login, async (ctx) => {
    const { actor } = await logIn('vendor_staff', ctx);
    if (actor.kind !== 'vendor_staff') throw new Error('a staff login made another kind of session');
    return presentStaffSession(actor, { devMailbox: app.portal.mail.devMailbox });
  });

  route(
    app,
    authApi.logout,
    { actors: ['partner_user', 'vendor_staff', 'account_admin'] },
    async ({ actor, reply }) => {
      await logout(db, actor);
      clearSessionCookies(reply);
      return null;
    },
  );

  route(app, authApi.me, { actors: ['partner_user'] }, async ({ actor }) =>
    presentSession(actor, features()),
  );

  route(app, authApi.sessions, { actors: ['partner_user'] }, async ({ actor, db: tx, meta }) =>
    listOwnSessions(tx, actor, meta.now),
  );

  route(
    app,
    authApi.endSession,
    { actors: ['partner_user'] },
    async ({ actor, db: tx, meta, params, reply }) => {
      const { current } = await endOwnSession(tx, { actor, id: params.id, meta });
      if (current) clearSessionCookies(reply);
      return null;
    },
  );

  route(app, authApi.setLocale, { actors: ['partner_user'] }, async ({ actor, body, db: tx }) => {
    await setUserLocale(tx, { userId: actor.userId, locale: body.locale });
    return null;
  });

  route(app, adminApi.me, { actors: ['vendor_staff'] }, async ({ actor }) =>
    presentStaffSession(actor, { devMailbox: app.portal.mail.devMailbox }),
  );
}
