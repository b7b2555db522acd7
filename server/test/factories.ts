import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Currency } from '../../contract/money.ts';
import type { Role } from '../../contract/permissions.ts';
import type { Db } from '../db/client.ts';
import { createCustomerAccount } from '../modules/customers/customers.service.ts';
import { createPartner, createPartnerUser } from '../modules/partners/partners.service.ts';
import { createStaffMember } from '../modules/staff/staff.service.ts';
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
  options: { currency?: Currency; discountPercent?: number; name?: string } = {},
): Promise<TestPartner> {
  const tag = unique();
  const name = options.name ?? `Partner ${tag}`;
  const partner = await createPartner(db, {
    name,
    country: 'US',
    currency: options.currency ?? 'USD',
    discountPercent: options.discountPercent ?? 15,
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
  const res = await session.post('/api/customers/open-by-id', {
    customerId: customer.customerId,
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
