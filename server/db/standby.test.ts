import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sameDatabaseOn, waitForReplay } from '../test/database.ts';
import { createTestCustomer, createTestPartner, openAccount, quoteInput } from '../test/factories.ts';
import { startTestApp, type TestApp } from '../test/harness.ts';
import type { TestSession } from '../test/session.ts';
import { lsnValue } from './standby.ts';

describe('WAL positions', () => {
  it('compare as one number across both halves', () => {
    expect(lsnValue('0/3000148')).toBe(0x3000148n);
    expect(lsnValue('1/0')).toBeGreaterThan(lsnValue('0/FFFFFFFF'));
    expect(lsnValue('A/10')).toBeLessThan(lsnValue('A/9F'));
  });
});

// A real standby of the test server: scripts/start-standby.sh, then DATABASE_READ_URL.
const standbyServer = process.env.DATABASE_URL ? process.env.DATABASE_READ_URL : undefined;

describe.skipIf(!standbyServer)(
  'list pages on a streaming-replication standby (PostgreSQL with DATABASE_READ_URL only)',
  () => {
    let t: TestApp;
    let primaryUrl: string;
    let standbyUrl: string;
    /** The standby itself, to pause and resume its replay. */
    let standby: pg.Client;

    beforeAll(async () => {
      t = await startTestApp({ standby: true });
      primaryUrl = t.database.url as string;
      standbyUrl = sameDatabaseOn(standbyServer as string, primaryUrl);
      standby = new pg.Client({ connectionString: standbyUrl });
      await standby.connect();
    });
    afterAll(async () => {
      // A standby left paused would hold every later test run behind it.
      await standby?.query('select pg_wal_replay_resume()').catch(() => undefined);
      await standby?.end();
      await t?.close();
    });

    const customer = () => createTestCustomer(t.db);

    async function getQuote(session: TestSession, customerId: string): Promise<string> {
      const added = await session.post(`/api/customers/${customerId}/cart/lines`, {
        productCode: 'II',
        quantity: 1,
        termYears: 1,
      });
      expect(added.statusCode, added.body).toBe(201);
      const res = await session.post('/api/quotes', { customerId, ...quoteInput() });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().quoteNumber;
    }

    async function listed(session: TestSession, quoteNumber: string): Promise<boolean> {
      const res = await session.get(`/api/quotes?q=${encodeURIComponent(quoteNumber)}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items.some((q: { quoteNumber: string }) => q.quoteNumber === quoteNumber);
    }

    async function pauseReplay(): Promise<void> {
      await standby.query('select pg_wal_replay_pause()');
      for (;;) {
        const { rows } = await standby.query<{ state: string }>(
          'select pg_get_wal_replay_pause_state() as state',
        );
        if (rows[0]?.state === 'paused') return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }

    it('shows the writer a quote they have just got, round after round', async () => {
      const partner = await createTestPartner(t.db, t.app);
      const writer = await partner.loginAs('sales');
      const account = await customer();
      await openAccount(writer, account);
      const rounds = 200;
      const started = performance.now();
      const missed: string[] = [];
      for (let round = 0; round < rounds; round++) {
        const quoteNumber = await getQuote(writer, account.customerId);
        if (!(await listed(writer, quoteNumber))) missed.push(quoteNumber);
      }
      const ms = (performance.now() - started) / rounds;
      console.log(`standby: ${rounds} write-then-list rounds, ${ms.toFixed(1)} ms a round`);
      expect(missed).toEqual([]);
    });

    it('serves a user with no unreplayed write from the standby, the writer from the primary', async () => {
      const partner = await createTestPartner(t.db, t.app);
      const writer = await partner.loginAs('sales');
      const reader = await partner.loginAs('admin');
      const account = await customer();
      await openAccount(writer, account);
      await openAccount(reader, account);
      await waitForReplay(primaryUrl, standbyServer as string);

      await pauseReplay();
      const first = await getQuote(writer, account.customerId);
      // The standby stands still behind the write: the writer reads the primary, the reader does
      // not wait for it.
      expect(await listed(writer, first)).toBe(true);
      expect(await listed(reader, first)).toBe(false);

      await standby.query('select pg_wal_replay_resume()');
      await waitForReplay(primaryUrl, standbyServer as string);
      expect(await listed(reader, first)).toBe(true);

      // Once the standby has replayed the writer's write, the writer is served by it again: a
      // quote got by the reader while it stands still is not in the writer's list yet.
      await pauseReplay();
      const second = await getQuote(reader, account.customerId);
      expect(await listed(reader, second)).toBe(true);
      expect(await listed(writer, second)).toBe(false);
      await standby.query('select pg_wal_replay_resume()');
      await waitForReplay(primaryUrl, standbyServer as string);
      expect(await listed(writer, second)).toBe(true);
    });
  },
);

describe.skipIf(!process.env.DATABASE_URL)('a standby that does not answer (PostgreSQL only)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ standby: 'unreachable' });
  });
  afterAll(() => t?.close());

  it('costs the list pages no answer: the primary serves them, for a writer and for a reader', async () => {
    const partner = await createTestPartner(t.db, t.app);
    const reader = await partner.loginAs('sales');
    const listed = await reader.get('/api/quotes');
    expect(listed.statusCode, listed.body).toBe(200);

    const writer = await partner.loginAs('admin');
    const customer = await createTestCustomer(t.db);
    await openAccount(writer, customer);
    const added = await writer.post(`/api/customers/${customer.customerId}/cart/lines`, {
      productCode: 'II',
      quantity: 1,
      termYears: 1,
    });
    expect(added.statusCode, added.body).toBe(201);
    const made = await writer.post('/api/quotes', { customerId: customer.customerId, ...quoteInput() });
    expect(made.statusCode, made.body).toBe(201);
    for (const session of [writer, reader]) {
      const res = await session.get(`/api/quotes?q=${made.json().quoteNumber}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().items).toHaveLength(1);
    }
  });
});
