import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from './lib/dates.ts';
import { grantPurchaser } from './modules/customers/customers.service.ts';
import { setPartnerCreditTerms } from './modules/partners/partners.service.ts';
import { issueLink } from './modules/sessions/one-time-links.ts';
import { deleteExpiredRateLimitWindows } from './shared/rate-limit.ts';
import {
  answerSandboxPayPal,
  createTestCardToken,
  createTestCustomer,
  createTestDirectQuote,
  createTestInvitedUser,
  createTestLicenses,
  createTestPartner,
  createTestStaff,
  inviteTestUser,
  openAccount,
  quoteFor,
  quoteInput,
  TEST_PASSWORD,
  type TestPartner,
} from './test/factories.ts';
import { startTestApp, type TestApp } from './test/harness.ts';
import { login, sessionFrom, type TestSession } from './test/session.ts';

/**
 * Every operation of the OpenAPI document × every kind of caller, against a declared table of
 * outcomes. An operation missing from the table fails the test, so no endpoint ships without its
 * row. "Another partner" asks for the owner's resources and must get the 404 of a missing one.
 */
const actors = ['anonymous', 'otherPartner', 'admin', 'sales', 'billing', 'staff', 'accountAdmin'] as const;
type ActorName = (typeof actors)[number];
type Expected = Record<ActorName, number>;
/**
 * A row names the account admin (a customer's contact, signed in by a one-time link) where it may
 * call the route or the route is public; everywhere else the account admin gets 403.
 */
type RowExpected = Omit<Expected, 'accountAdmin'> & { accountAdmin?: number };

interface World {
  t: TestApp;
  owner: TestPartner;
  other: TestPartner;
  customer: { id: string; customerId: string; email: string };
  renewableLicenseId: string;
  staffEmail: string;
  sessions: Record<Exclude<ActorName, 'anonymous'>, TestSession>;
}

interface Cell {
  method: InjectOptions['method'];
  url: string;
  body?: unknown;
  /** A session of the actor made for this cell alone (logout ends it). */
  session?: TestSession;
  /** Sent without the actor's cookies: a login would replace the session the other cells use. */
  withoutSession?: boolean;
}

interface Row {
  /** Builds the request for one actor, creating what it needs (the owner's quote, a cart line…). */
  cell: (w: World, actor: ActorName) => Promise<Cell>;
  expect: RowExpected;
}

const everyone = (status: number): Expected => ({
  accountAdmin: status,
  anonymous: status,
  otherPartner: status,
  admin: status,
  sales: status,
  billing: status,
  staff: status,
});
/** Partner users holding the permission; billing lacks it; staff are the wrong kind of actor. */
const sellers = (own: number, other = own): RowExpected => ({
  anonymous: 401,
  otherPartner: other,
  admin: own,
  sales: own,
  billing: 403,
  staff: 403,
});

let cartSeq = 0;
/** Puts a fresh line in the cart of `who` and answers its id. */
async function lineOf(w: World, who: TestSession): Promise<string> {
  const code = ['II', 'PY', 'WS', 'GO', 'RD', 'PS', 'CL', 'RM', 'DG', 'RR'][cartSeq++ % 10];
  const cart = (
    await who.post(`/api/customers/${w.customer.customerId}/cart/lines`, {
      productCode: code,
      quantity: 1,
      termYears: 2,
    })
  ).json();
  const line = cart.lines.find(
    (l: { productCode: string; termYears: number }) => l.productCode === code && l.termYears === 2,
  );
  if (!line) throw new Error(`no cart line: ${JSON.stringify(cart)}`);
  return line.id;
}

