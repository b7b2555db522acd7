import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/client.ts';
import { createScratchDatabase } from './test/database.ts';
import {
  createTestCardToken,
  createTestCustomer,
  createTestPartner,
  openAccount,
  placeTestOrder,
  quoteFor,
  TEST_PASSWORD,
} from './test/factories.ts';
import { startTestApp, type TestApp } from './test/harness.ts';
import { login, type TestSession } from './test/session.ts';

const run = promisify(execFile);
const serverUrl = process.env.DATABASE_URL;

/**
 * The PostgreSQL procedure of docs/OPERATIONS.md, end to end: `pg_dump -Fc` of a live database,
 * `pg_restore` into a new one, the app opened on it. (PGlite's is copying the stopped data folder.)
 */
describe.skipIf(!serverUrl)(
  'backup and restore (PostgreSQL only: needs DATABASE_URL, e.g. npm run test:pg)',
  () => {
    let original: TestApp;
    let restored: TestApp | undefined;
    let folder: string;

    beforeAll(async () => {
      original = await startTestApp();
      folder = await mkdtemp(join(tmpdir(), 'pp-backup-'));
    });
    afterAll(async () => {
      await restored?.close();
      await original.close();
      await rm(folder, { recursive: true, force: true });
    });

    it('finds every quote, order, invoice and license in the restored database', async () => {
      const partner = await createTestPartner(original.db, original.app, { name: 'Backed Up Reseller' });
      const sales = await partner.loginAs('admin');
      const customer = await createTestCustomer(original.db);
      const openQuote = await quoteFor(sales, customer);
      const paidOrder = await placeTestOrder(sales, customer, undefined, {
        method: 'card',
        token: await createTestCardToken(original.app),
      });
      const postpaid = await createTestPartner(original.db, original.app, { creditTerms: true });
      const postpaidSales = await postpaid.loginAs('admin');
      const postpaidOrder = await placeTestOrder(postpaidSales, await createTestCustomer(original.db));

      const documentsOf = async (session: TestSession, orderNumber: string) => {
        const order = await session.get(`/api/orders/${orderNumber}`);
        expect(order.statusCode, order.body).toBe(200);
        const invoice = await session.get(`/api/invoices/${order.json().invoice.invoiceNumber}`);
        expect(invoice.statusCode, invoice.body).toBe(200);
        return { order: order.json(), invoice: invoice.json() };
      };
      const quoteOf = async (session: TestSession) => {
        const res = await session.get(`/api/quotes/${openQuote.quoteNumber}`);
        expect(res.statusCode, res.body).toBe(200);
        return res.json();
      };
      const licensesOf = async (session: TestSession) => {
        await openAccount(session, customer);
        const res = await session.get(`/api/customers/${customer.customerId}/licenses`);
        expect(res.statusCode, res.body).toBe(200);
        return res.json();
      };
      const before = {
        quote: await quoteOf(sales),
        paid: await documentsOf(sales, paidOrder.orderNumber),
        postpaid: await documentsOf(postpaidSales, postpaidOrder.orderNumber),
        licenses: await licensesOf(sales),
      };
      expect(before.paid.order.licenses.length).toBeGreaterThan(0);
      expect(before.paid.order.licenses.every((l: { key: string | null }) => l.key)).toBe(true);

      const dump = join(folder, 'portal.dump');
      await run('pg_dump', ['-Fc', '--no-owner', '-f', dump, original.database.url ?? '']);
      const target = await createScratchDatabase(serverUrl ?? '', 'pp_restore');
      await run('pg_restore', ['--no-owner', '--exit-on-error', '-d', target.url, dump]);
      const database = await openDatabase({ databaseUrl: target.url, dataDir: '' });
      // Nothing left to migrate: the restored database is at the version the app expects.
      await database.migrate();
      restored = await startTestApp({
        database: {
          ...database,
          url: target.url,
          close: async () => {
            await database.close();
            await target.drop();
          },
        },
      });

      // The same people log in to the restored copy and see the same documents.
      const salesAgain = await login(restored.app, partner.emails.admin, TEST_PASSWORD);
      const postpaidAgain = await login(restored.app, postpaid.emails.admin, TEST_PASSWORD);
      expect(await quoteOf(salesAgain)).toEqual(before.quote);
      expect(await documentsOf(salesAgain, paidOrder.orderNumber)).toEqual(before.paid);
      expect(await documentsOf(postpaidAgain, postpaidOrder.orderNumber)).toEqual(before.postpaid);
      expect(await licensesOf(salesAgain)).toEqual(before.licenses);
    }, 120_000);
  },
);
