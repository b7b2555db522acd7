import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../contract/errors.ts';
import { addDays, todayUtc } from './lib/dates.ts';
import { grantPurchaser } from './modules/customers/customers.service.ts';
import { setPartnerCreditTerms } from './modules/partners/partners.service.ts';
import { issueLink } from './modules/sessions/one-time-links.ts';
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
} from './test/factories.ts';
import { startTestApp, type TestApp } from './test/harness.ts';
import { sessionFrom, type TestSession } from './test/session.ts';

/**
 * Every operation of the OpenAPI document, driven with generated hostile requests: a valid
 * request of each operation is broken in one way (a required field removed, an unknown field
 * added, a value of the wrong type, a string with control characters, a NUL or a lone surrogate,
 * or far too long, a path parameter or query value that is no such thing, a body where none is
 * taken). The answer must be a 4xx with the API's `{ code, message }` body and `no-store`, never
 * a 500, and no row of any table may change.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Valid {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Json;
  idempotent?: boolean;
  /** Values of the right type that a body field must still refuse (a price of zero or less). */
  refused?: Record<string, Json[]>;
}
interface Hostile {
  params: Record<string, string>;
  query: Record<string, string>;
  body: Json | undefined;
  headers: Record<string, string>;
}

let t: TestApp;
let seller: TestSession;
let staff: TestSession;
let accountAdmin: TestSession;
let valid: Record<string, Valid>;