const matrix: Record<string, Row> = {
  'GET /api/health': { cell: async () => ({ method: 'GET', url: '/api/health' }), expect: everyone(200) },
  'GET /api/health/live': {
    cell: async () => ({ method: 'GET', url: '/api/health/live' }),
    expect: everyone(200),
  },
  'GET /api/health/ready': {
    cell: async () => ({ method: 'GET', url: '/api/health/ready' }),
    expect: everyone(200),
  },
  'POST /api/auth/login': {
    cell: async (w) => ({
      method: 'POST',
      url: '/api/auth/login',
      body: { email: w.owner.emails.billing, password: TEST_PASSWORD },
      withoutSession: true,
    }),
    expect: everyone(200),
  },
  'POST /api/admin/auth/login': {
    cell: async (w) => ({
      method: 'POST',
      url: '/api/admin/auth/login',
      body: { email: w.staffEmail, password: TEST_PASSWORD },
      withoutSession: true,
    }),
    expect: everyone(200),
  },
  'POST /api/auth/logout': {
    cell: async (w, actor) => ({
      method: 'POST',
      url: '/api/auth/logout',
      session: await freshSession(w, actor),
    }),
    expect: { ...everyone(204), anonymous: 401 },
  },
  'GET /api/auth/me': {
    cell: async () => ({ method: 'GET', url: '/api/auth/me' }),
    expect: { ...everyone(200), anonymous: 401, staff: 403, accountAdmin: 403 },
  },
  'PUT /api/auth/me/locale': {
    cell: async () => ({ method: 'PUT', url: '/api/auth/me/locale', body: { locale: 'en' } }),
    expect: { ...everyone(204), anonymous: 401, staff: 403, accountAdmin: 403 },
  },
  'GET /api/auth/sessions': {
    cell: async () => ({ method: 'GET', url: '/api/auth/sessions' }),
    expect: { ...everyone(200), anonymous: 401, staff: 403, accountAdmin: 403 },
  },
  'DELETE /api/auth/sessions/{id}': {
    // A session of the caller's own made for this cell (another partner aims at the owner's).
    cell: async (w, actor) => {
      const own = actor === 'admin' || actor === 'sales' || actor === 'billing';
      const id = await sessionIdOf(await w.owner.loginAs(own ? actor : 'admin'));
      return { method: 'DELETE', url: `/api/auth/sessions/${id}` };
    },
    expect: { ...everyone(204), anonymous: 401, otherPartner: 404, staff: 403, accountAdmin: 403 },
  },
  'GET /api/admin/auth/me': {
    cell: async () => ({ method: 'GET', url: '/api/admin/auth/me' }),
    expect: { ...everyone(403), anonymous: 401, staff: 200, accountAdmin: 403 },
  },
  'GET /api/admin/partners': {
    cell: async () => ({ method: 'GET', url: '/api/admin/partners' }),
    expect: { ...everyone(403), anonymous: 401, staff: 200, accountAdmin: 403 },
  },
  'POST /api/admin/partners': {
    cell: async () => ({
      method: 'POST',
      url: '/api/admin/partners',
      body: {
        name: `Matrix Partner ${crypto.randomUUID()}`,
        country: 'US',
        currency: 'USD',
        discountPercent: 10,
        creditTerms: false,
        admin: { email: `boss.${crypto.randomUUID()}@matrix.test`, name: 'Boss' },
      },
    }),
    expect: { ...everyone(403), anonymous: 401, staff: 201, accountAdmin: 403 },
  },
  'PATCH /api/admin/partners/{id}': {
    cell: async (w) => ({
      method: 'PATCH',
      url: `/api/admin/partners/${w.other.id}`,
      body: { discountPercent: 10 },
    }),
    expect: { ...everyone(403), anonymous: 401, staff: 200, accountAdmin: 403 },
  },
  'GET /api/admin/partners/{id}/users': {
    cell: async (w) => ({ method: 'GET', url: `/api/admin/partners/${w.owner.id}/users` }),
    expect: { ...everyone(403), anonymous: 401, staff: 200, accountAdmin: 403 },
  },
  'GET /api/admin/products': {
    cell: async () => ({ method: 'GET', url: '/api/admin/products' }),
    expect: { ...everyone(403), anonymous: 401, staff: 200, accountAdmin: 403 },
  },
  'PUT /api/admin/products/{code}/prices/{currency}': {
    cell: async () => ({
      method: 'PUT',
      url: '/api/admin/products/RS/prices/EUR',
      body: { yearlyListMinor: 39_900 },
    }),
    expect: { ...everyone(403), anonymous: 401, staff: 200, accountAdmin: 403 },
  },
  'POST /api/admin/products/{code}/withdraw': {
    cell: async () => ({ method: 'POST', url: '/api/admin/products/DS/withdraw' }),
    expect: { ...everyone(403), anonymous: 401, staff: 200, accountAdmin: 403 },
  },
  'POST /api/admin/direct-quotes': {
    cell: async (w) => ({
      method: 'POST',
      url: '/api/admin/direct-quotes',
      body: {
        customerId: w.customer.customerId,
        currency: 'USD',
        billingAddress: quoteInput().billingAddress,
        endUser: { name: 'Direct Buyer', email: 'buyer@direct.test' },
        lines: [{ productCode: 'PY', quantity: 1, termYears: 1 }],
      },
    }),
    expect: { ...everyone(403), anonymous: 401, staff: 201, accountAdmin: 403 },
  },
  'GET /api/admin/invoices': {
    cell: async () => ({ method: 'GET', url: '/api/admin/invoices?status=not_paid' }),
    expect: { ...everyone(403), anonymous: 401, staff: 200, accountAdmin: 403 },
  },
  'POST /api/admin/invoices/{invoiceNumber}/payment': {
    cell: async (w) => ({
      method: 'POST',
      url: `/api/admin/invoices/${await unpaidInvoice(w)}/payment`,
      body: { paidOn: todayUtc(w.t.clock.now) },
    }),
    expect: { ...everyone(403), anonymous: 401, staff: 200, accountAdmin: 403 },
  },
  'POST /api/admin/invoices/{invoiceNumber}/credit-note': {
    cell: async (w) => ({
      method: 'POST',
      url: `/api/admin/invoices/${await unpaidInvoice(w)}/credit-note`,
      body: { reason: 'Matrix' },
    }),
    expect: { ...everyone(403), anonymous: 401, staff: 200, accountAdmin: 403 },
  },
  'POST /api/customers/open': {
    cell: async (w) => ({
      method: 'POST',
      url: '/api/customers/open',
      body: { identifier: { kind: 'customerId', value: w.customer.customerId }, email: w.customer.email },
    }),
    expect: sellers(200),
  },
  'POST /api/customers/find-by-email': {
    cell: async (w) => ({
      method: 'POST',
      url: '/api/customers/find-by-email',
      body: { email: w.customer.email },
    }),
    expect: sellers(200),
  },
  'POST /api/customers': {
    cell: async () => ({
      method: 'POST',
      url: '/api/customers',
      body: {
        companyName: 'Matrix Co',
        country: 'US',
        adminContact: { name: 'Max', email: 'max@matrix.test' },
      },
    }),
    expect: sellers(201),
  },
  'POST /api/quotes/convert-direct': {
    // A direct quote is nobody's yet: any seller with its number may convert it (once).
    cell: async (w) => ({
      method: 'POST',
      url: '/api/quotes/convert-direct',
      body: { quoteNumber: await createTestDirectQuote(w.t.db, w.customer), ...quoteInput() },
    }),
    expect: sellers(201),
  },
  'POST /api/quotes/convert-direct/check': {
    // Like conversion: any seller with the number may check it; nothing is converted.
    cell: async (w) => ({
      method: 'POST',
      url: '/api/quotes/convert-direct/check',
      body: { quoteNumber: await createTestDirectQuote(w.t.db, w.customer) },
    }),
    expect: sellers(200),
  },
  'GET /api/customers/{customerId}/packs-and-teams': {
    cell: async (w) => ({ method: 'GET', url: `/api/customers/${w.customer.customerId}/packs-and-teams` }),
    expect: sellers(200),
  },
  'POST /api/customers/{customerId}/cart/renewals': {
    cell: async (w) => ({
      method: 'POST',
      url: `/api/customers/${w.customer.customerId}/cart/renewals`,
      body: { kind: 'renewal', licenseIds: [w.renewableLicenseId], termYears: 1 },
    }),
    expect: sellers(201),
  },
  'PUT /api/customers/{customerId}/cart/details': {
    cell: async (w) => ({
      method: 'PUT',
      url: `/api/customers/${w.customer.customerId}/cart/details`,
      body: { team: { kind: 'new', name: 'Matrix team' }, pack: { kind: 'new' } },
    }),
    expect: sellers(200),
  },
  'GET /api/customers/{customerId}/licenses': {
    cell: async (w) => ({
      method: 'GET',
      url: `/api/customers/${w.customer.customerId}/licenses?show=ending90`,
    }),
    expect: sellers(200),
  },
  'POST /api/customers/{customerId}/licenses/search': {
    cell: async (w) => ({
      method: 'POST',
      url: `/api/customers/${w.customer.customerId}/licenses/search`,
      body: { mode: 'licenses', text: 'OIY94JBDUQ, ABCDEFGHIJ' },
    }),
    expect: sellers(200),
  },
  'PUT /api/customers/{customerId}/licenses/{licenseId}/assignment': {
    // The customer's license, not a partner's: any seller with the account open (by proof) manages it.
    cell: async (w) => ({
      method: 'PUT',
      url: `/api/customers/${w.customer.customerId}/licenses/${w.renewableLicenseId}/assignment`,
      body: { email: 'matrix@customer.test' },
    }),
    expect: sellers(200),
  },
  'DELETE /api/customers/{customerId}/licenses/{licenseId}/assignment': {
    cell: async (w) => ({
      method: 'DELETE',
      url: `/api/customers/${w.customer.customerId}/licenses/${w.renewableLicenseId}/assignment`,
    }),
    expect: sellers(200),
  },
  'GET /api/partner/profile': {
    cell: async () => ({ method: 'GET', url: '/api/partner/profile' }),
    // Every partner user reads their own organisation; another partner reads its own.
    expect: { ...everyone(200), anonymous: 401, staff: 403, accountAdmin: 403 },
  },
  'PUT /api/partner/profile/billing-address': {
    cell: async () => ({
      method: 'PUT',
      url: '/api/partner/profile/billing-address',
      body: quoteInput().billingAddress,
    }),
    expect: { anonymous: 401, otherPartner: 200, admin: 200, sales: 403, billing: 403, staff: 403 },
  },
  'GET /api/dev/mailbox': {
    cell: async () => ({ method: 'GET', url: '/api/dev/mailbox' }),
    // This app sends its emails (no development mailbox): every caller learns there is none.
    expect: { ...everyone(404), anonymous: 401, accountAdmin: 403 },
  },
  'GET /api/dev/mailbox/{id}': {
    cell: async () => ({ method: 'GET', url: '/api/dev/mailbox/00000000-0000-4000-8000-000000000000' }),
    expect: { ...everyone(404), anonymous: 401, accountAdmin: 403 },
  },
  'GET /api/dev/mailbox/account-admin': {
    cell: async (w) => ({
      method: 'GET',
      url: `/api/dev/mailbox/account-admin?customerId=${w.customer.customerId}&email=${encodeURIComponent(w.customer.email)}`,
    }),
    // The account admin's sign-in links, logged out, in demo mode only: not here, for anyone.
    expect: everyone(404),
  },
  'GET /api/customers/recent': {
    cell: async () => ({ method: 'GET', url: '/api/customers/recent' }),
    expect: sellers(200),
  },
  'POST /api/customers/close': {
    cell: async () => ({ method: 'POST', url: '/api/customers/close' }),
    // Closing is allowed to any partner user: it only forgets which account the session shows.
    expect: { ...everyone(204), anonymous: 401, staff: 403, accountAdmin: 403 },
  },
  'GET /api/catalog/products': {
    cell: async () => ({ method: 'GET', url: '/api/catalog/products' }),
    expect: sellers(200),
  },
  'GET /api/customers/{customerId}/cart': {
    cell: async (w) => ({ method: 'GET', url: `/api/customers/${w.customer.customerId}/cart` }),
    // Another partner's user sees its own (empty) cart for the account, never the owner's.
    expect: sellers(200),
  },
  'POST /api/customers/{customerId}/cart/lines': {
    cell: async (w) => ({
      method: 'POST',
      url: `/api/customers/${w.customer.customerId}/cart/lines`,
      body: { productCode: 'DG', quantity: 1, termYears: 1 },
    }),
    expect: sellers(201),
  },
  'PATCH /api/customers/{customerId}/cart/lines/{lineId}': {
    cell: async (w) => ({
      method: 'PATCH',
      url: `/api/customers/${w.customer.customerId}/cart/lines/${await lineOf(w, w.sessions.sales)}`,
      body: { quantity: 2, termYears: 1 },
    }),
    // A cart belongs to its user: even a colleague's line is not there for the admin.
    expect: { ...sellers(404), sales: 200 },
  },
  'DELETE /api/customers/{customerId}/cart/lines/{lineId}': {
    cell: async (w) => ({
      method: 'DELETE',
      url: `/api/customers/${w.customer.customerId}/cart/lines/${await lineOf(w, w.sessions.sales)}`,
    }),
    expect: { ...sellers(404), sales: 200 },
  },
  'POST /api/quotes': {
    cell: async (w, actor) => {
      // Each seller quotes its own cart; another partner may quote the same account for itself.
      if (actor === 'admin' || actor === 'sales' || actor === 'otherPartner')
        await lineOf(w, w.sessions[actor]);
      return {
        method: 'POST',
        url: '/api/quotes',
        body: { customerId: w.customer.customerId, ...quoteInput() },
      };
    },
    expect: sellers(201),
  },
  'GET /api/quotes': { cell: async () => ({ method: 'GET', url: '/api/quotes' }), expect: sellers(200) },
  'GET /api/quotes.csv': {
    cell: async () => ({ method: 'GET', url: '/api/quotes.csv?status=open' }),
    expect: sellers(200),
  },
  'GET /api/quotes/{quoteNumber}': {
    cell: async (w) => ({ method: 'GET', url: `/api/quotes/${await ownerQuote(w)}` }),
    expect: sellers(200, 404),
  },
  'POST /api/quotes/{quoteNumber}/email': {
    cell: async (w) => ({
      method: 'POST',
      url: `/api/quotes/${await ownerQuote(w)}/email`,
      body: { to: 'copy@customer.test', copy: 'customer' },
    }),
    expect: sellers(202, 404),
  },
  'POST /api/orders': {
    cell: async (w) => ({
      method: 'POST',
      url: '/api/orders',
      body: { quoteNumber: await ownerQuote(w), payment: { method: 'card', token: await cardToken(w) } },
    }),
    // A colleague may order the partner's quote; another partner cannot tell it exists.
    expect: sellers(201, 404),
  },
  'GET /api/orders.csv': {
    cell: async () => ({ method: 'GET', url: '/api/orders.csv?q=acme' }),
    expect: { ...sellers(200), billing: 200 },
  },
  'GET /api/orders': {
    cell: async () => ({ method: 'GET', url: '/api/orders' }),
    // Another partner lists its own orders (none of the owner's): the list itself is not a resource.
    expect: { ...sellers(200), billing: 200 },
  },
  'POST /api/orders/paypal': {
    cell: async (w) => ({
      method: 'POST',
      url: '/api/orders/paypal',
      body: { quoteNumber: await ownerQuote(w) },
    }),
    expect: sellers(201, 404),
  },
  'POST /api/orders/{orderNumber}/activation-email': {
    cell: async (w) => ({ method: 'POST', url: `/api/orders/${await ownerOrder(w)}/activation-email` }),
    expect: sellers(202, 404),
  },
  'POST /api/orders/{orderNumber}/resend-licenses': {
    cell: async (w) => ({ method: 'POST', url: `/api/orders/${await ownerOrder(w)}/resend-licenses` }),
    expect: sellers(202, 404),
  },
  'POST /api/orders/{orderNumber}/renewal-cart': {
    cell: async (w) => ({ method: 'POST', url: `/api/orders/${await ownerOrder(w)}/renewal-cart` }),
    expect: sellers(200, 404),
  },
  'GET /api/orders/{orderNumber}': {
    cell: async (w) => ({ method: 'GET', url: `/api/orders/${await ownerOrder(w)}` }),
    // Billing reads orders (SPEC §1); another partner's order is not found.
    expect: { ...sellers(200, 404), billing: 200 },
  },
  'POST /api/account-admin/links': {
    cell: async (w) => ({
      method: 'POST',
      url: '/api/account-admin/links',
      body: { customerId: w.customer.customerId, email: `someone.${crypto.randomUUID()}@matrix.test` },
      withoutSession: true,
    }),
    expect: everyone(202),
  },
  'POST /api/account-admin/sessions': {
    cell: async (w) => ({
      method: 'POST',
      url: '/api/account-admin/sessions',
      body: {
        token: await issueLink(w.t.db, {
          purpose: 'account_admin',
          subject: { customerAccountId: w.customer.id },
          email: w.customer.email,
          now: w.t.clock.now,
        }),
      },
      withoutSession: true,
    }),
    expect: everyone(200),
  },
  'GET /api/account-admin/account': {
    cell: async () => ({ method: 'GET', url: '/api/account-admin/account' }),
    expect: { ...everyone(403), anonymous: 401, accountAdmin: 200 },
  },
  'GET /api/account-admin/partners': {
    cell: async () => ({ method: 'GET', url: '/api/account-admin/partners?q=partner' }),
    expect: { ...everyone(403), anonymous: 401, accountAdmin: 200 },
  },
  'POST /api/account-admin/purchasers': {
    cell: async (w) => ({
      method: 'POST',
      url: '/api/account-admin/purchasers',
      body: { partnerId: w.other.id },
    }),
    expect: { ...everyone(403), anonymous: 401, accountAdmin: 200 },
  },
  'DELETE /api/account-admin/purchasers/{partnerId}': {
    cell: async (w, actor) => {
      // The account admin withdraws a grant it made; the others are refused before any grant matters.
      if (actor === 'accountAdmin')
        await w.sessions.accountAdmin.post('/api/account-admin/purchasers', { partnerId: w.other.id });
      return { method: 'DELETE', url: `/api/account-admin/purchasers/${w.other.id}` };
    },
    expect: { ...everyone(403), anonymous: 401, accountAdmin: 200 },
  },
  'GET /api/partner/users': {
    cell: async () => ({ method: 'GET', url: '/api/partner/users' }),
    expect: { anonymous: 401, otherPartner: 200, admin: 200, sales: 403, billing: 403, staff: 403 },
  },
  'POST /api/partner/users': {
    cell: async () => ({
      method: 'POST',
      url: '/api/partner/users',
      body: { email: `invitee.${crypto.randomUUID()}@matrix.test`, name: 'Invitee', role: 'sales' },
    }),
    expect: { anonymous: 401, otherPartner: 201, admin: 201, sales: 403, billing: 403, staff: 403 },
  },
  'PUT /api/partner/users/{id}/role': {
    cell: async (w) => ({
      method: 'PUT',
      url: `/api/partner/users/${await ownerUser(w)}/role`,
      body: { role: 'billing' },
    }),
    expect: { anonymous: 401, otherPartner: 404, admin: 200, sales: 403, billing: 403, staff: 403 },
  },
  'POST /api/partner/users/{id}/deactivate': {
    cell: async (w) => ({ method: 'POST', url: `/api/partner/users/${await ownerUser(w)}/deactivate` }),
    expect: { anonymous: 401, otherPartner: 404, admin: 200, sales: 403, billing: 403, staff: 403 },
  },
  // Another partner's invitation is a missing one (404), whoever it was sent to.
  'POST /api/partner/invitations/{id}/resend': {
    cell: async (w) => ({
      method: 'POST',
      url: `/api/partner/invitations/${(await ownerInvitation(w)).id}/resend`,
    }),
    expect: { anonymous: 401, otherPartner: 404, admin: 200, sales: 403, billing: 403, staff: 403 },
  },
  'POST /api/partner/invitations/{id}/cancel': {
    cell: async (w) => ({
      method: 'POST',
      url: `/api/partner/invitations/${(await ownerInvitation(w)).id}/cancel`,
    }),
    expect: { anonymous: 401, otherPartner: 404, admin: 200, sales: 403, billing: 403, staff: 403 },
  },
  'GET /api/partner/audit': {
    cell: async () => ({ method: 'GET', url: '/api/partner/audit' }),
    expect: { anonymous: 401, otherPartner: 200, admin: 200, sales: 403, billing: 403, staff: 403 },
  },
  'GET /api/partner/audit.csv': {
    cell: async () => ({ method: 'GET', url: '/api/partner/audit.csv?action=customer.' }),
    expect: { anonymous: 401, otherPartner: 200, admin: 200, sales: 403, billing: 403, staff: 403 },
  },
  // The link is the credential: whoever holds it (logged in or not) sees and uses it, once.
  'GET /api/invitations/{token}': {
    cell: async (w) => ({ method: 'GET', url: `/api/invitations/${(await ownerInvitation(w)).token}` }),
    expect: everyone(200),
  },
  'POST /api/invitations/{token}': {
    cell: async (w) => ({
      method: 'POST',
      url: `/api/invitations/${(await ownerInvitation(w)).token}`,
      body: { password: 'a long enough password' },
    }),
    expect: everyone(200),
  },
  'GET /api/customers/managed': {
    cell: async () => ({ method: 'GET', url: '/api/customers/managed' }),
    expect: sellers(200),
  },
  'GET /api/customers/{customerId}/licensing-report': {
    cell: async (w) => ({ method: 'GET', url: `/api/customers/${await ownerManaged(w)}/licensing-report` }),
    expect: sellers(200, 404),
  },
  'GET /api/customers/{customerId}/licensing-report.csv': {
    cell: async (w) => ({
      method: 'GET',
      url: `/api/customers/${await ownerManaged(w)}/licensing-report.csv`,
    }),
    expect: sellers(200, 404),
  },
  'GET /api/invoices': {
    cell: async () => ({ method: 'GET', url: '/api/invoices' }),
    // Admin and billing (SPEC §1); sales sell but do not see invoices.
    expect: { anonymous: 401, otherPartner: 200, admin: 200, sales: 403, billing: 200, staff: 403 },
  },
  'GET /api/invoices.csv': {
    cell: async () => ({ method: 'GET', url: '/api/invoices.csv?status=not_paid' }),
    expect: { anonymous: 401, otherPartner: 200, admin: 200, sales: 403, billing: 200, staff: 403 },
  },
  'GET /api/invoices/overdue': {
    cell: async () => ({ method: 'GET', url: '/api/invoices/overdue' }),
    expect: { anonymous: 401, otherPartner: 200, admin: 200, sales: 403, billing: 200, staff: 403 },
  },
  'GET /api/invoices/{invoiceNumber}': {
    cell: async (w) => ({ method: 'GET', url: `/api/invoices/${await ownerInvoice(w)}` }),
    expect: { anonymous: 401, otherPartner: 404, admin: 200, sales: 403, billing: 200, staff: 403 },
  },
  'GET /api/invoices/{invoiceNumber}/pdf': {
    cell: async (w) => ({ method: 'GET', url: `/api/invoices/${await ownerInvoice(w)}/pdf` }),
    expect: { anonymous: 401, otherPartner: 404, admin: 200, sales: 403, billing: 200, staff: 403 },
  },
  'GET /api/invoices/{invoiceNumber}/credit-note': {
    cell: async (w) => ({ method: 'GET', url: `/api/invoices/${await creditedInvoice(w)}/credit-note` }),
    expect: { anonymous: 401, otherPartner: 404, admin: 200, sales: 403, billing: 200, staff: 403 },
  },
  'POST /api/invoices/{invoiceNumber}/payment': {
    cell: async (w) => ({
      method: 'POST',
      url: `/api/invoices/${await unpaidInvoice(w)}/payment`,
      body: { payment: { method: 'card', token: await cardToken(w) } },
    }),
    // Pay now: admin and billing (who see invoices and handle payment methods); another partner
    // cannot tell the invoice exists.
    expect: { anonymous: 401, otherPartner: 404, admin: 200, sales: 403, billing: 200, staff: 403 },
  },
  'POST /api/invoices/{invoiceNumber}/paypal': {
    cell: async (w) => ({ method: 'POST', url: `/api/invoices/${await unpaidInvoice(w)}/paypal` }),
    expect: { anonymous: 401, otherPartner: 404, admin: 201, sales: 403, billing: 201, staff: 403 },
  },
  'GET /api/payment-methods': {
    cell: async () => ({ method: 'GET', url: '/api/payment-methods' }),
    expect: { ...everyone(200), anonymous: 401, staff: 403, accountAdmin: 403 },
  },
  'POST /api/payment-methods': {
    cell: async (w) => ({ method: 'POST', url: '/api/payment-methods', body: { token: await cardToken(w) } }),
    // Admin and billing manage payment methods; sales pays with them (SPEC §1).
    expect: { anonymous: 401, otherPartner: 201, admin: 201, sales: 403, billing: 201, staff: 403 },
  },
  'POST /api/payment-methods/paypal': {
    cell: async () => ({ method: 'POST', url: '/api/payment-methods/paypal' }),
    expect: { anonymous: 401, otherPartner: 201, admin: 201, sales: 403, billing: 201, staff: 403 },
  },
  'POST /api/payment-methods/paypal/complete': {
    cell: async (w, actor) => ({
      method: 'POST',
      url: '/api/payment-methods/paypal/complete',
      // The owner's billing user completes a setup of its own; everyone else one the owner's admin started.
      body: {
        approvalId: await approvedPayPalSetup(w, actor === 'billing' ? w.sessions.billing : w.sessions.admin),
      },
    }),
    // Only the partner user who started a setup completes it: another partner's approval id is
    // answered as an unknown one; sales cannot store payment methods.
    expect: { anonymous: 401, otherPartner: 404, admin: 201, sales: 403, billing: 201, staff: 403 },
  },
  'PUT /api/payment-methods/{id}/default': {
    cell: async (w) => ({ method: 'PUT', url: `/api/payment-methods/${await ownerMethod(w)}/default` }),
    expect: { anonymous: 401, otherPartner: 404, admin: 200, sales: 403, billing: 200, staff: 403 },
  },
  'DELETE /api/payment-methods/{id}': {
    cell: async (w) => ({ method: 'DELETE', url: `/api/payment-methods/${await ownerMethod(w)}` }),
    expect: { anonymous: 401, otherPartner: 404, admin: 200, sales: 403, billing: 200, staff: 403 },
  },
  'GET /api/quotes/{quoteNumber}/pdf': {
    cell: async (w) => ({ method: 'GET', url: `/api/quotes/${await ownerQuote(w)}/pdf?copy=customer` }),
    expect: sellers(200, 404),
  },
  // Those who may change a quote (cancel it) set its resale prices; billing may not, nor another partner.
  'PUT /api/quotes/{quoteNumber}/resale-prices': {
    cell: async (w) => ({
      method: 'PUT',
      url: `/api/quotes/${await ownerQuote(w)}/resale-prices`,
      body: { lines: [{ lineNo: 1, resaleMinor: 123_45 }] },
    }),
    expect: sellers(200, 404),
  },
  'POST /api/quotes/{quoteNumber}/cancel': {
    cell: async (w) => ({ method: 'POST', url: `/api/quotes/${await ownerQuote(w)}/cancel` }),
    expect: sellers(200, 404),
  },
};

