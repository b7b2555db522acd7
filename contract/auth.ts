import { z } from 'zod';
import { Locale } from './catalog.ts';
import { OpenCustomerAccount } from './customers.ts';
import { endpoint } from './endpoint.ts';
import { Currency } from './money.ts';
import { Permission, Role } from './permissions.ts';
import { Email, secret } from './validation.ts';

export const LoginRequest = z
  .strictObject({
    email: Email,
    password: secret(200),
  })
  .meta({ id: 'LoginRequest' });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const SessionInfo = z
  .object({
    user: z.object({ id: z.uuid(), email: z.string(), name: z.string(), role: Role, locale: Locale }),
    partner: z.object({
      id: z.uuid(),
      name: z.string(),
      country: z.string(),
      currency: Currency,
      discountPercent: z.number(),
    }),
    permissions: z.array(Permission),
    /** Send back in the `x-csrf-token` header with every state-changing request. */
    csrfToken: z.string(),
    /** The customer account opened in this session, shown in the top bar until closed. */
    openAccount: OpenCustomerAccount.nullable(),
    /** Parts of the app this deployment has: the development mailbox (demo mode without SMTP). */
    features: z.object({
      devMailbox: z.boolean(),
      /** PayPal is offered at Checkout and on Payment methods. */
      paypal: z.boolean(),
      /**
       * The card provider's hosted card form is served through the portal (the sandbox): new cards
       * are entered at Checkout and on Payment methods. With Adyen, cards are the ones stored there.
       */
      cardForm: z.boolean(),
    }),
  })
  .meta({ id: 'SessionInfo' });
export type SessionInfo = z.infer<typeof SessionInfo>;

export const SetLocaleRequest = z.strictObject({ locale: Locale }).meta({ id: 'SetLocaleRequest' });

/** One of the user's live sessions, for their Sessions page (the token's hash never leaves the server). */
export const UserSession = z
  .object({
    id: z.uuid(),
    /** The browser's User-Agent at login; null when it sent none. */
    userAgent: z.string().nullable(),
    signedInAt: z.iso.datetime(),
    lastSeenAt: z.iso.datetime(),
    /** The session of the browser asking. */
    current: z.boolean(),
  })
  .meta({ id: 'UserSession' });
export type UserSession = z.infer<typeof UserSession>;

export const UserSessionList = z.object({ items: z.array(UserSession) }).meta({ id: 'UserSessionList' });
export type UserSessionList = z.infer<typeof UserSessionList>;

const UserSessionParams = z.strictObject({ id: z.uuid({ error: 'invalid' }) });

export const authApi = {
  login: endpoint({
    method: 'POST',
    path: '/api/auth/login',
    operationId: 'login',
    summary: 'Log in as a partner user with email and password; sets the session cookie',
    tag: 'auth',
    body: LoginRequest,
    response: SessionInfo,
  }),
  logout: endpoint({
    method: 'POST',
    path: '/api/auth/logout',
    operationId: 'logout',
    summary: 'Log out (a partner user or vendor staff) and delete the session',
    tag: 'auth',
    response: z.null(),
    status: 204,
  }),
  setLocale: endpoint({
    method: 'PUT',
    path: '/api/auth/me/locale',
    operationId: 'setLocale',
    summary: "Remember the user's interface language, for every browser they log in from",
    tag: 'auth',
    body: SetLocaleRequest,
    response: z.null(),
    status: 204,
  }),
  sessions: endpoint({
    method: 'GET',
    path: '/api/auth/sessions',
    operationId: 'listUserSessions',
    summary: "The logged-in partner user's live sessions, newest first, marking this browser's",
    tag: 'auth',
    response: UserSessionList,
  }),
  endSession: endpoint({
    method: 'DELETE',
    path: '/api/auth/sessions/:id',
    operationId: 'endUserSession',
    summary: "Sign out one of the logged-in partner user's own sessions (another user's is not found)",
    tag: 'auth',
    params: UserSessionParams,
    response: z.null(),
    status: 204,
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/auth/me',
    operationId: 'getSession',
    summary: 'The logged-in partner user, partner, permissions, CSRF token and open account',
    tag: 'auth',
    response: SessionInfo,
  }),
};