beforeAll(async () => {
  t = await startTestApp();
  const partner = await createTestPartner(t.db, t.app);
  const staffMember = await createTestStaff(t.db, t.app);
  const customer = await createTestCustomer(t.db);
  const renewable = await createTestLicenses(t.db, customer, {
    seats: 1,
    periodStart: addDays(todayUtc(t.clock.now), -300),
    periodEnd: addDays(todayUtc(t.clock.now), 65),
  });
  seller = await partner.loginAs('admin');
  staff = await staffMember.login();
  const quote = await quoteFor(seller, customer);
  const directQuote = await createTestDirectQuote(t.db, customer);
  const token = await createTestCardToken(t.app);
  const toOrder = await quoteFor(seller, customer);
  const ordered = await quoteFor(seller, customer);
  const order = (
    await seller.post('/api/orders', { quoteNumber: ordered.quoteNumber, payment: { method: 'card', token } })
  ).json();
  await setPartnerCreditTerms(t.db, partner.id, true);
  const onTerms = await quoteFor(seller, customer);
  const postpaid = (
    await seller.post('/api/orders', { quoteNumber: onTerms.quoteNumber, payment: { method: 'postpaid' } })
  ).json();
  const method = (await seller.post('/api/payment-methods', { token })).json().items[0].id as string;
  const payPalStart = (await seller.post('/api/payment-methods/paypal')).json();
  await answerSandboxPayPal(t.app, payPalStart.approveUrl);
  const payPalSetup = payPalStart.id as string;
  const invitee = (await createTestInvitedUser(seller, t.db, { email: 'first.invitee@hostile.test' })).id;
  const invitation = await inviteTestUser(seller, t.db, { email: 'second.invitee@hostile.test' });
  const adminLink = () =>
    issueLink(t.db, {
      purpose: 'account_admin',
      subject: { customerAccountId: customer.id },
      email: customer.email,
      now: t.clock.now,
    });
  const signedIn = await t.app.inject({
    method: 'POST',
    url: '/api/account-admin/sessions',
    payload: { token: await adminLink() },
  });
  accountAdmin = sessionFrom(t.app, signedIn);
  const adminToken = await adminLink();
  const managed = await createTestCustomer(t.db);
  await grantPurchaser(t.db, { partnerId: partner.id, customerAccountId: managed.id, now: t.clock.now });
  await openAccount(seller, customer);
  // Another session of the seller's, for the sign-out route to aim at (never the one signing out).
  const spareSessionId = (
    (await (await partner.loginAs('admin')).get('/api/auth/sessions')).json().items as {
      id: string;
      current: boolean;
    }[]
  ).find((item) => item.current)?.id;
  const cart = (
    await seller.post(`/api/customers/${customer.customerId}/cart/lines`, {
      productCode: 'WS',
      quantity: 1,
      termYears: 1,
    })
  ).json();
  const customerId = customer.customerId;
  const lineId = cart.lines[0].id as string;
  valid = {
    'GET /api/health': {},
    'GET /api/health/live': {},
    'GET /api/health/ready': {},
    'POST /api/auth/login': { body: { email: partner.emails.sales, password: TEST_PASSWORD } },
    'POST /api/admin/auth/login': { body: { email: staffMember.email, password: TEST_PASSWORD } },
    'POST /api/auth/logout': {},
    'GET /api/auth/me': {},
    'PUT /api/auth/me/locale': { body: { locale: 'pt-BR' } },
    'GET /api/admin/auth/me': {},
    'GET /api/auth/sessions': {},
    'DELETE /api/auth/sessions/{id}': { params: { id: spareSessionId ?? '' } },
    'GET /api/admin/partners': {},
    'POST /api/admin/partners': {
      body: {
        name: 'Hostile Partner',
        country: 'US',
        currency: 'USD',
        discountPercent: 10,
        creditTerms: false,
        admin: { email: 'boss@hostile.test', name: 'Boss' },
      },
      idempotent: true,
    },
    'PATCH /api/admin/partners/{id}': {
      params: { id: partner.id },
      body: { discountPercent: 12.5, creditTerms: true },
    },
    'GET /api/admin/products': {},
    'GET /api/admin/partners/{id}/users': { params: { id: partner.id } },
    'PUT /api/admin/products/{code}/prices/{currency}': {
      params: { code: 'RS', currency: 'EUR' },
      body: { yearlyListMinor: 39_900 },
      refused: { yearlyListMinor: [-500, -1, 0, -0.01, 0.5, 12.5, 100_000_001, 1e15, 1e308] },
    },
    'POST /api/admin/products/{code}/withdraw': { params: { code: 'AQ' } },
    'POST /api/admin/direct-quotes': {
      body: {
        customerId,
        currency: 'USD',
        billingAddress: quoteInput().billingAddress,
        endUser: { name: 'Direct Buyer', email: 'buyer@direct.test' },
        lines: [{ productCode: 'PY', quantity: 1, termYears: 1 }],
      },
    },
    'GET /api/admin/invoices': { query: { q: 'acme', status: 'overdue', page: '1', pageSize: '5' } },
    'POST /api/admin/invoices/{invoiceNumber}/payment': {
      params: { invoiceNumber: order.invoice.invoiceNumber },
      body: { paidOn: '2026-11-26' },
    },
    'POST /api/admin/invoices/{invoiceNumber}/credit-note': {
      params: { invoiceNumber: order.invoice.invoiceNumber },
      body: { reason: 'Goodwill' },
    },
    'POST /api/customers/open': {
      body: { identifier: { kind: 'customerId', value: customerId }, email: customer.email },
    },
    'POST /api/customers/find-by-email': { body: { email: customer.email } },
    'POST /api/customers': {
      body: {
        companyName: 'Hostile Co',
        country: 'BR',
        adminContact: { name: 'Ana', email: 'ana@hostile.test' },
      },
      idempotent: true,
    },
    'GET /api/customers/recent': {},
    'GET /api/partner/profile': {},
    'GET /api/dev/mailbox': {},
    'GET /api/dev/mailbox/{id}': { params: { id: '00000000-0000-4000-8000-000000000000' } },
    'GET /api/dev/mailbox/account-admin': { query: { customerId, email: customer.email } },
    'PUT /api/partner/profile/billing-address': { body: quoteInput().billingAddress },
    'GET /api/customers/{customerId}/licenses': { params: { customerId }, query: { show: 'ending90' } },
    'POST /api/customers/{customerId}/licenses/search': {
      params: { customerId },
      body: { mode: 'email', email: 'dev1@acme.test', show: 'lapsed' },
    },
    'GET /api/customers/{customerId}/packs-and-teams': { params: { customerId } },
    'PUT /api/customers/{customerId}/licenses/{licenseId}/assignment': {
      params: { customerId, licenseId: renewable.licenses[0]?.licenseId ?? '' },
      body: { email: 'dev9@customer.test' },
    },
    'DELETE /api/customers/{customerId}/licenses/{licenseId}/assignment': {
      params: { customerId, licenseId: renewable.licenses[0]?.licenseId ?? '' },
    },
    'POST /api/customers/{customerId}/cart/renewals': {
      params: { customerId },
      body: { kind: 'renewal', licenseIds: [renewable.licenses[0]?.licenseId ?? ''], termYears: 1 },
      idempotent: true,
    },
    'PUT /api/customers/{customerId}/cart/details': {
      params: { customerId },
      body: { team: { kind: 'new', name: 'Hostile team' }, pack: { kind: 'new' } },
    },
    'POST /api/customers/close': {},
    'GET /api/catalog/products': { query: { locale: 'pt-BR' } },
    'GET /api/customers/{customerId}/cart': { params: { customerId } },
    'POST /api/customers/{customerId}/cart/lines': {
      params: { customerId },
      body: { productCode: 'YTC', quantity: 3, termYears: 1, serviceDomain: 'acme.youtrack.cloud' },
      idempotent: true,
    },
    'PATCH /api/customers/{customerId}/cart/lines/{lineId}': {
      params: { customerId, lineId },
      body: { quantity: 2, termYears: 2 },
    },
    'DELETE /api/customers/{customerId}/cart/lines/{lineId}': { params: { customerId, lineId } },
    'POST /api/quotes': {
      body: {
        customerId,
        ...quoteInput({ billingAddress: { ...quoteInput().billingAddress, vatId: '12-3456789' } }),
      },
      idempotent: true,
    },
    'GET /api/quotes': {
      query: {
        from: '2026-01-01',
        to: '2026-12-31',
        utcOffset: '-180',
        q: 'acme',
        page: '2',
        pageSize: '10',
      },
    },
    'GET /api/quotes.csv': {
      query: { from: '2026-01-01', to: '2026-12-31', utcOffset: '-180', q: 'acme', status: 'expired' },
    },
    'GET /api/orders': {
      query: { from: '2026-01-01', to: '2026-12-31', utcOffset: '60', q: 'acme', page: '1', pageSize: '5' },
    },
    'GET /api/orders.csv': {
      query: { from: '2026-01-01', to: '2026-12-31', utcOffset: '60', q: 'acme' },
    },
    'GET /api/quotes/{quoteNumber}': { params: { quoteNumber: quote.quoteNumber } },
    'POST /api/quotes/{quoteNumber}/cancel': { params: { quoteNumber: quote.quoteNumber } },
    'POST /api/quotes/{quoteNumber}/email': {
      params: { quoteNumber: quote.quoteNumber },
      body: { to: 'copy@customer.test', copy: 'customer', locale: 'en' },
    },
    'POST /api/orders': {
      body: { quoteNumber: toOrder.quoteNumber, payment: { method: 'card', token } },
      idempotent: true,
    },
    'GET /api/orders/{orderNumber}': { params: { orderNumber: order.orderNumber } },
    'POST /api/orders/{orderNumber}/resend-licenses': { params: { orderNumber: order.orderNumber } },
    'POST /api/orders/{orderNumber}/renewal-cart': { params: { orderNumber: order.orderNumber } },
    'GET /api/payment-methods': {},
    'GET /api/customers/managed': {},
    'GET /api/partner/users': {},
    'POST /api/account-admin/links': { body: { customerId, email: customer.email } },
    'POST /api/account-admin/sessions': { body: { token: adminToken } },
    'GET /api/account-admin/account': {},
    'GET /api/account-admin/partners': { query: { q: 'partner' } },
    'POST /api/account-admin/purchasers': { body: { partnerId: partner.id } },
    'DELETE /api/account-admin/purchasers/{partnerId}': { params: { partnerId: partner.id } },
    'POST /api/partner/users': {
      body: { email: 'invitee@hostile.test', name: 'Invitee', role: 'sales' },
      idempotent: true,
    },
    'PUT /api/partner/users/{id}/role': { params: { id: invitee }, body: { role: 'billing' } },
    'POST /api/partner/users/{id}/deactivate': { params: { id: invitee } },
    'POST /api/partner/invitations/{id}/resend': { params: { id: invitation.id }, idempotent: true },
    'POST /api/partner/invitations/{id}/cancel': { params: { id: invitation.id } },
    'GET /api/partner/audit.csv': {
      query: { from: '2026-01-01', to: '2026-12-31', utcOffset: '0', action: 'order.', q: 'acme' },
    },
    'GET /api/partner/audit': {
      query: {
        from: '2026-01-01',
        to: '2026-12-31',
        utcOffset: '0',
        action: 'order.',
        q: 'acme',
        page: '1',
        pageSize: '5',
      },
    },
    'GET /api/invitations/{token}': { params: { token: invitation.token } },
    'POST /api/invitations/{token}': {
      params: { token: invitation.token },
      body: { password: 'a long enough password' },
    },
    'GET /api/customers/{customerId}/licensing-report': {
      params: { customerId: managed.customerId },
      query: { product: 'II', status: 'active', team: 'Default team', q: 'dev', page: '1', pageSize: '5' },
    },
    'GET /api/customers/{customerId}/licensing-report.csv': {
      params: { customerId: managed.customerId },
      query: { product: 'II', status: 'lapsed', team: 'Default team', q: 'dev' },
    },
    'GET /api/invoices': {
      query: { from: '2026-01-01', to: '2026-12-31', q: 'acme', status: 'overdue', page: '1', pageSize: '5' },
    },
    'GET /api/invoices.csv': {
      query: { from: '2026-01-01', to: '2026-12-31', q: 'acme', status: 'overdue' },
    },
    'GET /api/invoices/overdue': {},
    'GET /api/invoices/{invoiceNumber}/credit-note': {
      params: { invoiceNumber: order.invoice.invoiceNumber },
      query: { locale: 'pt-BR' },
    },
    'GET /api/invoices/{invoiceNumber}': { params: { invoiceNumber: order.invoice.invoiceNumber } },
    'GET /api/invoices/{invoiceNumber}/pdf': {
      params: { invoiceNumber: order.invoice.invoiceNumber },
      query: { locale: 'en' },
    },
    'POST /api/invoices/{invoiceNumber}/payment': {
      params: { invoiceNumber: postpaid.invoice.invoiceNumber },
      body: { payment: { method: 'card', token } },
      idempotent: true,
    },
    'POST /api/invoices/{invoiceNumber}/paypal': {
      params: { invoiceNumber: postpaid.invoice.invoiceNumber },
      idempotent: true,
    },
    'POST /api/payment-methods': { body: { token }, idempotent: true },
    'POST /api/orders/paypal': { body: { quoteNumber: toOrder.quoteNumber }, idempotent: true },
    'POST /api/payment-methods/paypal': { idempotent: true },
    'POST /api/payment-methods/paypal/complete': { body: { approvalId: payPalSetup }, idempotent: true },
    'PUT /api/payment-methods/{id}/default': { params: { id: method } },
    'DELETE /api/payment-methods/{id}': { params: { id: method } },
    'POST /api/orders/{orderNumber}/activation-email': { params: { orderNumber: order.orderNumber } },
    'GET /api/quotes/{quoteNumber}/pdf': {
      params: { quoteNumber: quote.quoteNumber },
      query: { locale: 'pt-BR', copy: 'customer' },
    },
    'PUT /api/quotes/{quoteNumber}/resale-prices': {
      params: { quoteNumber: quote.quoteNumber },
      body: { lines: [{ lineNo: 1, resaleMinor: 250_00 }] },
    },
    'POST /api/quotes/convert-direct': { body: { quoteNumber: directQuote, ...quoteInput() } },
    'POST /api/quotes/convert-direct/check': { body: { quoteNumber: directQuote } },
  };
});
afterAll(() => t.close());