const cardToken = (w: World) => createTestCardToken(w.t.app);

/** A card stored by the owner's admin, for the cells that change one. */
async function ownerMethod(w: World): Promise<string> {
  const list = (await w.sessions.admin.post('/api/payment-methods', { token: await cardToken(w) })).json();
  return list.items.at(-1).id;
}

/** A PayPal account the owner's admin asked to store and the buyer approved. */
async function approvedPayPalSetup(w: World, starter: TestSession): Promise<string> {
  const started = (await starter.post('/api/payment-methods/paypal')).json();
  await answerSandboxPayPal(w.t.app, started.approveUrl);
  return started.id;
}

/** The cells invite more users than an admin may email in an hour; that limit is tested elsewhere. */
const freshInviteBudget = (w: World) =>
  deleteExpiredRateLimitWindows(w.t.db, new Date(w.t.clock.now.getTime() + 24 * 3600_000));

/** A user of the owner, invited and accepted (fresh for each cell that changes one). */
async function ownerUser(w: World): Promise<string> {
  await freshInviteBudget(w);
  return (await createTestInvitedUser(w.sessions.admin, w.t.db)).id;
}

/** A pending invitation of the owner, with its link's token (fresh for each cell). */
async function ownerInvitation(w: World) {
  await freshInviteBudget(w);
  return inviteTestUser(w.sessions.admin, w.t.db);
}

