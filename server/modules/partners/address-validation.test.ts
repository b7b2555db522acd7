import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestCustomer,
  createTestPartner,
  openAccount,
  quoteInput,
  type TestPartner,
} from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';

// Addresses by country (issue 18): a refused request lists every problem at once, each with its
// stable code and field, so a form shows them all in one round trip.
let t: TestApp;
let partner: TestPartner;
beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app);
});
afterAll(() => t.close());

const issuesOf = (body: { issues?: { code: string; field?: string }[] }) =>
  (body.issues ?? []).map(({ code, field }) => [field, code]);

describe('a billing address checked by its country', () => {
  it('answers 400 with every problem of the company profile at once, each with its code and field', async () => {
    const admin = await partner.loginAs('admin');
    const res = await admin.put('/api/partner/profile/billing-address', {
      companyName: ' ',
      addressLine1: '1 Main St',
      city: '',
      state: 'SP',
      postalCode: '9410',
      country: 'US',
      vatId: '12',
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(issuesOf(body)).toEqual([
      ['companyName', 'validation.required'],
      ['city', 'validation.required'],
      ['state', 'validation.state_us'],
      ['postalCode', 'validation.zip_code'],
      ['vatId', 'validation.tax_id_ein'],
    ]);
    // The first problem is also the error's own, for clients that read one.
    expect(body).toMatchObject({ code: 'validation.required', field: 'companyName' });
    expect(body.issues[3].message).toBe('Enter a ZIP code of 5 or 9 digits, e.g. 94105 or 94105-1234.');
    expect((await admin.get('/api/partner/profile')).json().billingAddress).toBeNull();
  });

  it('asks a US address for its state and a Brazilian one for its UF and CEP', async () => {
    const admin = await partner.loginAs('admin');
    const base = { companyName: 'Co', addressLine1: '1 Rua', city: 'Rio' };
    const us = await admin.put('/api/partner/profile/billing-address', {
      ...base,
      postalCode: '94105',
      country: 'US',
    });
    expect(issuesOf(us.json())).toEqual([['state', 'validation.state_required']]);
    const br = await admin.put('/api/partner/profile/billing-address', {
      ...base,
      state: 'TX',
      postalCode: '2004000',
      country: 'BR',
    });
    expect(issuesOf(br.json())).toEqual([
      ['state', 'validation.state_br'],
      ['postalCode', 'validation.cep'],
    ]);
  });

  it('keeps a CEP as 00000-000 and a UF upper-cased; no state where the country has none', async () => {
    const admin = await partner.loginAs('admin');
    const base = { companyName: 'Co', addressLine1: '1 Rua', city: 'Rio' };
    const saved = await admin.put('/api/partner/profile/billing-address', {
      ...base,
      state: 'rj',
      postalCode: '20040002',
      country: 'BR',
    });
    expect(saved.statusCode).toBe(200);
    expect((await admin.get('/api/partner/profile')).json().billingAddress).toMatchObject({
      state: 'RJ',
      postalCode: '20040-002',
    });
    const zip9 = await admin.put('/api/partner/profile/billing-address', {
      ...base,
      state: 'dc',
      postalCode: '200011234',
      country: 'US',
    });
    expect(zip9.statusCode).toBe(200);
    expect((await admin.get('/api/partner/profile')).json().billingAddress).toMatchObject({
      state: 'DC',
      postalCode: '20001-1234',
    });
    await admin.put('/api/partner/profile/billing-address', {
      ...base,
      state: 'Bayern',
      postalCode: '80331',
      country: 'DE',
    });
    expect((await admin.get('/api/partner/profile')).json().billingAddress).not.toHaveProperty('state');
  });

  it('lists the problems of the address and of the rest of Get Quote together', async () => {
    const session = await partner.loginAs('sales');
    const customer = await createTestCustomer(t.db);
    await openAccount(session, customer);
    await session.post(`/api/customers/${customer.customerId}/cart/lines`, {
      productCode: 'GO',
      quantity: 1,
      termYears: 1,
    });
    const input = quoteInput({ endUser: { name: '', email: 'nope' } });
    const res = await session.post('/api/quotes', {
      customerId: customer.customerId,
      ...input,
      billingAddress: { ...input.billingAddress, state: '', postalCode: 'ABC' },
    });
    expect(res.statusCode).toBe(400);
    expect(issuesOf(res.json())).toEqual([
      ['billingAddress.state', 'validation.state_required'],
      ['billingAddress.postalCode', 'validation.zip_code'],
      ['endUser.name', 'validation.required'],
      ['endUser.email', 'validation.email'],
    ]);
  });
});