// ---- what hostile values look like --------------------------------------------------------

const payloads = [
  "'; drop table quotes; --",
  "1' or '1'='1",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  `\${7*7}{{7*7}}`,
  'Łódź ✓ 東京 🙂 \u202e',
  '%00%0d%0a',
];
const controls = ['\u0000', '\u0007', '\n', '\r', '\t', '\u001b', '\u007f', '\u0085'];
// Halves of surrogate pairs: JSON carries them (`"\ud800"`), PostgreSQL's jsonb refuses them.
const loneSurrogates = ['\ud800', '\udbff', '\udc00', '\udfff', '\ud83d', '\ude00'];

/**
 * A well-formed string no field accepts: it carries a control character, or is longer than any
 * field allows. (A URL cannot carry a lone surrogate: percent-encoding spells UTF-8.)
 */
const badUrlString: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(...controls),
      fc.constantFrom(...payloads),
      fc.string({ maxLength: 20 }),
    )
    .map(([a, c, p, b]) => `${a}${c}${p}${b}`),
  fc
    .tuple(
      fc.constantFrom(...payloads),
      fc.integer({ min: 255, max: 5_000 }),
      fc.string({ unit: 'binary', maxLength: 10 }),
    )
    .map(([p, n, u]) => `${p}${'x'.repeat(n)}${u}`),
);

