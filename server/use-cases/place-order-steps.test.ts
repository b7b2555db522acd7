import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ChargeRequest,
  type PaymentProvider,
  PaymentUnavailableError,
} from '../modules/payments/provider.ts';
import { sandboxProvider } from '../modules/payments/sandbox/sandbox-provider.ts';
import { type SandboxStore, sandboxStoreFor } from '../modules/payments/sandbox/sandbox-store.ts';
import {
  createTestCardToken,
  createTestCustomer,
  createTestPartner,
  quoteFor,
  type TestPartner,
} from '../test/factories.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import type { TestSession } from '../test/session.ts';
import { settleStaleOrderAttempts } from './settle-order-attempts.ts';

/**
 * Place order in three steps (issue 16 item 9): no transaction is open while the provider answers,
 * and an attempt a dead process left between the steps is settled by the recovery job, which asks
 * the provider.
 */
type Behaviour = 'normal' | 'slow' | 'die_after_charge' | 'die_before_charge' | 'away';
let next: Behaviour = 'normal';
let lookups: Behaviour = 'normal';
let store: SandboxStore;
let t: TestApp;
let partner: TestPartner;
let session: TestSession;

/** A process that dies is what the request sees as an error that is no answer of the provider's. */
class ProcessDied extends Error {}

beforeAll(async () => {
  let sandbox: ReturnType<typeof sandboxProvider> | null = null;
  const real = () => sandbox as PaymentProvider;
  const scripted: PaymentProvider & { readonly store: SandboxStore | undefined } = {
    name: 'sandbox',
    get store() {
      return sandbox?.store;
    },
    charge: async (input: ChargeRequest) => {
      const behaviour = next;
      next = 'normal';
      if (behaviour === 'die_before_charge') throw new ProcessDied('killed before the charge');
      if (behaviour === 'slow') await new Promise((resolve) => setTimeout(resolve, 5_000));
      const outcome = await real().charge(input);
      if (behaviour === 'die_after_charge') throw new ProcessDied('killed after the charge');
      return outcome;
    },
    findCharge: async (input) => {
      if (lookups === 'away') throw new PaymentUnavailableError('still away');
      return real().findCharge(input);
    },
    refund: (input) => real().refund(input),
    describe: (token, shopper) => real().describe(token, shopper),
  };
  t = await startTestApp({ payments: scripted });
  sandbox = sandboxProvider(sandboxStoreFor(t.database.url));
  store = sandbox.store;
  partner = await createTestPartner(t.db, t.app);
  session = await partner.loginAs('sales');
});
afterAll(async () => {
  await store.close();
  await t.close();
});

const place = (quoteNumber: string, token: string, key: string) =>
  session.post(
    '/api/orders',
    { quoteNumber, payment: { method: 'card', token } },
    { 'idempotency-key': key },
  );
const quoteStatus = async (quoteNumber: string) =>
  (await session.get(`/api/quotes/${quoteNumber}`)).json().status as string;
const deps = () => ({
  payments: t.app.portal.payments,
  paypal: t.app.portal.paypal,
  jobs: t.jobs,
  mail: t.app.portal.mail,
});
/** Past every lease: what the recovery job sees minutes after a process died. */
const later = () => new Date(t.clock.now.getTime() + 10 * 60_000);

