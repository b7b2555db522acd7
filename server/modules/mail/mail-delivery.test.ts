import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../../db/schema/index.ts';
import { startJobQueue } from '../../jobs/job-queue.ts';
import { formatMoney } from '../../lib/formatting.ts';
import {
  createTestCustomer,
  createTestPartner,
  quoteFor,
  quoteInput,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';
import { pdfText } from '../../test/pdf-text.ts';
import type { TestSession } from '../../test/session.ts';
import { SmtpSink } from '../../test/smtp-sink.ts';
import { smtpTransport, startMailDelivery } from './delivery.ts';

let t: TestApp;
let smtp: SmtpSink;
let partner: TestPartner;
let session: TestSession;
const FROM = 'Partner Portal <no-reply@portal.test>';

beforeAll(async () => {
  t = await startTestApp();
  smtp = new SmtpSink();
  await smtp.start();
  await startMailDelivery(t.jobs, t.db, smtpTransport(smtp.url), { from: FROM });
  partner = await createTestPartner(t.db, t.app, { name: `Revenda Ção ${Date.now()}` });
  session = await partner.loginAs('sales');
});
afterAll(async () => {
  await t.close();
  await smtp.stop();
});

const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('emails through the outbox', () => {
  it('sends "also send the quote to this email" after the quote commits, with its PDF', async () => {
    const customer = await createTestCustomer(t.db);
    const quote = await quoteFor(
      session,
      customer,
      quoteInput({ sendCopyTo: 'Buyer@Customer.test', sendCopyAs: 'internal' }),
    );
    const [mail] = await smtp.waitFor(1);
    expect(mail?.to).toMatchObject({ text: 'buyer@customer.test' });
    expect(mail?.from?.value[0]).toMatchObject({ name: 'Partner Portal', address: 'no-reply@portal.test' });
    expect(mail?.subject).toBe(`Quote ${quote.quoteNumber} from ${partner.name}`);
    const total = formatMoney(quote.totals.totalMinor, 'USD', 'en');
    expect(mail?.text).toContain(total);
    expect(mail?.text).toContain(`http://portal.test/quotes/${quote.quoteNumber}`);
    expect(mail?.html).toContain(`href="http://portal.test/quotes/${quote.quoteNumber}"`);
    expect(mail?.html).toContain(partner.name);
    const [pdf] = mail?.attachments ?? [];
    expect(pdf).toMatchObject({
      filename: `${quote.quoteNumber}-internal.pdf`,
      contentType: 'application/pdf',
    });
    const { text } = await pdfText(pdf?.content ?? new Uint8Array());
    expect(flat(text)).toContain(flat(total));
    expect(flat(text)).toContain(quote.quoteNumber);

    const [row] = await t.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.subjectRef, `quote:${quote.quoteNumber}`));
    expect(row).toMatchObject({ status: 'sent', deliveredVia: 'smtp', attempts: 1 });
    expect(mail?.messageId).toBe(row?.messageId);
  });

  it('sends a copy again to any address in the chosen language; not a cancelled quote', async () => {
    const customer = await createTestCustomer(t.db);
    const quote = await quoteFor(session, customer);
    const before = smtp.messages.length;
    const sent = await session.post(`/api/quotes/${quote.quoteNumber}/email`, {
      to: 'compras@cliente.test',
      copy: 'internal',
      locale: 'pt-BR',
    });
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toEqual({ sentTo: 'compras@cliente.test' });
    const mail = (await smtp.waitFor(before + 1))[before];
    expect(mail?.subject).toBe(`Orçamento ${quote.quoteNumber} de ${partner.name}`);
    expect(mail?.text).toContain(formatMoney(quote.totals.totalMinor, 'USD', 'pt-BR'));

    await session.post(`/api/quotes/${quote.quoteNumber}/cancel`);
    const refused = await session.post(`/api/quotes/${quote.quoteNumber}/email`, {
      to: 'compras@cliente.test',
      copy: 'internal',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'quote.not_sendable', params: { status: 'cancelled' } });
    const foreign = await (await (await createTestPartner(t.db, t.app)).loginAs('sales')).post(
      `/api/quotes/${quote.quoteNumber}/email`,
      { to: 'x@y.test', copy: 'internal' },
    );
    expect(foreign.statusCode).toBe(404);
  });

  it('keeps an email while the SMTP server is down and delivers it once it is back', async () => {
    const customer = await createTestCustomer(t.db);
    const quote = await quoteFor(session, customer);
    const port = smtp.port;
    const before = smtp.messages.length;
    await smtp.stop();
    await session.post(`/api/quotes/${quote.quoteNumber}/email`, {
      to: 'later@customer.test',
      copy: 'internal',
    });
    // The first attempt fails and is written down; the email stays pending.
    const until = Date.now() + 15_000;
    let row = null as typeof mailOutbox.$inferSelect | null;
    while (Date.now() < until) {
      [row = null] = await t.db
        .select()
        .from(mailOutbox)
        .where(eq(mailOutbox.toAddress, 'later@customer.test'));
      if (row && row.attempts > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(row).toMatchObject({ status: 'pending' });
    expect(row?.lastError).toBeTruthy();
    await smtp.start(port);
    await smtp.waitFor(before + 1, 30_000);
    const [after] = await t.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.toAddress, 'later@customer.test'));
    expect(after).toMatchObject({ status: 'sent', lastError: null });
    expect(after?.attempts).toBeGreaterThan(1);
    expect(
      smtp.messages.filter((m) => m.to && 'text' in m.to && m.to.text === 'later@customer.test'),
    ).toHaveLength(1);
  });

  it('delivers each email once with two app processes taking jobs', async () => {
    const second = await startJobQueue(t.database, { pollingIntervalSeconds: 0.5, retryDelaySeconds: 1 });
    try {
      await startMailDelivery(second, t.db, smtpTransport(smtp.url), { from: FROM });
      const customer = await createTestCustomer(t.db);
      const quote = await quoteFor(session, customer);
      const before = smtp.messages.length;
      const recipients = Array.from({ length: 8 }, (_, i) => `twice-${i}@customer.test`);
      for (const to of recipients)
        await session.post(`/api/quotes/${quote.quoteNumber}/email`, { to, copy: 'internal' });
      await smtp.waitFor(before + recipients.length);
      // Time for a duplicate to show up, if one were coming.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const got = smtp.messages.slice(before).map((m) => (m.to && 'text' in m.to ? m.to.text : ''));
      expect(got.sort()).toEqual([...recipients].sort());
    } finally {
      await second.stop();
    }
  });
});
