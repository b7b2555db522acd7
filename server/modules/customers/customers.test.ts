import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, rateLimitHits, recentCustomerAccounts } from '../../db/schema/index.ts';
import {
  createTestCustomer,
  createTestPartner,
  TEST_PASSWORD,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { login } from '../../test/session.ts';
import { createPartnerUser } from '../partners/partners.service.ts';
import { accessOnOpening, grantPurchaser } from './customers.service.ts';
import { lookupLimits } from './lookup-attempts.ts';

let t: TestApp;
let partner: TestPartner;
let customer: Awaited<ReturnType<typeof createTestCustomer>>;

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app);
  customer = await createTestCustomer(t.db, { name: 'Initech' });
});
afterAll(() => t.close());

const url = '/api/customers/open';
const byId = (customerId: string, email?: string) => ({
  identifier: { kind: 'customerId', value: customerId },
  ...(email === undefined ? {} : { email }),
});

describe('opening an account by Customer ID and email', () => {
  it('opens the account for a matching email (any case), shows it in the session, and audits it', async () => {
    const session = await partner.loginAs('sales');
    const res = await session.post(url, byId(customer.customerId, customer.email.toUpperCase()));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      customerId: customer.customerId,
      name: 'Initech',
      country: 'US',
      access: 'proof',
    });
    expect((await session.get('/api/auth/me')).json().openAccount).toMatchObject({
      customerId: customer.customerId,
    });
    const audit = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'customer.opened'), eq(auditLog.subjectId, customer.customerId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ partnerId: partner.id, subjectType: 'customer_account' });

    expect((await session.post('/api/customers/close')).statusCode).toBe(204);
    expect((await session.get('/api/auth/me')).json().openAccount).toBeNull();
  });

  it('gives the identical answer for a wrong ID and for a wrong email', async () => {
    const session = await partner.loginAs('admin');
    const wrongId = await session.post(url, byId('1000000', customer.email));
    const wrongEmail = await session.post(url, byId(customer.customerId, 'someone@else.test'));
    expect(wrongId.statusCode).toBe(404);
    expect(wrongEmail.statusCode).toBe(404);
    expect(wrongId.body).toBe(wrongEmail.body);
    expect(wrongId.json()).toMatchObject({ code: 'customer.lookup_failed', field: 'email' });
  });

  it('rejects a malformed Customer ID with a format message, not "not found"', async () => {
    const session = await partner.loginAs('sales');
    const res = await session.post(url, byId('12ab', customer.email));
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      code: 'validation.customer_id',
      field: 'identifier.value',
      message: 'A Customer ID has 7 digits, e.g. 6703615.',
    });
  });

  it('limits failed attempts per user, then refuses even the right answer', async () => {
    const other = await createTestPartner(t.db, t.app);
    const session = await other.loginAs('sales');
    for (let i = 0; i < lookupLimits.perUser.limit; i++) {
      expect((await session.post(url, byId(customer.customerId, `guess${i}@x.test`))).statusCode).toBe(404);
    }
    const limited = await session.post(url, byId(customer.customerId, customer.email));
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'rate_limited' });
    // Another user of the same partner still has attempts left (the partner limit is higher).
    const colleague = await other.loginAs('admin');
    expect((await colleague.post(url, byId(customer.customerId, customer.email))).statusCode).toBe(200);
  });

  it('limits failed attempts per partner across its users', async () => {
    const crowd = await createTestPartner(t.db, t.app);
    const usersNeeded = Math.ceil(lookupLimits.perPartner.limit / lookupLimits.perUser.limit) + 1;
    const sessions = [];
    for (let u = 0; u < usersNeeded; u++) {
      const email = `seller${u}.${crowd.id.slice(0, 8)}@partner.test`;
      await createPartnerUser(t.db, {
        partnerId: crowd.id,
        email,
        name: `Seller ${u}`,
        role: 'sales',
        password: TEST_PASSWORD,
      });
      sessions.push(await login(t.app, email, TEST_PASSWORD));
    }
    let failures = 0;
    for (const session of sessions.slice(0, -1)) {
      for (let i = 0; i < lookupLimits.perUser.limit && failures < lookupLimits.perPartner.limit; i++) {
        expect((await session.post(url, byId('1000000', `p${failures++}@x.test`))).statusCode).toBe(404);
      }
    }
    // A user of this partner who has not failed once is still refused: the partner's budget is spent.
    const fresh = sessions.at(-1);
    const limited = await fresh?.post(url, byId(customer.customerId, customer.email));
    expect(limited?.statusCode).toBe(429);
    // Other partners are not affected.
    expect(
      (await (await partner.loginAs('sales')).post(url, byId(customer.customerId, customer.email)))
        .statusCode,
    ).toBe(200);
  });

  it('audits failed email proofs too', async () => {
    const session = await partner.loginAs('sales');
    await session.post(url, byId(customer.customerId, 'wrong@guess.test'));
    const failed = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'customer.open_failed'), eq(auditLog.subjectId, customer.customerId)));
    expect(failed.some((row) => row.partnerId === partner.id)).toBe(true);
  });

  it('lets 200 parallel guesses of one user through no further than their limit, sparing the partner', async () => {
    const crowd = await createTestPartner(t.db, t.app);
    const guesser = await crowd.loginAs('sales');
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) => guesser.post(url, byId(customer.customerId, `guess${i}@x.test`))),
    );
    const statuses = answers.map((a) => a.statusCode);
    expect(statuses.filter((s) => s === 404)).toHaveLength(lookupLimits.perUser.limit);
    expect(statuses.filter((s) => s === 429)).toHaveLength(200 - lookupLimits.perUser.limit);
    // The refused attempts were not charged to the partner: a colleague still gets in.
    const colleague = await crowd.loginAs('admin');
    expect((await colleague.post(url, byId(customer.customerId, customer.email))).statusCode).toBe(200);
  });

  it('is forbidden to the billing role and needs a login', async () => {
    const billing = await partner.loginAs('billing');
    const res = await billing.post(url, byId(customer.customerId, customer.email));
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'auth.forbidden' });
    const anonymous = await t.app.inject({
      method: 'POST',
      url,
      payload: byId(customer.customerId, customer.email),
    });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('what an opening counts, writes and gives back', () => {
  /** The lookup counters of a user and of a partner in the current window (0 when none). */
  const hitsOf = async (subject: string) => {
    const rows = await t.db
      .select({ hits: rateLimitHits.hits })
      .from(rateLimitHits)
      .where(like(rateLimitHits.key, `lookup:%:${subject}`));
    return rows.reduce((sum, row) => sum + row.hits, 0);
  };

  it('gives a proven attempt back to the user and the partner, and counts a failed one on both', async () => {
    const own = await createTestPartner(t.db, t.app);
    const session = await own.loginAs('sales');
    const me = (await session.get('/api/auth/me')).json().user.id as string;
    expect((await session.post(url, byId(customer.customerId, 'wrong@guess.test'))).statusCode).toBe(404);
    expect([await hitsOf(me), await hitsOf(own.id)]).toEqual([1, 1]);
    for (let i = 0; i < lookupLimits.perUser.limit + 2; i++) {
      expect((await session.post(url, byId(customer.customerId, customer.email))).statusCode).toBe(200);
      expect((await session.post('/api/customers/find-by-email', { email: customer.email })).statusCode).toBe(
        200,
      );
    }
    // Two dozen successes later, only the failure counts.
    expect([await hitsOf(me), await hitsOf(own.id)]).toEqual([1, 1]);
    const [recent] = await t.db
      .select()
      .from(recentCustomerAccounts)
      .where(eq(recentCustomerAccounts.partnerUserId, me));
    expect(recent?.customerAccountId).toBe(customer.id);
    const opened = await t.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'customer.opened'), eq(auditLog.actorUserId, me)));
    expect(opened).toHaveLength(lookupLimits.perUser.limit + 2);
    expect(opened[0]?.details).toMatchObject({ method: 'customerId_and_email', access: 'proof' });
  });

  it('opens accounts for one user in many tabs at once, every one of them (counters lock in one order)', async () => {
    // The lookup charges the user's counter, then the partner's; giving an attempt back must take
    // them in the same order, or two tabs of one user wait on each other (a deadlock, a 503).
    const own = await createTestPartner(t.db, t.app);
    const tabs = await Promise.all(Array.from({ length: 6 }, () => own.loginAs('sales')));
    const me = (await (tabs[0] as (typeof tabs)[number]).get('/api/auth/me')).json().user.id as string;
    const statuses: number[] = [];
    for (let round = 0; round < 15; round++) {
      const answers = await Promise.all(
        tabs.map(async (tab) => {
          const other = await createTestCustomer(t.db);
          return tab.post(url, byId(other.customerId, other.email));
        }),
      );
      statuses.push(...answers.map((a) => a.statusCode));
    }
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect([await hitsOf(me), await hitsOf(own.id)]).toEqual([0, 0]);
  });

  it('does not count accounts that open without the email step, even with an email, nor refuse them', async () => {
    const manager = await createTestPartner(t.db, t.app);
    const managed = await createTestCustomer(t.db, { name: 'Managed by the limit test' });
    await grantPurchaser(t.db, { partnerId: manager.id, customerAccountId: managed.id, now: new Date() });
    const session = await manager.loginAs('sales');
    const me = (await session.get('/api/auth/me')).json().user.id as string;
    for (let i = 0; i < lookupLimits.perUser.limit; i++) {
      expect((await session.post(url, byId(customer.customerId, `guess${i}@x.test`))).statusCode).toBe(404);
    }
    expect(await hitsOf(me)).toBe(lookupLimits.perUser.limit);
    // The user's budget is spent: the email step is refused, the managed account still opens.
    expect((await session.post(url, byId(customer.customerId, customer.email))).statusCode).toBe(429);
    const withEmail = await session.post(url, byId(managed.customerId, managed.email));
    expect(withEmail.statusCode).toBe(200);
    expect(withEmail.json().access).toBe('proof');
    const withoutEmail = await session.post(url, byId(managed.customerId));
    expect(withoutEmail.json()).toMatchObject({ customerId: managed.customerId, access: 'purchaser' });
    expect(await hitsOf(me)).toBe(lookupLimits.perUser.limit + 1);
  });
});

describe('the account-access rule', () => {
  it('opens with the proof or as the creator as with the proof, under a live grant as Purchaser, and not otherwise', () => {
    const rule = (createdByPartner: boolean, purchaser: boolean, proof: boolean) =>
      accessOnOpening({ createdByPartner, purchaser, proof });
    expect(rule(false, false, false)).toBeNull();
    expect(rule(false, false, true)).toBe('proof');
    expect(rule(true, false, false)).toBe('proof');
    expect(rule(false, true, false)).toBe('purchaser');
    expect(rule(false, true, true)).toBe('proof');
    expect(rule(true, true, false)).toBe('proof');
  });
});