/** A string no field accepts, as a JSON body can carry it: also a lone surrogate or a NUL, anywhere. */
const badString: fc.Arbitrary<string> = fc.oneof(
  badUrlString,
  fc
    .tuple(
      fc.string({ maxLength: 20 }),
      fc.constantFrom(...loneSurrogates, '\u0000'),
      fc.string({ maxLength: 20 }),
    )
    .map(([a, broken, b]) => `${a}${broken}${b}`),
);

/** A value of another JSON type than `like`. */
function wrongType(like: Json): fc.Arbitrary<Json> {
  const all: fc.Arbitrary<Json>[] = [
    fc.constant(null),
    fc.boolean(),
    fc.oneof(fc.double({ noNaN: true }), fc.constant(1e308), fc.constant(-1)),
    fc.constantFrom(...payloads),
    fc.array(fc.constantFrom(...payloads), { maxLength: 3 }),
    fc.dictionary(fc.string({ maxLength: 5 }), fc.constantFrom(...payloads), { maxKeys: 2 }),
  ];
  const kind = like === null ? 'null' : Array.isArray(like) ? 'array' : typeof like;
  const others = all.filter((_, i) => ['null', 'boolean', 'number', 'string', 'array', 'object'][i] !== kind);
  return fc.oneof(...others);
}

