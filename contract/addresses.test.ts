import { describe, expect, it } from 'vitest';
import { brazilianStates, checkPostalCode, checkState, cityLine, statesOf, usStates } from './addresses.ts';
import { BillingAddressInput } from './quotes.ts';

describe('the states of an address', () => {
  it('lists the 50 US states and DC, and the 27 UFs of Brazil, each once', () => {
    expect(new Set(usStates).size).toBe(51);
    expect(usStates).toContain('DC');
    expect(new Set(brazilianStates).size).toBe(27);
    expect(brazilianStates).toContain('DF');
    expect(statesOf('DE')).toBeNull();
  });

  it('asks for a state of the list in the US and Brazil, upper-cased', () => {
    expect(checkState('US', 'tx')).toEqual({ ok: true, value: 'TX' });
    expect(checkState('BR', ' sp ')).toEqual({ ok: true, value: 'SP' });
    expect(checkState('US', '')).toEqual({ ok: false, rule: 'state_required' });
    expect(checkState('BR', undefined)).toEqual({ ok: false, rule: 'state_required' });
    expect(checkState('US', 'SP')).toEqual({ ok: false, rule: 'state_us' });
    expect(checkState('BR', 'TX')).toEqual({ ok: false, rule: 'state_br' });
  });

  it('keeps no state where the country has no list', () => {
    expect(checkState('DE', 'Bayern')).toEqual({ ok: true, value: undefined });
  });
});

describe('postal codes by country', () => {
  it('takes a ZIP code of 5 or 9 digits and writes the long one with its dash', () => {
    expect(checkPostalCode('US', '94105')).toEqual({ ok: true, value: '94105' });
    expect(checkPostalCode('US', '94105-1234')).toEqual({ ok: true, value: '94105-1234' });
    expect(checkPostalCode('US', '941051234')).toEqual({ ok: true, value: '94105-1234' });
    for (const wrong of ['9410', '941056', '94105-123', 'ABCDE', '94105 1234-'])
      expect(checkPostalCode('US', wrong)).toEqual({ ok: false, rule: 'zip_code' });
  });

  it('takes a CEP of 8 digits, with or without its dash, and keeps it as 00000-000', () => {
    expect(checkPostalCode('BR', '01310100')).toEqual({ ok: true, value: '01310-100' });
    expect(checkPostalCode('BR', '01310-100')).toEqual({ ok: true, value: '01310-100' });
    for (const wrong of ['0131010', '013101000', '01310-10', 'AB310-100'])
      expect(checkPostalCode('BR', wrong)).toEqual({ ok: false, rule: 'cep' });
  });

  it('leaves other countries free text of letters, digits, spaces and dashes', () => {
    expect(checkPostalCode('GB', 'SW1A 1AA')).toEqual({ ok: true, value: 'SW1A 1AA' });
    expect(checkPostalCode('DE', '10115')).toEqual({ ok: true, value: '10115' });
    expect(checkPostalCode('DE', '10/115')).toEqual({ ok: false, rule: 'postal_code' });
  });
});

describe('the city line', () => {
  it('is written as each country writes it', () => {
    expect(cityLine({ city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' })).toBe(
      'Austin, TX 78701',
    );
    expect(cityLine({ city: 'São Paulo', state: 'SP', postalCode: '01310-100', country: 'BR' })).toBe(
      'São Paulo - SP, 01310-100',
    );
    expect(cityLine({ city: 'Berlin', postalCode: '10115', country: 'DE' })).toBe('10115 Berlin');
    expect(cityLine({ city: 'Austin', postalCode: '78701', country: 'US' })).toBe('78701 Austin');
  });
});

describe('BillingAddressInput', () => {
  const address = { companyName: 'Acme', addressLine1: '1 Main St', city: 'Austin' };

  it('refuses a body that is no address (null, a list, a string) without throwing', () => {
    for (const body of [null, [], 'address', 42])
      expect(BillingAddressInput.safeParse(body).success).toBe(false);
  });

  it('reports every problem of an address at once, the country-dependent ones included', () => {
    const parsed = BillingAddressInput.safeParse({
      companyName: '',
      addressLine1: '1 Main St',
      city: '',
      state: 'SP',
      postalCode: '1234',
      country: 'US',
      vatId: '12',
    });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['companyName', 'required'],
      ['city', 'required'],
      ['state', 'state_us'],
      ['postalCode', 'zip_code'],
      ['vatId', 'tax_id_ein'],
    ]);
  });

  it('does not judge the state or postal code by a country that is itself wrong', () => {
    const parsed = BillingAddressInput.safeParse({ ...address, postalCode: '1', country: 'XX' });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['country']);
  });

  it('normalises a CEP and a UF, and keeps no state where none is asked', () => {
    expect(
      BillingAddressInput.parse({ ...address, state: 'rj', postalCode: '20040002', country: 'BR' }),
    ).toMatchObject({ state: 'RJ', postalCode: '20040-002' });
    expect(
      BillingAddressInput.parse({ ...address, state: 'Bayern', postalCode: '80331', country: 'DE' }),
    ).not.toHaveProperty('state');
  });

  it('asks a US address for its state', () => {
    const parsed = BillingAddressInput.safeParse({ ...address, postalCode: '78701', country: 'US' });
    expect(parsed.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['state', 'state_required'],
    ]);
  });
});
