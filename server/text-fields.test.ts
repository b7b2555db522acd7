import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCustomer,
  createTestDirectQuote,
  createTestPartner,
  createTestStaff,
  openAccount,
  placeTestOrder,
  quoteInput,
  type TestPartner,
} from './test/factories.ts';
import { startTestApp, type TestApp } from './test/harness.ts';
import type { TestSession } from './test/session.ts';

/**
 * Text the contract's text types refuse, through the routes that took it before: halves of
 * surrogate pairs (PostgreSQL's jsonb refused them after the fact: a 500) everywhere, and
 * invisible formatting characters in what is printed on PDFs and emails.
 */

let t: TestApp;
let partner: TestPartner;
let admin: TestSession;
let staff: TestSession;
let customer: Awaited<ReturnType<typeof createTestCustomer>>;

beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app, { creditTerms: true });
  admin = await partner.loginAs('admin');
  staff = await (await createTestStaff(t.db, t.app)).login();
  customer = await createTestCustomer(t.db);
});
afterAll(() => t.close());

const address = quoteInput().billingAddress;

/** Puts a first line in the cart, so a quote has something to quote. */
async function cartWithLine(): Promise<void> {
  await openAccount(admin, customer);
  const added = await admin.post(`/api/customers/${customer.customerId}/cart/lines`, {
    productCode: 'II',
    quantity: 1,
    termYears: 1,
  });
  expect([200, 201]).toContain(added.statusCode);
}

describe('a lone surrogate', () => {
  it('is refused with validation.malformed_text in a billing address, a quote, a direct quote and a credit note reason, and nothing is written', async () => {
    const expectMalformed = (res: { statusCode: number; json(): unknown }, field: string) => {
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation.malformed_text', field });
    };

    expectMalformed(
      await admin.put('/api/partner/profile/billing-address', { ...address, city: 'San Francisco\ud800' }),
      'city',
    );
    expect((await admin.get('/api/partner/profile')).json().billingAddress).toBeNull();

    await cartWithLine();
    const quotesBefore = (await admin.get('/api/quotes')).json().total;
    expectMalformed(
      await admin.post('/api/quotes', {
        customerId: customer.customerId,
        ...quoteInput({ endUser: { name: 'Ada \udc00Lovelace', email: 'ada@initech.test' } }),
      }),
      'endUser.name',
    );
    expectMalformed(
      await admin.post('/api/quotes', {
        customerId: customer.customerId,
        ...quoteInput({ billingAddress: { ...address, addressLine2: 'Suite \ud83d' } }),
      }),
      'billingAddress.addressLine2',
    );
    expect((await admin.get('/api/quotes')).json().total).toBe(quotesBefore);
    expect((await admin.get(`/api/customers/${customer.customerId}/cart`)).json().lines).toHaveLength(1);

    const direct = await staff.post('/api/admin/direct-quotes', {
      customerId: customer.customerId,
      currency: 'USD',
      billingAddress: { ...address, companyName: '\udfffDirect Co' },
      endUser: { name: 'Direct Buyer', email: 'buyer@direct.test' },
      lines: [{ productCode: 'PY', quantity: 1, termYears: 1 }],
    });
    expectMalformed(direct, 'billingAddress.companyName');
    const directNumber = await createTestDirectQuote(t.db, customer, { now: t.clock.now });
    expectMalformed(
      await admin.post('/api/quotes/convert-direct', {
        quoteNumber: directNumber,
        endUser: { name: 'Licensee', email: 'licensee@direct.test', company: 'Initech\ud800' },
      }),
      'endUser.company',
    );

    const order = await placeTestOrder(await partner.loginAs('sales'), customer);
    const invoiceNumber = order.invoice.invoiceNumber as string;
    expectMalformed(
      await staff.post(`/api/admin/invoices/${invoiceNumber}/credit-note`, { reason: 'Goodwill \ud800' }),
      'reason',
    );
    expect((await admin.get(`/api/invoices/${invoiceNumber}`)).json()).toMatchObject({
      status: 'not_paid',
      creditNote: null,
    });
  });
});

