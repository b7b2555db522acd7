import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Currency } from '../../contract/money.ts';
import type { Role } from '../../contract/permissions.ts';
import type { Db } from '../db/client.ts';
import { createCustomerAccount } from '../modules/customers/customers.service.ts';
import { createPartner, createPartnerUser } from '../modules/partners/partners.service.ts';
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