/** A path parameter that is not what the route expects (a valid one would be found or 404). */
const RAW = 'raw:';
const badParam = fc.oneof(
  // Written into the URL as they are: broken percent-encodings, an encoded NUL, a lone surrogate.
  fc.constantFrom(`${RAW}%`, `${RAW}%zz`, `${RAW}%ED%A0%80`, `${RAW}%00`, `${RAW}%2e%2e%2f`, `${RAW}%C0%AF`),
  fc.constantFrom(...payloads, ' ', '0', '12345678', 'Q-2026-12', 'undefined', 'null'),
  badUrlString.map((s) => s.slice(0, 300)),
);

const badQueryValue: Record<string, fc.Arbitrary<string>> = {
  page: fc.constantFrom('0', '-1', 'abc', '1e400', '501', '1.5', '', '99999999999999999999'),
  pageSize: fc.constantFrom('0', '101', 'all', '-5', '1e9'),
  from: fc.constantFrom(
    '0000-01-01',
    '9999-12-31',
    '2026-02-30',
    '26/11/2026',
    '2026-11-26T00:00:00Z',
    '1999-12-31',
    '',
  ),
  to: fc.constantFrom('0000-01-01', '9999-12-31', '2026-13-01', 'yesterday', '2100-01-01'),
  q: fc.oneof(fc.constantFrom('a', 'ab', 'é'), badUrlString),
  locale: fc.constantFrom('fr', 'EN', 'pt_BR', '', ...payloads),
  utcOffset: fc.constantFrom('901', '-841', '1.5', 'UTC', 'America/Sao_Paulo', '1e9'),
  customerId: fc.constantFrom('', '123456', '12345678', 'abcdefg', '6703615x', ...payloads),
  email: fc.oneof(fc.constantFrom('', 'not-an-email', '@acme.test', 'it@', ...payloads), badString),
  show: fc.constantFrom('', 'ending', 'ending365', 'ENDING30', 'lapsed ', 'expired', ...payloads),
};

// ---- breaking a valid request in one way ----------------------------------------------------

type Path = (string | number)[];
function leaves(value: Json, path: Path = []): { path: Path; value: Json }[] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => [
      { path: [...path, k], value: v },
      ...leaves(v, [...path, k]),
    ]);
  }
  return [];
}
function objects(value: Json, path: Path = []): Path[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  return [path, ...Object.entries(value).flatMap(([k, v]) => objects(v, [...path, k]))];
}
function setAt(root: Json, path: Path, replace: (old: Json | undefined) => Json | undefined): Json {
  if (path.length === 0) return replace(root) ?? null;
  const [head, ...rest] = path;
  const copy = { ...(root as Record<string, Json>) };
  const next = setAt(copy[head as string] ?? null, rest, replace);
  if (rest.length === 0) {
    const replaced = replace(copy[head as string]);
    if (replaced === undefined) delete copy[head as string];
    else copy[head as string] = replaced;
  } else copy[head as string] = next;
  return copy;
}

