import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { Currency } from '../../contract/money.ts';
import type { Role } from '../../contract/permissions.ts';
import type { Db } from '../db/client.ts';
import { mailOutbox } from '../db/schema/index.ts';
import { addTeam, createCustomerAccount, findTeamsAndPacks } from '../modules/customers/customers.service.ts';
import { createSubscriptionPack, issueLicenses } from '../modules/licenses/licenses.service.ts';
import { recordOrder } from '../modules/orders/orders.service.ts';
import { createPartner, createPartnerUser } from '../modules/partners/partners.service.ts';
import { createDirectQuote } from '../modules/quotes/direct-quotes.service.ts';
import { createStaffMember } from '../modules/staff/staff.service.ts';
import { openLicenseKey } from '../shared/license-key-vault.ts';
import { login, type TestSession } from './session.ts';

export const TEST_PASSWORD = 'correct horse battery staple';

const unique = () => randomBytes(4).toString('hex');

export interface TestPartner {
  id: string;
  name: string;
  emails: Record<Role, string>;
  loginAs(role: Role): Promise<TestSession>;
}

/** A partner with one user of each role, built through the services. */
export async function createTestPartner(
  db: Db,
  app: FastifyInstance,
  options: {
    currency?: Currency;
    discountPercent?: number;
    name?: string;
    country?: string;
    /** May order postpaid (SPEC §8). */
    creditTerms?: boolean;
  } = {},
): Promise<TestPartner> {
  const tag = unique();
  const name = options.name ?? `Partner ${tag}`;
  const partner = await createPartner(db, {
    name,
    country: options.country ?? 'US',
    currency: options.currency ?? 'USD',
    discountPercent: options.discountPercent ?? 15,
    creditTerms: options.creditTerms ?? false,
  });
  const emails = {} as Record<Role, string>;
  for (const role of ['admin', 'sales', 'billing'] as const) {
    emails[role] = `${role}.${tag}@partner.test`;
    await createPartnerUser(db, {
      partnerId: partner.id,
      email: emails[role],
      name: `${role} ${tag}`,
      role,
      password: TEST_PASSWORD,
    });
  }
  return { id: partner.id, name, emails, loginAs: (role) => login(app, emails[role], TEST_PASSWORD) };
}

/**
 * The token of an invitation's link as the invitee reads it in the last email about that
 * invitation (the outbox keeps the email sealed: the link makes a login).
 */
export async function invitationTokenOf(db: Db, invitationId: string): Promise<string> {
  const sent = await db
    .select({ text: mailOutbox.textBody, sealed: mailOutbox.sealed, createdAt: mailOutbox.createdAt })
    .from(mailOutbox)
    .where(eq(mailOutbox.subjectRef, `invitation:${invitationId}`));
  const last = sent.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).at(-1);
  const text = last?.sealed ? openLicenseKey(last.text) : last?.text;
  const token = /\/invitations\/([A-Za-z0-9_-]+)/.exec(text ?? '')?.[1];
  if (!token) throw new Error(`no invitation email for ${invitationId}`);
  return token;
}

/** An invitation a partner admin sent through the API, with its link's token. */
export async function inviteTestUser(
  admin: TestSession,
  db: Db,
  input: { email?: string; name?: string; role?: Role } = {},
): Promise<{ id: string; email: string; token: string }> {
  const email = input.email ?? `invitee.${unique()}@users.test`;
  const res = await admin.post('/api/partner/users', {
    email,
    name: input.name ?? 'Invitee',
    role: input.role ?? 'sales',
  });
  if (res.statusCode !== 201) throw new Error(`invitation failed: ${res.statusCode} ${res.body}`);
  const invitation = res.json().invitations.find((i: { email: string }) => i.email === email.toLowerCase());
  return { id: invitation.id, email: invitation.email, token: await invitationTokenOf(db, invitation.id) };
}

/** A user made the way users are: invited by the partner's admin, then the link used. */
export async function createTestInvitedUser(
  admin: TestSession,
  db: Db,
  input: { email?: string; name?: string; role?: Role } = {},
): Promise<{ id: string; email: string }> {
  const invitation = await inviteTestUser(admin, db, input);
  const accepted = await admin.app.inject({
    method: 'POST',
    url: `/api/invitations/${invitation.token}`,
    payload: { password: TEST_PASSWORD },
  });
  if (accepted.statusCode !== 200)
    throw new Error(`acceptance failed: ${accepted.statusCode} ${accepted.body}`);
  const users = (await admin.get('/api/partner/users')).json().items;
  return users.find((u: { email: string }) => u.email === invitation.email);
}

