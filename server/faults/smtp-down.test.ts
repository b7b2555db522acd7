import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailOutbox } from '../db/schema/index.ts';
import { type JobQueue, startJobQueue } from '../jobs/job-queue.ts';
import { smtpTransport, startMailDelivery } from '../modules/mail/delivery.ts';
import { createTestCustomer, createTestPartner, placeTestOrder, quoteFor } from '../test/factories.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import type { TestSession } from '../test/session.ts';
import { SmtpSink } from '../test/smtp-sink.ts';

/**
 * Issue 19, faults: the SMTP server is away for a while, first refusing every message (451) and
 * then not listening at all. Emails of several kinds (a quote's copy, the order placed email, the
 * activation email with license keys) wait in the outbox and are retried with backoff by two
 * delivery workers (two app processes); once the server is back on the same port every one arrives,
 * none lost and none twice, counted at the receiving server by Message-ID.
 */
let t: TestApp;
let second: JobQueue;
let smtp: SmtpSink;
let session: TestSession;
const FROM = 'Partner Portal <no-reply@portal.test>';

beforeAll(async () => {
  t = await startTestApp();
  smtp = new SmtpSink();
  await smtp.start();
  second = await startJobQueue(t.database, { pollingIntervalSeconds: 0.5, retryDelaySeconds: 1 });
  for (const jobs of [t.jobs, second])
    await startMailDelivery(jobs, t.db, smtpTransport(smtp.url), { from: FROM });
  const partner = await createTestPartner(t.db, t.app, { creditTerms: true });
  session = await partner.loginAs('sales');
});
afterAll(async () => {
  await second?.stop();
  await t?.close();
  await smtp?.stop();
});

const outboxRows = () => t.db.select().from(mailOutbox);

/** Waits until `check` holds for the outbox rows of `ids` (or fails after `timeoutMs`). */
async function outboxUntil(
  ids: string[],
  check: (rows: (typeof mailOutbox.$inferSelect)[]) => boolean,
  timeoutMs = 20_000,
) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const rows = await t.db.select().from(mailOutbox).where(inArray(mailOutbox.id, ids));
    if (check(rows)) return rows;
    if (Date.now() > until)
      throw new Error(`outbox not as expected: ${JSON.stringify(rows.map((r) => [r.status, r.attempts]))}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('SMTP away for a while', () => {
  it('keeps every email in the outbox with retries and delivers each exactly once when SMTP is back', async () => {
    const before = new Set((await outboxRows()).map((row) => row.id));
    const port = smtp.port;
    smtp.refusing = true;

    // Emails of three kinds while the server refuses them.
    const quote = await quoteFor(session, await createTestCustomer(t.db));
    for (const to of ['one@customer.test', 'two@customer.test', 'three@customer.test']) {
      const sent = await session.post(`/api/quotes/${quote.quoteNumber}/email`, { to, copy: 'internal' });
      expect(sent.statusCode).toBe(202);
    }
    const order = await placeTestOrder(session, await createTestCustomer(t.db));
    const activation = await session.post(`/api/orders/${order.orderNumber}/activation-email`);
    expect(activation.statusCode, activation.body).toBe(202);
    const ids = (await outboxRows()).map((row) => row.id).filter((id) => !before.has(id));
    expect(ids.length).toBeGreaterThanOrEqual(5);

    // Refused (451): each tried at least once, still pending, the reason written down.
    let rows = await outboxUntil(ids, (all) => all.every((row) => row.attempts >= 1));
    expect(rows.every((row) => row.status === 'pending' && row.lastError)).toBe(true);
    expect(smtp.refused).toBeGreaterThanOrEqual(ids.length);
    // Then not listening at all: the retries go on, nothing is given up.
    await smtp.stop();
    const triedBefore = new Map(rows.map((row) => [row.id, row.attempts]));
    rows = await outboxUntil(ids, (all) => all.every((row) => row.attempts > (triedBefore.get(row.id) ?? 0)));
    expect(rows.every((row) => row.status === 'pending')).toBe(true);
    expect(smtp.messages).toHaveLength(0);
    // Back on the same port: all arrive, once each.
    smtp.refusing = false;
    await smtp.start(port);
    rows = await outboxUntil(ids, (all) => all.every((row) => row.status === 'sent'), 30_000);
    // Time for a duplicate to show up, if one were coming.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const received = smtp.messages.map((mail) => mail.messageId);
    expect([...received].sort()).toEqual(rows.map((row) => row.messageId).sort());
    expect(new Set(received).size).toBe(received.length);
    const subjects = smtp.messages.map((mail) => mail.subject ?? '');
    expect(subjects.filter((subject) => subject.includes(quote.quoteNumber))).toHaveLength(3);
    expect(subjects.filter((subject) => subject.includes(order.orderNumber)).length).toBeGreaterThanOrEqual(
      1,
    );
    const attempts = rows.map((row) => row.attempts);
    console.log(
      `SMTP outage: ${ids.length} emails, ${smtp.refused} refusals, attempts per email ${Math.min(...attempts)}–${Math.max(...attempts)}, all delivered once`,
    );
  }, 55_000);
});