/** A postpaid (unpaid) invoice of the owner, fresh for each cell that settles one. */
async function unpaidInvoice(w: World): Promise<string> {
  await setPartnerCreditTerms(w.t.db, w.owner.id, true);
  const order = (
    await w.sessions.sales.post('/api/orders', {
      quoteNumber: await ownerQuote(w),
      payment: { method: 'postpaid' },
    })
  ).json();
  return order.invoice.invoiceNumber;
}

let creditedOfOwner: string | undefined;
/** An invoice of the owner settled by a credit note (made once: reading it changes nothing). */
async function creditedInvoice(w: World): Promise<string> {
  if (!creditedOfOwner) {
    const invoiceNumber = await unpaidInvoice(w);
    await w.sessions.staff.post(`/api/admin/invoices/${invoiceNumber}/credit-note`, { reason: 'Matrix' });
    creditedOfOwner = invoiceNumber;
  }
  return creditedOfOwner;
}

let managedByOwner: string | undefined;
/** An account whose admin made the owner its Purchaser (made once: reading it changes nothing). */
async function ownerManaged(w: World): Promise<string> {
  if (!managedByOwner) {
    const account = await createTestCustomer(w.t.db);
    await grantPurchaser(w.t.db, {
      partnerId: w.owner.id,
      customerAccountId: account.id,
      now: w.t.clock.now,
    });
    managedByOwner = account.customerId;
  }
  return managedByOwner;
}

