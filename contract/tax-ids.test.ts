import { describe, expect, it } from 'vitest';
import { checkTaxId, euVatExample, taxIdKindOf } from './tax-ids.ts';

describe('tax IDs by country', () => {
  it('takes a CNPJ with right check digits, formatted or not, and writes it one way', () => {
    expect(checkTaxId('BR', '11.222.333/0001-81')).toEqual({ ok: true, value: '11.222.333/0001-81' });
    expect(checkTaxId('BR', '11222333000181')).toEqual({ ok: true, value: '11.222.333/0001-81' });
    // A first check digit of 0 (remainder below 2).
    expect(checkTaxId('BR', '04.252.011/0001-10')).toEqual({ ok: true, value: '04.252.011/0001-10' });
    for (const bad of [
      '11.222.333/0001-82',
      '11.222.333/0001-91',
      '1122233300018',
      '00000000000000',
      'ABC',
    ]) {
      expect(checkTaxId('BR', bad), bad).toEqual({ ok: false, code: 'tax_id_cnpj' });
    }
  });

  it('checks EU VAT numbers by their country, with or without the prefix', () => {
    expect(checkTaxId('DE', 'de 123 456 789')).toEqual({ ok: true, value: 'DE123456789' });
    expect(checkTaxId('DE', '123456789')).toEqual({ ok: true, value: 'DE123456789' });
    expect(checkTaxId('GR', '123456789')).toEqual({ ok: true, value: 'EL123456789' });
    expect(checkTaxId('AT', 'ATU12345678')).toEqual({ ok: true, value: 'ATU12345678' });
    expect(checkTaxId('NL', 'NL123456789B01').ok).toBe(true);
    expect(checkTaxId('DE', 'DE12345678')).toEqual({ ok: false, code: 'tax_id_eu_vat' });
    expect(checkTaxId('FR', 'FR1234')).toEqual({ ok: false, code: 'tax_id_eu_vat' });
    for (const country of ['AT', 'BE', 'DE', 'ES', 'FR', 'GR', 'IE', 'IT', 'NL', 'PT', 'SE']) {
      expect(checkTaxId(country, euVatExample(country)).ok, country).toBe(true);
    }
  });

  it('checks a US EIN by its format and leaves other countries free', () => {
    expect(checkTaxId('US', '123456789')).toEqual({ ok: true, value: '12-3456789' });
    expect(checkTaxId('US', '12-3456789')).toEqual({ ok: true, value: '12-3456789' });
    expect(checkTaxId('US', '12-345678')).toEqual({ ok: false, code: 'tax_id_ein' });
    expect(checkTaxId('JP', ' T1234567890123 ')).toEqual({ ok: true, value: 'T1234567890123' });
    expect([taxIdKindOf('BR'), taxIdKindOf('PT'), taxIdKindOf('US'), taxIdKindOf('CH')]).toEqual([
      'cnpj',
      'eu_vat',
      'ein',
      'other',
    ]);
  });
});