/** Fields a schema requires, as paths into the body, from the OpenAPI document. */
function requiredPaths(
  schema: Record<string, unknown>,
  components: Record<string, unknown>,
  path: Path = [],
): Path[] {
  const resolved = resolve(schema, components);
  const required = (resolved.required as string[] | undefined) ?? [];
  const properties = (resolved.properties as Record<string, Record<string, unknown>> | undefined) ?? {};
  return [
    ...required.map((name) => [...path, name]),
    ...Object.entries(properties).flatMap(([name, sub]) => requiredPaths(sub, components, [...path, name])),
  ];
}
function resolve(
  schema: Record<string, unknown>,
  components: Record<string, unknown>,
): Record<string, unknown> {
  const ref = schema.$ref as string | undefined;
  return ref
    ? resolve(components[ref.split('/').pop() as string] as Record<string, unknown>, components)
    : schema;
}

function hostileFor(
  base: Valid,
  required: Path[],
  takesBody: boolean,
  isGet: boolean,
): fc.Arbitrary<Hostile> {
  const start = (): Hostile => ({
    params: { ...base.params },
    query: { ...base.query },
    body: base.body,
    headers: {},
  });
  const mutations: fc.Arbitrary<Hostile>[] = [
    // An unknown query parameter: a typo is an error, never silently ignored.
    fc
      .tuple(
        fc.constantFrom('sort', 'limit', 'debug', 'partnerId', '$where', '__proto__'),
        fc.constantFrom(...payloads),
      )
      .map(([key, value]) => ({ ...start(), query: { ...base.query, [key]: value } })),
  ];
  for (const name of Object.keys(base.params ?? {})) {
    mutations.push(badParam.map((value) => ({ ...start(), params: { ...base.params, [name]: value } })));
  }
  for (const name of Object.keys(base.query ?? {})) {
    const bad = badQueryValue[name];
    if (bad) mutations.push(bad.map((value) => ({ ...start(), query: { ...base.query, [name]: value } })));
  }
  if (base.idempotent) {
    mutations.push(
      fc.constantFrom('has space', 'x'.repeat(256), 'tab\tkey', 'ünïcode').map((key) => ({
        ...start(),
        headers: { 'idempotency-key': key },
      })),
    );
  }
  if (!takesBody && !isGet) {
    // A body where none is taken (a GET's body has no meaning in HTTP and is not read).
    mutations.push(
      fc
        .oneof(
          fc.constantFrom<Json>({}, [], 'logout', 0),
          fc.dictionary(fc.string({ maxLength: 6 }), fc.constantFrom(...payloads)),
        )
        .map((body) => ({ ...start(), body })),
    );
  } else if (base.body !== undefined) {
    const body = base.body;
    mutations.push(wrongType(body).map((replaced) => ({ ...start(), body: replaced })));
    if (required.length > 0) {
      mutations.push(
        fc
          .constantFrom(...required)
          .map((path) => ({ ...start(), body: setAt(body, path, () => undefined) })),
      );
    }
    mutations.push(
      fc
        .tuple(
          fc.constantFrom(...objects(body)),
          fc.constantFrom('partnerId', 'status', 'totalMinor', 'admin', '__proto__x', 'discountBps'),
          wrongType(null),
        )
        .map(([path, key, value]) => ({ ...start(), body: setAt(body, [...path, key], () => value) })),
    );
    const leafList = leaves(body);
    mutations.push(
      fc
        .constantFrom(...leafList)
        .chain((leaf) =>
          wrongType(leaf.value).map((value) => ({ ...start(), body: setAt(body, leaf.path, () => value) })),
        ),
    );
    for (const [field, values] of Object.entries(base.refused ?? {})) {
      mutations.push(
        fc
          .constantFrom(...values)
          .map((value) => ({ ...start(), body: setAt(body, field.split('.'), () => value) })),
      );
    }
    const strings = leafList.filter((l) => typeof l.value === 'string');
    if (strings.length > 0) {
      mutations.push(
        fc
          .tuple(fc.constantFrom(...strings), badString)
          .map(([leaf, value]) => ({ ...start(), body: setAt(body, leaf.path, () => value) })),
      );
    }
  }
  return fc.oneof(...mutations);
}