export async function createTestCustomer(db: Db, options: { name?: string; email?: string } = {}) {
  const tag = unique();
  const email = options.email ?? `it.${tag}@customer.test`;
  const account = await createCustomerAccount(db, {
    name: options.name ?? `Customer ${tag}`,
    country: 'US',
    contacts: [{ email, isAccountAdmin: true }],
  });
  return { ...account, email };
}

/** Opens the account in the session the way the search bar does (Customer ID + email). */
export async function openAccount(session: TestSession, customer: { customerId: string; email: string }) {
  const res = await session.post('/api/customers/open', {
    identifier: { kind: 'customerId', value: customer.customerId },
    email: customer.email,
  });
  if (res.statusCode !== 200) throw new Error(`open account failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A vendor staff member, and a way to log them in at the back office's own login. */
export async function createTestStaff(db: Db, app: FastifyInstance) {
  const email = `staff.${unique()}@vendor.test`;
  await createStaffMember(db, { email, name: 'Test Staff', password: TEST_PASSWORD });
  return { email, login: () => login(app, email, TEST_PASSWORD, { url: '/api/admin/auth/login' }) };
}

/** A valid Get Quote form: reseller billing address, licensee, PO number. */
export const quoteInput = (overrides: Record<string, unknown> = {}) => ({
  billingAddress: {
    companyName: 'Demo Reseller LLC',
    addressLine1: '1 Market St',
    city: 'San Francisco',
    state: 'CA',
    postalCode: '94105',
    country: 'us',
  },
  endUser: { name: 'Ada Lovelace', email: 'Ada@Initech.test', company: 'Initech' },
  poNumber: 'PO-7781',
  ...overrides,
});

/** Opens the account, adds two IntelliJ IDEA seats for a year and gets a quote, as the web app does. */
export async function quoteFor(
  session: TestSession,
  customer: { customerId: string; email: string },
  input: Record<string, unknown> = quoteInput(),
) {
  await openAccount(session, customer);
  const added = await session.post(`/api/customers/${customer.customerId}/cart/lines`, {
    productCode: 'II',
    quantity: 2,
    termYears: 1,
  });
  if (added.statusCode !== 201) throw new Error(`add to cart failed: ${added.statusCode} ${added.body}`);
  const res = await session.post('/api/quotes', { customerId: customer.customerId, ...input });
  if (res.statusCode !== 201) throw new Error(`quote failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A subscription pack of the account with `seats` licenses of a product, issued through the service. */
export async function createTestLicenses(
  db: Db,
  customer: { id: string },
  options: {
    productCode?: string;
    seats?: number;
    periodStart?: string;
    periodEnd?: string;
    serviceDomain?: string;
    assignedEmails?: string[];
    /** Bought by an order with this PO number (the order number is drawn). */
    poNumber?: string;
    /** In this team of the account (made if the account has none of that name). */
    team?: string;
    /** Joins this existing pack of the account (a pack of several products) instead of a new one. */
    packNumber?: string;
  } = {},
) {
  const productCode = options.productCode ?? 'II';
  const periodStart = options.periodStart ?? '2026-02-14';
  const periodEnd = options.periodEnd ?? '2027-02-14';
  const seats = options.seats ?? 2;
  return db.transaction(async (tx) => {
    if (options.team) await addTeam(tx, customer.id, options.team);
    const teamId = options.team
      ? (await findTeamsAndPacks(tx, customer.id)).teams.find((t) => t.name === options.team)?.id
      : undefined;
    const existing = options.packNumber
      ? (await findTeamsAndPacks(tx, customer.id)).packs.find((p) => p.packNumber === options.packNumber)
      : undefined;
    if (options.packNumber && !existing) throw new Error(`No pack ${options.packNumber} for this account`);
    const pack =
      existing ??
      (await createSubscriptionPack(tx, { customerAccountId: customer.id, createdAt: new Date() }));
    const order =
      options.poNumber === undefined
        ? undefined
        : await recordOrder(tx, {
            partnerId: null,
            customerAccountId: customer.id,
            poNumber: options.poNumber,
            currency: 'USD',
            totalMinor: 0,
            createdAt: new Date(),
            lines: [
              {
                productCode,
                kind: 'new',
                quantity: seats,
                periodStart,
                periodEnd,
                listMinor: 0,
                discountMinor: 0,
                totalMinor: 0,
              },
            ],
          });
    const licenses = await issueLicenses(tx, {
      customerAccountId: customer.id,
      subscriptionPackId: pack.id,
      productCode,
      periodStart,
      periodEnd,
      ...(options.serviceDomain ? { serviceDomain: options.serviceDomain } : {}),
      ...(order ? { orderId: order.id, orderLineId: order.lineIds[0] } : {}),
      seats: Array.from({ length: seats }, (_, i) => {
        const assignedEmail = options.assignedEmails?.[i];
        return { ...(assignedEmail ? { assignedEmail } : {}), ...(teamId ? { teamId } : {}) };
      }),
    });
    return { packNumber: pack.packNumber, licenses, orderNumber: order?.orderNumber ?? null };
  });
}

/** A vendor direct quote for the account, made `ageDays` ago (31 or more: expired). */
export async function createTestDirectQuote(
  db: Db,
  customer: { id: string; customerId: string },
  options: { ageDays?: number; now?: Date; currency?: Currency } = {},
): Promise<string> {
  const now = new Date((options.now ?? new Date()).getTime() - (options.ageDays ?? 0) * 86_400_000);
  return db.transaction((tx) =>
    createDirectQuote(tx, {
      meta: { ip: '127.0.0.1', requestId: 'test', now },
      account: { id: customer.id, customerId: customer.customerId, name: 'Direct Co', country: 'US' },
      currency: options.currency ?? 'USD',
      billingAddress: {
        companyName: 'Direct Co',
        addressLine1: '2 Vendor Rd',
        city: 'Boston',
        state: 'MA',
        postalCode: '02110',
        country: 'US',
      },
      endUser: { name: 'Licensee', email: 'licensee@direct.test' },
      lines: [
        { productCode: 'II', quantity: 3, termYears: 1 },
        { productCode: 'WS', quantity: 1, termYears: 2 },
      ],
    }),
  );
}

/**
 * A card token from the sandbox provider's own endpoint, as its hosted form gets one (the card
 * never reaches the portal's API). A success card expiring 12/2035 unless told otherwise.
 */
export async function createTestCardToken(
  app: FastifyInstance,
  card: { number?: string; expMonth?: string; expYear?: string } = {},
): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/sandbox-pay/tokens',
    payload: {
      number: card.number ?? '4242424242424242',
      expMonth: card.expMonth ?? '12',
      expYear: card.expYear ?? '2035',
      cvc: '123',
    },
  });
  if (res.statusCode !== 201) throw new Error(`card token failed: ${res.statusCode} ${res.body}`);
  return res.json().token;
}

