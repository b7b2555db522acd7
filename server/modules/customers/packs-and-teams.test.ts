import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../lib/dates.ts';
import {
  createTestCustomer,
  createTestLicenses,
  createTestPartner,
  openAccount,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';

let t: TestApp;
let partner: TestPartner;
let session: TestSession;

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app);
  session = await partner.loginAs('sales');
});
afterAll(() => t.close());

describe('the packs offered on the Details tab and in Set Custom', () => {
  it('names each pack’s products alphabetically and leaves out the packs that have ended', async () => {
    const customer = await createTestCustomer(t.db, { name: 'Pack List Co' });
    const today = todayUtc(t.clock.now);
    const live = await createTestLicenses(t.db, customer, {
      productCode: 'WS',
      periodStart: addDays(today, -100),
      periodEnd: addDays(today, 300),
    });
    // A second product in the same pack, ending sooner: the pack ends with its latest subscription.
    await createTestLicenses(t.db, customer, {
      productCode: 'PY',
      seats: 1,
      periodStart: addDays(today, -100),
      periodEnd: addDays(today, 30),
      packNumber: live.packNumber,
    });
    const endsToday = await createTestLicenses(t.db, customer, {
      productCode: 'GO',
      periodStart: addDays(today, -365),
      periodEnd: today,
    });
    const ended = await createTestLicenses(t.db, customer, {
      productCode: 'II',
      periodStart: addDays(today, -400),
      periodEnd: addDays(today, -1),
    });
    await openAccount(session, customer);

    const res = await session.get(`/api/customers/${customer.customerId}/packs-and-teams`);
    expect(res.statusCode).toBe(200);
    const { packs } = res.json();
    expect(packs).toEqual([
      {
        packNumber: live.packNumber,
        periodEnd: addDays(today, 300),
        products: [
          { code: 'PY', name: 'PyCharm Professional' },
          { code: 'WS', name: 'WebStorm' },
        ],
        licenses: 3,
      },
      {
        packNumber: endsToday.packNumber,
        periodEnd: today,
        products: [{ code: 'GO', name: 'GoLand' }],
        licenses: 2,
      },
    ]);
    expect(packs.map((p: { packNumber: string }) => p.packNumber)).not.toContain(ended.packNumber);

    // A day later the pack that ended today has ended too.
    t.clock.advanceDays(1);
    session = await partner.loginAs('sales');
    await openAccount(session, customer);
    const later = (await session.get(`/api/customers/${customer.customerId}/packs-and-teams`)).json();
    expect(later.packs.map((p: { packNumber: string }) => p.packNumber)).toEqual([live.packNumber]);
  });
});