function urlOf(path: string, hostile: Hostile): string {
  const filled = path.replace(/\{(\w+)\}/g, (_m, name: string) => {
    const value = hostile.params[name] ?? '';
    return value.startsWith(RAW) ? value.slice(RAW.length) : encodeURIComponent(value.toWellFormed());
  });
  const query = new URLSearchParams(
    Object.entries(hostile.query).map(([k, v]) => [k, v.toWellFormed()]),
  ).toString();
  return query ? `${filled}?${query}` : filled;
}

/** Row counts and contents of every table, to tell that nothing was written. */
async function fingerprint(): Promise<Record<string, string>> {
  const tables = (await t.db.execute(
    sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  )) as unknown as { rows: { table_name: string }[] };
  const out: Record<string, string> = {};
  for (const { table_name: name } of tables.rows) {
    const result = (await t.db.execute(
      sql.raw(
        `select count(*)::text || ':' || md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as f from "${name}" x`,
      ),
    )) as unknown as { rows: { f: string }[] };
    out[name] = result.rows[0]?.f ?? '';
  }
  return out;
}

describe('hostile input', () => {
  it('covers every operation of the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operations = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(Object.keys(valid).sort()).toEqual(operations.sort());
  });

  it('answers every broken request with a 4xx and { code, message }, and writes nothing', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const before = await fingerprint();
    for (const [operation, base] of Object.entries(valid)) {
      const [method, path] = methodAndPath(operation);
      const spec = doc.paths[path][String(method).toLowerCase()];
      const bodySchema = spec.requestBody?.content?.['application/json']?.schema;
      const required = bodySchema ? requiredPaths(bodySchema, doc.components.schemas) : [];
      await fc.assert(
        fc.asyncProperty(hostileFor(base, required, Boolean(bodySchema), method === 'GET'), (hostile) =>
          expectRefused(operation, hostile),
        ),
        { numRuns: 40 },
      );
    }
    expect(await fingerprint()).toEqual(before);
  });

  it('refuses a lone surrogate or a NUL in every string of every request body, and writes nothing', async () => {
    const before = await fingerprint();
    let probed = 0;
    for (const [operation, base] of Object.entries(valid)) {
      if (base.body === undefined) continue;
      const body = base.body;
      for (const leaf of leaves(body).filter((l) => typeof l.value === 'string')) {
        for (const broken of [...loneSurrogates, '\u0000']) {
          probed += 1;
          await expectRefused(operation, {
            params: { ...base.params },
            query: { ...base.query },
            body: setAt(body, leaf.path, () => `${leaf.value}${broken}`),
            headers: {},
          });
        }
      }
    }
    expect(probed).toBeGreaterThan(100);
    expect(await fingerprint()).toEqual(before);
  });
});

function methodAndPath(operation: string): [InjectOptions['method'], string] {
  return operation.split(' ') as [InjectOptions['method'], string];
}

/** Sends a hostile request as the actor its path is for; it must be refused in the API's words. */
async function expectRefused(operation: string, hostile: Hostile): Promise<void> {
  const [method, path] = methodAndPath(operation);
  const session = path.startsWith('/api/admin/')
    ? staff
    : path.startsWith('/api/account-admin/')
      ? accountAdmin
      : seller;
  const headers = {
    ...(method === 'GET' ? {} : { 'x-csrf-token': session.csrfToken }),
    ...hostile.headers,
    ...(hostile.body === undefined ? {} : { 'content-type': 'application/json' }),
  };
  const res = await t.app.inject({
    method,
    url: urlOf(path, hostile),
    cookies: { pp_session: session.cookie },
    headers,
    ...(hostile.body === undefined ? {} : { payload: JSON.stringify(hostile.body) }),
  });
  const context = `${operation} → ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, context).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, context).toBeLessThan(500);
  // The API's own error body and nothing else (not Fastify's `{ error, statusCode }`).
  expect(ApiError.strict().safeParse(res.json()).success, context).toBe(true);
  expect(res.headers['cache-control'], context).toBe('no-store');
}