/**
 * The buyer's answer on the sandbox's PayPal page (approve with a test account, or cancel), as the
 * browser posts its form; answers where PayPal sends the buyer back.
 */
export async function answerSandboxPayPal(
  app: FastifyInstance,
  approveUrl: string,
  answer: { decision?: 'approve' | 'cancel'; email?: string } = {},
): Promise<URL> {
  const res = await app.inject({
    method: 'POST',
    url: new URL(approveUrl).pathname,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      decision: answer.decision ?? 'approve',
      email: answer.email ?? 'buyer@paypal.sandbox.test',
    }).toString(),
  });
  if (res.statusCode !== 303) throw new Error(`PayPal answer failed: ${res.statusCode} ${res.body}`);
  return new URL(String(res.headers.location));
}

/**
 * An order placed through the API, as Checkout does: a quote for the account (the licensee and PO
 * number as given), paid postpaid when the partner has credit terms, else with a sandbox card.
 */
export async function placeTestOrder(
  session: TestSession,
  customer: { customerId: string; email: string },
  input: Record<string, unknown> = quoteInput(),
  payment: { method: 'postpaid' } | { method: 'card'; token: string } = { method: 'postpaid' },
) {
  const quote = await quoteFor(session, customer, input);
  const res = await session.post('/api/orders', { quoteNumber: quote.quoteNumber, payment });
  if (res.statusCode !== 201) throw new Error(`order failed: ${res.statusCode} ${res.body}`);
  return res.json();
}
