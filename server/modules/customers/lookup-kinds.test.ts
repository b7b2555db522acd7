import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, partnerUsers, recentCustomerAccounts } from '../../db/schema/index.ts';
import {
  createTestCustomer,
  createTestLicenses,
  createTestPartner,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { RECENT_ACCOUNTS_MAX } from './customers.queries.ts';
import { grantPurchaser, trimRecentAccounts } from './customers.service.ts';

let t: TestApp;
let partner: TestPartner;
let customer: Awaited<ReturnType<typeof createTestCustomer>>;
let owned: Awaited<ReturnType<typeof createTestLicenses>>;

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app);
  customer = await createTestCustomer(t.db, { name: 'Umbrella' });
  owned = await createTestLicenses(t.db, customer, { seats: 2 });
});
afterAll(() => t.close());

const open = (kind: string, value: string, email?: string) => ({
  identifier: { kind, value },
  ...(email === undefined ? {} : { email }),
});

describe('opening an account by each identifier that asks for an email', () => {
  const cases = () => {
    const license = owned.licenses[0];
    if (!license) throw new Error('no license');
    return [
      ['customerId', customer.customerId, '1000001'],
      ['subscriptionPackNumber', owned.packNumber.toLowerCase(), '0101/NOPACK1'],
      ['licenseId', license.licenseId, 'ZZZZZZZZZZ'],
      ['licenseKey', license.key, `${license.licenseId}-WRONG-KEY-PART`],
    ] as const;
  };

  it('opens for an email of the account, and audits how', async () => {
    for (const [kind, value] of cases()) {
      const session = await partner.loginAs('sales');
      const res = await session.post('/api/customers/open', open(kind, value, customer.email));
      expect(res.statusCode, kind).toBe(200);
      expect(res.json()).toEqual({
        customerId: customer.customerId,
        name: 'Umbrella',
        country: 'US',
        access: 'proof',
      });
      expect((await session.get('/api/auth/me')).json().openAccount.customerId).toBe(customer.customerId);
    }
    const opened = await t.db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'customer.opened'), eq(auditLog.subjectId, customer.customerId)));
    expect(opened.map((row) => (row.details as { method: string }).method).sort()).toEqual([
      'customerId_and_email',
      'licenseId_and_email',
      'licenseKey_and_email',
      'subscriptionPackNumber_and_email',
    ]);
  });

  it('answers a wrong identifier and a wrong email identically, whatever the kind', async () => {
    const bodies = new Set<string>();
    for (const [kind, value, wrong] of cases()) {
      const other = await createTestPartner(t.db, t.app);
      const session = await other.loginAs('sales');
      const wrongId = await session.post('/api/customers/open', open(kind, wrong, customer.email));
      const wrongEmail = await session.post('/api/customers/open', open(kind, value, 'nobody@else.test'));
      expect([wrongId.statusCode, wrongEmail.statusCode], kind).toEqual([404, 404]);
      bodies.add(wrongId.body);
      bodies.add(wrongEmail.body);
    }
    expect([...bodies]).toEqual([
      JSON.stringify({
        code: 'customer.lookup_failed',
        message: 'No account matches this identifier and email.',
        field: 'email',
      }),
    ]);
  });

  it('asks for the email without saying whether the account exists', async () => {
    const session = await partner.loginAs('sales');
    const existing = await session.post('/api/customers/open', open('customerId', customer.customerId));
    const missing = await session.post('/api/customers/open', open('customerId', '1000002'));
    expect(existing.statusCode).toBe(422);
    expect(existing.body).toBe(missing.body);
    expect(existing.json()).toMatchObject({ code: 'customer.email_required', field: 'email' });
  });

  it('tells what a valid identifier looks like instead of "not found"', async () => {
    const session = await partner.loginAs('sales');
    for (const [kind, value, code] of [
      ['subscriptionPackNumber', '1320/ABCDE', 'validation.subscription_pack_number'],
      ['licenseId', 'OIY94', 'validation.license_id'],
      ['licenseKey', 'OIY94JBDUQ', 'validation.license_key'],
      ['customerId', '67036150', 'validation.customer_id'],
    ] as const) {
      const res = await session.post('/api/customers/open', open(kind, value, customer.email));
      expect(res.statusCode, kind).toBe(400);
      expect(res.json()).toMatchObject({ code, field: 'identifier.value' });
    }
  });
});

describe('accounts that open without the email step', () => {
  it('opens a managed account (a live Purchaser grant) by any identifier, and not after the grant is withdrawn', async () => {
    const managed = await createTestCustomer(t.db, { name: 'Managed Co' });
    const { packNumber } = await createTestLicenses(t.db, managed);
    const manager = await createTestPartner(t.db, t.app);
    await grantPurchaser(t.db, { partnerId: manager.id, customerAccountId: managed.id, now: new Date() });
    const session = await manager.loginAs('sales');
    expect(
      (await session.post('/api/customers/open', open('customerId', managed.customerId))).statusCode,
    ).toBe(200);
    expect(
      (await session.post('/api/customers/open', open('subscriptionPackNumber', packNumber))).statusCode,
    ).toBe(200);
    // Another partner still needs the email.
    const stranger = await (await createTestPartner(t.db, t.app)).loginAs('sales');
    expect(
      (await stranger.post('/api/customers/open', open('customerId', managed.customerId))).statusCode,
    ).toBe(422);
  });

  it('creates an account with a new Customer ID that opens at once, and later without the email step', async () => {
    const creator = await createTestPartner(t.db, t.app);
    const session = await creator.loginAs('sales');
    const res = await session.post('/api/customers', {
      companyName: '  Nova Ltda ',
      country: 'br',
      adminContact: { name: 'Nina Nova', email: 'Nina@Nova.test' },
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ name: 'Nova Ltda', country: 'BR' });
    expect(created.customerId).toMatch(/^[0-9]{7}$/);
    expect((await session.get('/api/auth/me')).json().openAccount.customerId).toBe(created.customerId);

    const later = await creator.loginAs('admin');
    expect((await later.post('/api/customers/open', open('customerId', created.customerId))).json()).toEqual(
      created,
    );
    // The admin contact is the account's email: the email kind finds it, for any partner.
    const other = await (await createTestPartner(t.db, t.app)).loginAs('sales');
    const found = await other.post('/api/customers/find-by-email', { email: 'nina@nova.test' });
    const { access: _opened, ...account } = created;
    expect(found.json().items).toEqual([account]);
  });
});

