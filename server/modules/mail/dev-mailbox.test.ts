import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCustomer,
  createTestPartner,
  createTestStaff,
  quoteFor,
  quoteInput,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import type { TestSession } from '../../test/session.ts';
import { devMailboxTransport, startMailDelivery } from './delivery.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ devMailbox: true });
  await startMailDelivery(t.jobs, t.db, devMailboxTransport(), {
    from: 'Partner Portal <no-reply@portal.test>',
  });
});
afterAll(() => t.close());

async function mailboxOf(session: TestSession, count: number) {
  const until = Date.now() + 15_000;
  for (;;) {
    const items = (await session.get('/api/dev/mailbox')).json().items as { id: string; subject: string }[];
    if (items.length >= count || Date.now() > until) return items;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('the development mailbox (demo mode without SMTP)', () => {
  it("keeps the emails the portal sends, each partner's to itself, all for vendor staff", async () => {
    const partner = await createTestPartner(t.db, t.app);
    const sales = await partner.loginAs('sales');
    expect((await sales.get('/api/auth/me')).json().features).toEqual({
      devMailbox: true,
      paypal: true,
      cardForm: true,
    });
    const quote = await quoteFor(
      sales,
      await createTestCustomer(t.db),
      quoteInput({ sendCopyTo: 'buyer@x.test' }),
    );
    const [item] = await mailboxOf(sales, 1);
    expect(item).toMatchObject({
      subject: `Quote ${quote.quoteNumber} from ${partner.name}`,
      to: 'buyer@x.test',
      attachments: [`${quote.quoteNumber}.pdf`],
    });
    const message = (await sales.get(`/api/dev/mailbox/${item?.id}`)).json();
    expect(message.html).toContain(`/quotes/${quote.quoteNumber}`);
    expect(message.text).toContain(quote.quoteNumber);

    const other = await (await createTestPartner(t.db, t.app)).loginAs('admin');
    expect((await other.get('/api/dev/mailbox')).json().items).toEqual([]);
    expect((await other.get(`/api/dev/mailbox/${item?.id}`)).statusCode).toBe(404);
    const staff = await (await createTestStaff(t.db, t.app)).login();
    expect((await staff.get('/api/dev/mailbox')).json().items.map((i: { id: string }) => i.id)).toContain(
      item?.id,
    );
  });
});
