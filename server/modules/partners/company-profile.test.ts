import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPartner, quoteInput, type TestPartner } from '../../test/factories.ts';
import { startTestApp, type TestApp } from '../../test/harness.ts';

let t: TestApp;
let partner: TestPartner;
beforeAll(async () => {
  t = await startTestApp();
  partner = await createTestPartner(t.db, t.app, { country: 'BR', currency: 'BRL', discountPercent: 10 });
});
afterAll(() => t.close());

const brazilian = {
  companyName: 'Revenda São João Ltda',
  addressLine1: 'Rua Augusta, 1500',
  city: 'São Paulo',
  state: 'SP',
  postalCode: '01304-001',
  country: 'BR',
};

describe('the company profile', () => {
  it('shows every user the organisation; only an admin edits its billing address', async () => {
    const sales = await partner.loginAs('sales');
    const seen = await sales.get('/api/partner/profile');
    expect(seen.json()).toMatchObject({
      name: partner.name,
      country: 'BR',
      currency: 'BRL',
      discountPercent: 10,
      creditTerms: false,
      billingAddress: null,
      actions: { edit: false },
    });
    const refused = await sales.put('/api/partner/profile/billing-address', { ...brazilian });
    expect(refused.statusCode).toBe(403);

    const admin = await partner.loginAs('admin');
    const saved = await admin.put('/api/partner/profile/billing-address', {
      ...brazilian,
      vatId: '11222333000181',
    });
    expect(saved.statusCode).toBe(200);
    // The CNPJ is checked and written one way.
    expect(saved.json()).toMatchObject({
      billingAddress: { ...brazilian, vatId: '11.222.333/0001-81' },
      actions: { edit: true },
    });
    expect((await sales.get('/api/partner/profile')).json().billingAddress.vatId).toBe('11.222.333/0001-81');
  });

  it('refuses a tax ID that does not fit the country, next to the field', async () => {
    const admin = await partner.loginAs('admin');
    const cases = [
      { country: 'BR', vatId: '11.222.333/0001-82', code: 'tax_id_cnpj' },
      { country: 'DE', vatId: 'DE12345', code: 'tax_id_eu_vat' },
      { country: 'US', vatId: '12-345', code: 'tax_id_ein' },
    ];
    for (const c of cases) {
      const res = await admin.put('/api/partner/profile/billing-address', {
        ...quoteInput().billingAddress,
        country: c.country,
        vatId: c.vatId,
      });
      expect(res.statusCode, c.country).toBe(400);
      expect(JSON.stringify(res.json()), c.country).toContain(c.code);
      expect(JSON.stringify(res.json())).toContain('vatId');
    }
  });
});