describe('a double click on Create account', () => {
  it('makes one account: the same Idempotency-Key replays the first answer', async () => {
    const creator = await createTestPartner(t.db, t.app);
    const session = await creator.loginAs('sales');
    const body = {
      companyName: 'Twice Co',
      country: 'US',
      adminContact: { name: 'T', email: 'twice@co.test' },
    };
    const headers = { 'idempotency-key': `create-${Date.now()}` };
    const answers = await Promise.all([
      session.post('/api/customers', body, headers),
      session.post('/api/customers', body, headers),
    ]);
    expect(answers.map((a) => a.statusCode)).toEqual([201, 201]);
    expect(answers[0]?.json().customerId).toBe(answers[1]?.json().customerId);
    const found = await session.post('/api/customers/find-by-email', { email: 'twice@co.test' });
    expect(found.json().items).toHaveLength(1);
  });
});

describe('finding accounts by a customer email', () => {
  it('lists every account of the email; picking one opens it with that email', async () => {
    const shared = `shared.${Date.now()}@corp.test`;
    const a = await createTestCustomer(t.db, { name: 'Beta Corp', email: shared });
    const b = await createTestCustomer(t.db, { name: 'Alpha Corp', email: shared });
    const session = await partner.loginAs('sales');
    const res = await session.post('/api/customers/find-by-email', { email: shared.toUpperCase() });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      email: shared,
      items: [
        { customerId: b.customerId, name: 'Alpha Corp', country: 'US' },
        { customerId: a.customerId, name: 'Beta Corp', country: 'US' },
      ],
    });
    const opened = await session.post('/api/customers/open', open('customerId', a.customerId, shared));
    expect(opened.statusCode).toBe(200);
  });

  it('answers an email of no account with 404, counted and audited as a failed lookup', async () => {
    const guesser = await createTestPartner(t.db, t.app);
    const session = await guesser.loginAs('sales');
    const res = await session.post('/api/customers/find-by-email', { email: 'ghost@nowhere.test' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'customer.email_unknown', field: 'email' });
    const failed = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'customer.open_failed'), eq(auditLog.partnerId, guesser.id)));
    expect(failed).toHaveLength(1);
    for (let i = 0; i < 9; i++)
      await session.post('/api/customers/find-by-email', { email: `g${i}@nowhere.test` });
    const limited = await session.post('/api/customers/find-by-email', { email: customer.email });
    expect(limited.statusCode).toBe(429);
  });
});

describe('recently opened accounts', () => {
  it('lists the accounts this user opened, newest first, once each', async () => {
    const user = await createTestPartner(t.db, t.app);
    const session = await user.loginAs('sales');
    const first = await createTestCustomer(t.db, { name: 'First' });
    const second = await createTestCustomer(t.db, { name: 'Second' });
    await session.post('/api/customers/open', open('customerId', first.customerId, first.email));
    t.clock.advanceMinutes(1);
    await session.post('/api/customers/open', open('customerId', second.customerId, second.email));
    t.clock.advanceMinutes(1);
    await session.post('/api/customers/open', open('customerId', first.customerId, first.email));
    const recent = (await session.get('/api/customers/recent')).json();
    expect(recent.items.map((r: { name: string }) => r.name)).toEqual(['First', 'Second']);
    // A colleague's list is their own.
    expect((await (await user.loginAs('admin')).get('/api/customers/recent')).json().items).toEqual([]);
  });

  it('shows the latest eight, and maintenance keeps no more than that per user', async () => {
    const user = await createTestPartner(t.db, t.app);
    const session = await user.loginAs('sales');
    const names: string[] = [];
    for (let i = 0; i < 10; i++) {
      const account = await createTestCustomer(t.db, { name: `Recent ${i}` });
      names.unshift(`Recent ${i}`);
      await session.post('/api/customers/open', open('customerId', account.customerId, account.email));
      t.clock.advanceMinutes(1);
    }
    const shown = (await session.get('/api/customers/recent'))
      .json()
      .items.map((r: { name: string }) => r.name);
    expect(shown).toEqual(names.slice(0, RECENT_ACCOUNTS_MAX));
    await trimRecentAccounts(t.db);
    const kept = await t.db
      .select()
      .from(recentCustomerAccounts)
      .innerJoin(partnerUsers, eq(partnerUsers.id, recentCustomerAccounts.partnerUserId))
      .where(eq(partnerUsers.partnerId, user.id));
    expect(kept).toHaveLength(RECENT_ACCOUNTS_MAX);
    expect(
      (await session.get('/api/customers/recent')).json().items.map((r: { name: string }) => r.name),
    ).toEqual(shown);
  });
});