let invoiceOfOwner: string | undefined;
/** An invoice of the owner (one order's, made once: reading it changes nothing). */
async function ownerInvoice(w: World): Promise<string> {
  invoiceOfOwner ??= (await w.sessions.admin.get(`/api/orders/${await ownerOrder(w)}`)).json().invoice
    .invoiceNumber;
  return invoiceOfOwner as string;
}

async function ownerOrder(w: World): Promise<string> {
  const quote = await ownerQuote(w);
  const res = await w.sessions.sales.post('/api/orders', {
    quoteNumber: quote,
    payment: { method: 'card', token: await cardToken(w) },
  });
  return res.json().orderNumber;
}

async function ownerQuote(w: World): Promise<string> {
  const quote = await quoteFor(w.sessions.sales, w.customer);
  return quote.quoteNumber;
}

/** An admin contact of the account, signed in with a one-time link as the email carries it. */
async function accountAdminSession(t: TestApp, account: { id: string; email: string }): Promise<TestSession> {
  const token = await issueLink(t.db, {
    purpose: 'account_admin',
    subject: { customerAccountId: account.id },
    email: account.email,
    now: t.clock.now,
  });
  const res = await t.app.inject({ method: 'POST', url: '/api/account-admin/sessions', payload: { token } });
  if (res.statusCode !== 200) throw new Error(`account admin sign-in failed: ${res.body}`);
  return sessionFrom(t.app, res);
}

