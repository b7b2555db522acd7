import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identifierPatterns } from '../../../contract/identifiers.ts';
import { quotes } from '../../db/schema/index.ts';
import { ACCOUNT_ID_LIST_LIMIT } from '../../shared/account-search.ts';
import { createTestCustomer, createTestPartner, quoteFor, quoteInput } from '../../test/factories.ts';
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

describe('searching quotes by a part of the licensee email', () => {
  it('finds the same quotes as "contains" does, whichever side of the @ the part reaches', async () => {
    const partner = await createTestPartner(t.db, t.app);
    const session = await partner.loginAs('sales');
    const customer = await createTestCustomer(t.db, { name: 'Fragment Works' });
    // Emails the search must tell apart: a part before and after the @, LIKE's own characters,
    // and an email with two @ (the API takes none such, rows written before it might hold one).
    const emails = [
      'gavin@hooli.test',
      'gavin.belson@hooli.co.uk',
      'nogavin@hooli.test.example',
      'o_brien%50@piedpiper.test',
      'back\\slash@hooli.test',
      'relay@bounce@hooli.test',
    ];
    const byEmail = new Map<string, string>();
    for (const email of emails) {
      const quote = await quoteFor(session, customer, quoteInput({ poNumber: undefined }));
      await t.db.update(quotes).set({ endUserEmail: email }).where(eq(quotes.quoteNumber, quote.quoteNumber));
      byEmail.set(email, quote.quoteNumber);
    }
    const fragments = [
      'gavin@hooli',
      'GAVIN@HOOLI',
      'n@hooli',
      'N@HOOLI.TEST',
      '@hooli.test',
      '@hooli.co',
      'gavin@',
      'belson@',
      '@ho',
      'o_brien%50@',
      'n%50@pied',
      '_brien%',
      'h@hooli',
      '\\slash@',
      'k\\slash@h',
      'bounce@hooli',
      'relay@bounce',
      'relay@bounce@hooli',
      'y@b',
      'x@hooli',
      'gavin_@',
      '%50@',
      'y.@',
      'é@hooli',
    ];
    for (const fragment of fragments) {
      const q = fragment.toLowerCase();
      // A whole email is searched whole (identifierPatterns.email); the rest as a part.
      const whole = identifierPatterns.email.test(fragment);
      const expected = emails.filter((email) => (whole ? email === q : email.includes(q)));
      const res = await session.get(`/api/quotes?q=${encodeURIComponent(fragment)}&pageSize=100`);
      expect(res.statusCode, res.body).toBe(200);
      const found = res.json().items.map((item: { quoteNumber: string }) => item.quoteNumber);
      expect(found.sort(), fragment).toEqual(expected.map((email) => byEmail.get(email)).sort());
      expect(res.json().total, fragment).toBe(expected.length);
    }
  });
});
