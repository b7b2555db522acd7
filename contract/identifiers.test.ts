import { describe, expect, it } from 'vitest';
import { formatDocumentNumber, identifierPatterns, recogniseLookupInput } from './identifiers.ts';

describe('identifier formats (SPEC §2)', () => {
  it('formats document numbers with a yearly counter of six digits or more', () => {
    expect(formatDocumentNumber('quote', 2026, 45)).toBe('Q-2026-000045');
    expect(formatDocumentNumber('order', 2026, 17)).toBe('R-2026-000017');
    expect(formatDocumentNumber('invoice', 2026, 31)).toBe('INV-2026-000031');
    expect(formatDocumentNumber('quote', 2026, 999_999)).toBe('Q-2026-999999');
    // Past a million a year the number grows a digit instead of failing, and stays valid.
    expect(formatDocumentNumber('quote', 2026, 1_000_000)).toBe('Q-2026-1000000');
    expect(identifierPatterns.quoteNumber.test('Q-2026-1000000')).toBe(true);
    expect(identifierPatterns.quoteNumber.test('Q-2026-00045')).toBe(false);
    expect(() => formatDocumentNumber('quote', 2026, 0)).toThrow(RangeError);
    expect(() => formatDocumentNumber('quote', 2026, 1_000_000_000)).toThrow(RangeError);
  });

  it('accepts the documented examples and rejects near misses', () => {
    expect(identifierPatterns.customerId.test('6703615')).toBe(true);
    expect(identifierPatterns.customerId.test('670361')).toBe(false);
    expect(identifierPatterns.licenseId.test('OIY94JBDUQ')).toBe(true);
    expect(identifierPatterns.licenseId.test('oiy94jbduq')).toBe(false);
    expect(identifierPatterns.subscriptionPackNumber.test('0220/ULFQXOB')).toBe(true);
    expect(identifierPatterns.subscriptionPackNumber.test('1320/ULFQXOB')).toBe(false);
    expect(identifierPatterns.quoteNumber.test('Q-2026-000045')).toBe(true);
    expect(identifierPatterns.productCode.test('ALL')).toBe(true);
    expect(identifierPatterns.serviceDomain.test('acme.youtrack.cloud')).toBe(true);
    expect(identifierPatterns.serviceDomain.test('not a domain')).toBe(false);
  });

  it('recognises what the search bar was given', () => {
    expect(recogniseLookupInput(' 6703615 ')).toEqual({ kind: 'customerId', value: '6703615' });
    expect(recogniseLookupInput('IT@Acme.test')).toEqual({ kind: 'email', value: 'it@acme.test' });
    expect(recogniseLookupInput('0220/ulfqxob')).toEqual({
      kind: 'subscriptionPackNumber',
      value: '0220/ULFQXOB',
    });
    expect(recogniseLookupInput('q-2026-000045').kind).toBe('quoteNumber');
    expect(recogniseLookupInput('OIY94JBDUQ').kind).toBe('licenseId');
    expect(recogniseLookupInput('OIY94JBDUQ-ABCDEFGHIJKL').kind).toBe('licenseKey');
    expect(recogniseLookupInput('hello').kind).toBe('unknown');
  });
});