/** The public id of a partner user's session, as its own Sessions page lists it. */
async function sessionIdOf(session: TestSession): Promise<string> {
  const { items } = (await session.get('/api/auth/sessions')).json() as {
    items: { id: string; current: boolean }[];
  };
  const current = items.find((item) => item.current);
  if (!current) throw new Error(`no current session: ${JSON.stringify(items)}`);
  return current.id;
}

async function freshSession(w: World, actor: ActorName): Promise<TestSession | undefined> {
  switch (actor) {
    case 'anonymous':
      return undefined;
    case 'staff':
      return login(w.t.app, w.staffEmail, TEST_PASSWORD, { url: '/api/admin/auth/login' });
    case 'otherPartner':
      return w.other.loginAs('admin');
    case 'accountAdmin':
      return accountAdminSession(w.t, w.customer);
    default:
      return w.owner.loginAs(actor);
  }
}

function send(w: World, actor: ActorName, cell: Cell): Promise<LightMyRequestResponse> {
  const session =
    cell.session ?? (actor === 'anonymous' || cell.withoutSession ? undefined : w.sessions[actor]);
  if (!session) {
    return w.t.app.inject({
      method: cell.method,
      url: cell.url,
      ...(cell.body ? { payload: cell.body as object } : {}),
    });
  }
  return session.request(cell.method as 'GET', cell.url, cell.body);
}