describe('invisible formatting characters', () => {
  it('are refused with validation.format_characters in names and addresses that go on PDFs and emails', async () => {
    const spoofed = 'Acme\u202egnp.exe';
    const cases: [string, () => Promise<{ statusCode: number; json(): unknown }>][] = [
      [
        'companyName',
        () =>
          admin.post('/api/customers', {
            companyName: spoofed,
            country: 'US',
            adminContact: { name: 'Ana', email: 'ana@format.test' },
          }),
      ],
      [
        'adminContact.name',
        () =>
          admin.post('/api/customers', {
            companyName: 'Acme',
            country: 'US',
            adminContact: { name: 'Ana\u200b', email: 'ana@format.test' },
          }),
      ],
      [
        'name',
        () => admin.post('/api/partner/users', { email: 'x@format.test', name: '\u2066Eve', role: 'sales' }),
      ],
      [
        'addressLine1',
        () => admin.put('/api/partner/profile/billing-address', { ...address, addressLine1: spoofed }),
      ],
      [
        'endUser.name',
        () =>
          admin.post('/api/quotes', {
            customerId: customer.customerId,
            ...quoteInput({ endUser: { name: 'Ada\u200fLovelace', email: 'ada@initech.test' } }),
          }),
      ],
      [
        'poNumber',
        () =>
          admin.post('/api/quotes', {
            customerId: customer.customerId,
            ...quoteInput({ poNumber: 'PO\u00ad7781' }),
          }),
      ],
      [
        'team.name',
        () =>
          admin.put(`/api/customers/${customer.customerId}/cart/details`, {
            team: { kind: 'new', name: 'Team\u2069' },
            pack: { kind: 'new' },
          }),
      ],
      [
        'name',
        () =>
          staff.post('/api/admin/partners', {
            name: spoofed,
            country: 'US',
            currency: 'USD',
            discountPercent: 10,
            creditTerms: false,
            admin: { email: 'boss@format.test', name: 'Boss' },
          }),
      ],
      ['reason', () => staff.post('/api/admin/invoices/INV-2026-000001/credit-note', { reason: spoofed })],
    ];
    await cartWithLine();
    const usersBefore = (await admin.get('/api/partner/users')).json().items.length;
    for (const [field, send] of cases) {
      const res = await send();
      expect(res.statusCode, field).toBe(400);
      expect(res.json(), field).toMatchObject({ code: 'validation.format_characters', field });
    }
    expect((await admin.get('/api/partner/users')).json().items).toHaveLength(usersBefore);
    expect((await admin.get('/api/customers/recent')).json().items).toHaveLength(1);
  });

  it('leave accents, other scripts and emoji alone: names are kept as typed', async () => {
    const companyName = 'Ação Comércio 株式会社 👩‍💻';
    const created = await admin.post('/api/customers', {
      companyName,
      country: 'BR',
      adminContact: { name: 'José Çelik 🙂', email: 'jose@acao.test' },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().name).toBe(companyName);

    await cartWithLine();
    const billingAddress = { ...address, companyName: 'Łódź Café 🏴󠁧󠁢󠁳󠁣󠁴󠁿', addressLine1: '東京都千代田区 1-1' };
    const endUser = { name: '김민준 👨‍👩‍👧', email: 'kim@initech.test', company: 'محمد العلي' };
    const quote = await admin.post('/api/quotes', {
      customerId: customer.customerId,
      ...quoteInput({ billingAddress, endUser, poNumber: 'PO-Ünïcødé' }),
    });
    expect(quote.statusCode, quote.body).toBe(201);
    expect(quote.json()).toMatchObject({
      billingAddress: { companyName: billingAddress.companyName, addressLine1: billingAddress.addressLine1 },
      endUser,
      poNumber: 'PO-Ünïcødé',
    });
  });
});
