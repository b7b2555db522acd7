import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index.ts';
import {
  createTestCustomer,
  createTestLicenses,
  createTestPartner,
  openAccount,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';
import { grantPurchaser, withdrawPurchaser } from '../customers/customers.service.ts';

let t: TestApp;
let customer: Awaited<ReturnType<typeof createTestCustomer>>;
let seats: Awaited<ReturnType<typeof createTestLicenses>>;
let reseller: TestPartner;
let session: TestSession;

const assignmentUrl = (licenseId: string) =>
  `/api/customers/${customer.customerId}/licenses/${licenseId}/assignment`;
const search = (who: TestSession) =>
  who.post(`/api/customers/${customer.customerId}/licenses/search`, {
    mode: 'pack',
    packNumber: seats.packNumber,
  });

beforeAll(async () => {
  t = await startTestApp();
  customer = await createTestCustomer(t.db, { name: 'Assign Co' });
  seats = await createTestLicenses(t.db, customer, { seats: 2, assignedEmails: ['ana@assign.test'] });
  reseller = await createTestPartner(t.db, t.app);
  session = await reseller.loginAs('sales');
  await openAccount(session, customer);
});
afterAll(() => t.close());

describe('assigning licenses to invited users', () => {
  it('assigns a free seat by email, revokes it, and audits both', async () => {
    const free = seats.licenses[1]?.licenseId ?? '';
    expect((await search(session)).json().actions).toEqual({ assign: true });

    const assigned = await session.put(assignmentUrl(free), { email: 'Bruno@Assign.test' });
    expect(assigned.statusCode).toBe(200);
    expect(assigned.json()).toEqual({ licenseId: free, assignedEmail: 'bruno@assign.test', team: null });
    // The same user again changes nothing; someone else must wait for a revoke.
    expect((await session.put(assignmentUrl(free), { email: 'bruno@assign.test' })).statusCode).toBe(200);
    const taken = await session.put(assignmentUrl(free), { email: 'carla@assign.test' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'licenses.already_assigned', field: 'email' });

    const found = (await search(session)).json().items[0];
    expect(found.assignedUsers).toEqual(['ana@assign.test', 'bruno@assign.test']);
    expect(found.seatAssignments).toContainEqual({
      licenseId: free,
      assignedEmail: 'bruno@assign.test',
      team: null,
    });

    const revoked = await session.delete(assignmentUrl(free));
    expect(revoked.json()).toMatchObject({ licenseId: free, assignedEmail: null });
    expect((await session.delete(assignmentUrl(free))).statusCode).toBe(200);

    const audit = await t.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.subjectType, 'license'), eq(auditLog.subjectId, free)))
      .orderBy(auditLog.id);
    expect(audit.map((r) => r.action)).toEqual(['license.assigned', 'license.revoked']);
  });

  it('answers an unknown or foreign license as missing, and a malformed one as invalid', async () => {
    const other = await createTestLicenses(t.db, await createTestCustomer(t.db), { seats: 1 });
    const foreign = await session.put(assignmentUrl(other.licenses[0]?.licenseId ?? ''), {
      email: 'x@assign.test',
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'licenses.not_found' });
    expect((await session.put(assignmentUrl('short'), { email: 'x@assign.test' })).statusCode).toBe(400);
  });
});

describe('a Purchaser of the account (SPEC §11a)', () => {
  it('sees and renews the licenses but cannot assign or revoke them', async () => {
    const purchaser = await createTestPartner(t.db, t.app);
    await grantPurchaser(t.db, {
      partnerId: purchaser.id,
      customerAccountId: customer.id,
      now: t.clock.now,
    });
    const buyer = await purchaser.loginAs('admin');
    // A managed account opens without the email step.
    const opened = await buyer.post('/api/customers/open', {
      identifier: { kind: 'customerId', value: customer.customerId },
    });
    expect(opened.statusCode).toBe(200);

    const result = await search(buyer);
    expect(result.statusCode).toBe(200);
    expect(result.json().actions).toEqual({ assign: false });
    expect(result.json().items[0].assignedUsers).toEqual(['ana@assign.test']);

    const assigned = seats.licenses[0]?.licenseId ?? '';
    for (const res of [
      await buyer.put(assignmentUrl(seats.licenses[1]?.licenseId ?? ''), { email: 'dora@assign.test' }),
      await buyer.delete(assignmentUrl(assigned)),
    ]) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'licenses.assign_not_allowed' });
    }
    expect((await search(buyer)).json().items[0].assignedUsers).toEqual(['ana@assign.test']);

    // The customer withdraws the grant: the account opened under it closes, it does not become the partner's to manage.
    await withdrawPurchaser(t.db, {
      partnerId: purchaser.id,
      customerAccountId: customer.id,
      now: t.clock.now,
    });
    const after = await buyer.put(assignmentUrl(seats.licenses[1]?.licenseId ?? ''), {
      email: 'dora@assign.test',
    });
    expect(after.statusCode).toBe(409);
    expect(after.json()).toMatchObject({ code: 'customer.not_open' });
    // Opened again with the customer's proof, it is.
    await openAccount(buyer, customer);
    expect((await search(buyer)).json().actions).toEqual({ assign: true });
  });

  it('cannot assign even with the customer proof while the grant stands', async () => {
    const purchaser = await createTestPartner(t.db, t.app);
    await grantPurchaser(t.db, { partnerId: purchaser.id, customerAccountId: customer.id, now: t.clock.now });
    const buyer = await purchaser.loginAs('sales');
    await openAccount(buyer, customer);
    expect((await search(buyer)).json().actions).toEqual({ assign: false });
  });
});

describe('an account this partner created for its customer', () => {
  it('is the partner’s to manage, reopened later without the email step too', async () => {
    const maker = await createTestPartner(t.db, t.app);
    const who = await maker.loginAs('sales');
    const created = await who.post(
      '/api/customers',
      { companyName: 'Made Co', country: 'US', adminContact: { name: 'Mia', email: 'mia@made.test' } },
      { 'idempotency-key': 'made-co-1' },
    );
    expect(created.statusCode).toBe(201);
    const customerId = created.json().customerId as string;
    await who.post('/api/customers/close');
    expect(
      (await who.post('/api/customers/open', { identifier: { kind: 'customerId', value: customerId } }))
        .statusCode,
    ).toBe(200);
    const found = await who.post(`/api/customers/${customerId}/licenses/search`, {
      mode: 'email',
      email: 'x@made.test',
    });
    expect(found.json()).toMatchObject({ items: [], actions: { assign: true } });
  });
});