let world: World;
beforeAll(async () => {
  const t = await startTestApp();
  const owner = await createTestPartner(t.db, t.app);
  const other = await createTestPartner(t.db, t.app);
  const staff = await createTestStaff(t.db, t.app);
  const customer = await createTestCustomer(t.db);
  // Seats inside their renewal window: every seller may put them in their own cart.
  const renewable = await createTestLicenses(t.db, customer, {
    seats: 1,
    periodStart: addDays(todayUtc(t.clock.now), -300),
    periodEnd: addDays(todayUtc(t.clock.now), 65),
  });
  world = {
    t,
    owner,
    other,
    customer,
    renewableLicenseId: renewable.licenses[0]?.licenseId ?? '',
    staffEmail: staff.email,
    sessions: {
      otherPartner: await other.loginAs('admin'),
      admin: await owner.loginAs('admin'),
      sales: await owner.loginAs('sales'),
      billing: await owner.loginAs('billing'),
      staff: await staff.login(),
      accountAdmin: await accountAdminSession(t, customer),
    },
  };
});
afterAll(() => world.t.close());

async function operationsOfTheDocument(): Promise<string[]> {
  const doc = (await world.t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
  return Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, operations]) =>
    Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

describe('the authorization matrix', () => {
  it('has a row for every operation of the OpenAPI document, and none for a missing one', async () => {
    expect(Object.keys(matrix).sort()).toEqual((await operationsOfTheDocument()).sort());
  });

  for (const [operation, row] of Object.entries(matrix)) {
    it(operation, async () => {
      const seen: Partial<Record<ActorName, number>> = {};
      const notFoundCodes: string[] = [];
      for (const actor of actors) {
        // Sellers work on the account the page shows: open it first (a cell may have closed it).
        if (actor === 'admin' || actor === 'sales' || actor === 'otherPartner') {
          await openAccount(world.sessions[actor], world.customer).catch((e) => {
            throw new Error(`${actor}: ${e}`);
          });
        }
        const res = await send(world, actor, await row.cell(world, actor));
        seen[actor] = res.statusCode;
        if (res.statusCode >= 400)
          expect(res.json()).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        if (actor === 'otherPartner' && res.statusCode === 404) notFoundCodes.push(res.json().code);
      }
      expect(seen).toEqual({ accountAdmin: 403, ...row.expect });
      // "Not yours" is the answer of "does not exist": a not-found code, never a forbidden one.
      for (const code of notFoundCodes) expect(code).toMatch(/not_found$/);
    });
  }
});