describe('Place order while the provider takes its time', () => {
  it("answers other partners' requests during a charge that takes 5 s", async () => {
    const quote = await quoteFor(session, await createTestCustomer(t.db));
    const token = await createTestCardToken(t.app);
    const other = await (await createTestPartner(t.db, t.app)).loginAs('sales');
    const otherQuote = await quoteFor(other, await createTestCustomer(t.db));
    const finished: string[] = [];
    next = 'slow';
    const slow = place(quote.quoteNumber, token, `slow-${quote.quoteNumber}`).then((res) => {
      finished.push('slow order');
      return res;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Reads and writes of another partner, each a transaction of its own, while the charge runs.
    const reads = await Promise.all([
      other.get('/api/quotes'),
      other.get(`/api/quotes/${otherQuote.quoteNumber}`),
      other.post('/api/orders', { quoteNumber: otherQuote.quoteNumber, payment: { method: 'postpaid' } }),
    ]);
    finished.push('other partner');
    expect(reads.map((r) => r.statusCode)).toEqual([200, 200, 403]);
    expect(await quoteStatus(quote.quoteNumber)).toBe('ordering');
    const res = await slow;
    expect(res.statusCode, res.body).toBe(201);
    expect(finished).toEqual(['other partner', 'slow order']);
  }, 20_000);
});

describe('The recovery of an attempt a dead process left', () => {
  it('finishes the order when the provider had charged', async () => {
    const quote = await quoteFor(session, await createTestCustomer(t.db));
    const token = await createTestCardToken(t.app);
    next = 'die_after_charge';
    const died = await place(quote.quoteNumber, token, `died-${quote.quoteNumber}`);
    expect(died.statusCode).toBe(500);
    expect(await quoteStatus(quote.quoteNumber)).toBe('ordering');

    const settled = await settleStaleOrderAttempts(t.db, deps(), later());
    expect(settled.map((s) => s.settlement)).toEqual(['completed']);
    expect(await quoteStatus(quote.quoteNumber)).toBe('ordered');
    expect(await store.chargesOf(token)).toMatchObject([{ status: 'captured' }]);
    // The same attempt asked again answers the order the recovery recorded, charged once.
    const again = await place(quote.quoteNumber, token, `died-${quote.quoteNumber}`);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toMatchObject({ quoteNumber: quote.quoteNumber, payment: { last4: '4242' } });
    expect(await store.chargesOf(token)).toHaveLength(1);
  });

  it('releases the claim when nothing was charged: the quote can be ordered again', async () => {
    const quote = await quoteFor(session, await createTestCustomer(t.db));
    const token = await createTestCardToken(t.app);
    next = 'die_before_charge';
    expect((await place(quote.quoteNumber, token, `early-${quote.quoteNumber}`)).statusCode).toBe(500);
    expect(await quoteStatus(quote.quoteNumber)).toBe('ordering');

    expect((await settleStaleOrderAttempts(t.db, deps(), later())).map((s) => s.settlement)).toEqual([
      'released',
    ]);
    expect(await quoteStatus(quote.quoteNumber)).toBe('open');
    expect(await store.chargesOf(token)).toEqual([]);
    const paid = await place(quote.quoteNumber, token, `again-${quote.quoteNumber}`);
    expect(paid.statusCode).toBe(201);
  });

  it('waits while the provider cannot tell, and settles on a later run', async () => {
    const quote = await quoteFor(session, await createTestCustomer(t.db));
    const token = await createTestCardToken(t.app);
    next = 'die_after_charge';
    await place(quote.quoteNumber, token, `waits-${quote.quoteNumber}`);
    lookups = 'away';
    try {
      expect((await settleStaleOrderAttempts(t.db, deps(), later())).map((s) => s.settlement)).toEqual([
        'waiting',
      ]);
      expect(await quoteStatus(quote.quoteNumber)).toBe('ordering');
    } finally {
      lookups = 'normal';
    }
    // The lease it took runs out too; the next run finds the charge.
    const evenLater = new Date(later().getTime() + 10 * 60_000);
    expect((await settleStaleOrderAttempts(t.db, deps(), evenLater)).map((s) => s.settlement)).toEqual([
      'completed',
    ]);
    expect(await quoteStatus(quote.quoteNumber)).toBe('ordered');
  });

  it('leaves an attempt alone while a request works on it (its lease runs)', async () => {
    const quote = await quoteFor(session, await createTestCustomer(t.db));
    next = 'slow';
    const slow = place(quote.quoteNumber, await createTestCardToken(t.app), `leased-${quote.quoteNumber}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await quoteStatus(quote.quoteNumber)).toBe('ordering');
    expect(await settleStaleOrderAttempts(t.db, deps(), t.clock.now)).toEqual([]);
    expect((await slow).statusCode).toBe(201);
  }, 20_000);
});
