import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_ID_LIST_LIMIT } from '../../shared/account-search.ts';
import { createTestCustomer, createTestPartner, quoteFor } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('searching quotes by a name that many accounts share', () => {
  it('finds every quote when more accounts match than fit in an id list (600)', async () => {
    const partner = await createTestPartner(t.db, t.app);
    const accounts = 600;
    expect(accounts).toBeGreaterThan(ACCOUNT_ID_LIST_LIMIT);
    // A session opens one account at a time: a few sessions make the quotes side by side.
    const sessions: TestSession[] = [];
    for (let i = 0; i < 6; i++) sessions.push(await partner.loginAs('sales'));
    const numbers: string[] = [];
    for (let i = 0; i < accounts; i += sessions.length) {
      const made = await Promise.all(
        sessions.map(async (session, k) =>
          quoteFor(session, await createTestCustomer(t.db, { name: `Massive Dynamic ${i + k}` })),
        ),
      );
      numbers.push(...made.map((q) => q.quoteNumber));
    }
    const session = sessions[0] as TestSession;
    const first = (await session.get('/api/quotes?q=massive%20dynamic&pageSize=100')).json();
    expect(first.total).toBe(accounts);
    const found = new Set<string>();
    for (let page = 1; page <= accounts / 100; page++) {
      const res = (await session.get(`/api/quotes?q=massive%20dynamic&pageSize=100&page=${page}`)).json();
      for (const item of res.items) found.add(item.quoteNumber);
    }
    expect([...found].sort()).toEqual([...numbers].sort());
    // The same with a narrower name: one account's quotes only.
    expect((await session.get('/api/quotes?q=massive%20dynamic%20599')).json().total).toBe(1);
  }, 180_000);
});
