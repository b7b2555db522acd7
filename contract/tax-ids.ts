/**
 * The tax ID a billing address carries, checked by its country (issue 9): a Brazilian CNPJ with its
 * two check digits, an EU VAT number by its country's format, a US EIN by its format, and free
 * text anywhere else. Each is written one canonical way, so the same ID is stored the same.
 */

/** Which kind of tax ID a country takes; it decides the field's label and its check. */
export type TaxIdKind = 'cnpj' | 'eu_vat' | 'ein' | 'other';

/**
 * VAT number formats of the EU member states, after the prefix (VIES). Greece's prefix is EL, not
 * its ISO code GR.
 */
const euVat: Record<string, { prefix: string; body: RegExp }> = {
  AT: { prefix: 'ATU', body: /^\d{8}$/ },
  BE: { prefix: 'BE', body: /^[01]\d{9}$/ },
  BG: { prefix: 'BG', body: /^\d{9,10}$/ },
  CY: { prefix: 'CY', body: /^\d{8}[A-Z]$/ },
  CZ: { prefix: 'CZ', body: /^\d{8,10}$/ },
  DE: { prefix: 'DE', body: /^\d{9}$/ },
  DK: { prefix: 'DK', body: /^\d{8}$/ },
  EE: { prefix: 'EE', body: /^\d{9}$/ },
  GR: { prefix: 'EL', body: /^\d{9}$/ },
  ES: { prefix: 'ES', body: /^[A-Z0-9]\d{7}[A-Z0-9]$/ },
  FI: { prefix: 'FI', body: /^\d{8}$/ },
  FR: { prefix: 'FR', body: /^[A-HJ-NP-Z0-9]{2}\d{9}$/ },
  HR: { prefix: 'HR', body: /^\d{11}$/ },
  HU: { prefix: 'HU', body: /^\d{8}$/ },
  IE: { prefix: 'IE', body: /^(\d{7}[A-W][A-IW]?|\d[A-Z+*]\d{5}[A-W])$/ },
  IT: { prefix: 'IT', body: /^\d{11}$/ },
  LT: { prefix: 'LT', body: /^(\d{9}|\d{12})$/ },
  LU: { prefix: 'LU', body: /^\d{8}$/ },
  LV: { prefix: 'LV', body: /^\d{11}$/ },
  MT: { prefix: 'MT', body: /^\d{8}$/ },
  NL: { prefix: 'NL', body: /^\d{9}B\d{2}$/ },
  PL: { prefix: 'PL', body: /^\d{10}$/ },
  PT: { prefix: 'PT', body: /^\d{9}$/ },
  RO: { prefix: 'RO', body: /^[1-9]\d{1,9}$/ },
  SE: { prefix: 'SE', body: /^\d{10}01$/ },
  SI: { prefix: 'SI', body: /^\d{8}$/ },
  SK: { prefix: 'SK', body: /^\d{10}$/ },
};

export function taxIdKindOf(country: string): TaxIdKind {
  if (country === 'BR') return 'cnpj';
  if (country === 'US') return 'ein';
  return country in euVat ? 'eu_vat' : 'other';
}

/** The two CNPJ check digits of its first twelve (weights 5…2,9…2 then 6…2,9…2, modulo 11). */
function cnpjCheckDigits(first12: string): string {
  const digit = (digits: string) => {
    let weight = digits.length - 7;
    let sum = 0;
    for (const d of digits) {
      sum += Number(d) * weight;
      weight = weight === 2 ? 9 : weight - 1;
    }
    const rest = sum % 11;
    return rest < 2 ? 0 : 11 - rest;
  };
  const first = digit(first12);
  return `${first}${digit(`${first12}${first}`)}`;
}

export type TaxIdCheck = { ok: true; value: string } | { ok: false; code: `tax_id_${TaxIdKind}` };

/**
 * Checks a tax ID for a country and answers its canonical form: a CNPJ as `12.345.678/0001-95`, an
 * EU VAT number upper-case with its prefix and no spaces (the prefix may be left out), an EIN as
 * `12-3456789`; anything else as typed.
 */
export function checkTaxId(country: string, typed: string): TaxIdCheck {
  const value = typed.trim();
  switch (taxIdKindOf(country)) {
    case 'cnpj': {
      const digits = value.replace(/[.\-/\s]/g, '');
      if (!/^\d{14}$/.test(digits) || /^(\d)\1{13}$/.test(digits)) return { ok: false, code: 'tax_id_cnpj' };
      if (cnpjCheckDigits(digits.slice(0, 12)) !== digits.slice(12))
        return { ok: false, code: 'tax_id_cnpj' };
      return {
        ok: true,
        value: `${digits.slice(0, 2)}.${digits.slice(2, 5)}.${digits.slice(5, 8)}/${digits.slice(8, 12)}-${digits.slice(12)}`,
      };
    }
    case 'eu_vat': {
      const format = euVat[country] as { prefix: string; body: RegExp };
      const compact = value.toUpperCase().replace(/[\s.-]/g, '');
      const body = compact.startsWith(format.prefix) ? compact.slice(format.prefix.length) : compact;
      if (!format.body.test(body)) return { ok: false, code: 'tax_id_eu_vat' };
      return { ok: true, value: `${format.prefix}${body}` };
    }
    case 'ein': {
      const digits = value.replace(/[-\s]/g, '');
      if (!/^\d{9}$/.test(digits) || digits.startsWith('00')) return { ok: false, code: 'tax_id_ein' };
      return { ok: true, value: `${digits.slice(0, 2)}-${digits.slice(2)}` };
    }
    case 'other':
      return { ok: true, value };
  }
}

/** An example of each kind, for the field's hint. */
export const taxIdExamples: Record<TaxIdKind, string> = {
  cnpj: '11.222.333/0001-81',
  eu_vat: 'DE123456789',
  ein: '12-3456789',
  other: '',
};

/** The example VAT number of an EU country, with its prefix. */
export function euVatExample(country: string): string {
  const format = euVat[country];
  if (!format) return taxIdExamples.eu_vat;
  const samples: Record<string, string> = {
    ATU: '12345678',
    BE: '0123456789',
    BG: '123456789',
    CY: '12345678L',
    CZ: '12345678',
    DE: '123456789',
    DK: '12345678',
    EE: '123456789',
    EL: '123456789',
    ES: 'A1234567B',
    FI: '12345678',
    FR: 'AB123456789',
    HR: '12345678901',
    HU: '12345678',
    IE: '1234567T',
    IT: '12345678901',
    LT: '123456789',
    LU: '12345678',
    LV: '12345678901',
    MT: '12345678',
    NL: '123456789B01',
    PL: '1234567890',
    PT: '123456789',
    RO: '1234567',
    SE: '123456789001',
    SI: '12345678',
    SK: '1234567890',
  };
  return `${format.prefix}${samples[format.prefix] ?? ''}`;
}
