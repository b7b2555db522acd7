import { describe, expect, it } from 'vitest';
import { identifierPatterns } from '../../contract/identifiers.ts';
import {
  drawLicenseId,
  drawLicenseKey,
  drawPackNumber,
  licenseIdOfKey,
  licenseKeyHash,
} from './license-identifiers.ts';

describe('license identifiers', () => {
  it('draws License IDs, keys and pack numbers in the documented formats', () => {
    for (let i = 0; i < 200; i++) {
      const id = drawLicenseId();
      expect(id).toMatch(identifierPatterns.licenseId);
      const key = drawLicenseKey(id);
      expect(key).toMatch(identifierPatterns.licenseKey);
      expect(licenseIdOfKey(key)).toBe(id);
    }
    expect(drawPackNumber(new Date('2020-02-14T23:00:00Z'))).toMatch(/^0220\/[A-Z0-9]{7}$/);
    expect(drawPackNumber(new Date('2026-12-31T23:59:59Z'))).toMatch(
      identifierPatterns.subscriptionPackNumber,
    );
  });

  it('finds the License ID only in a whole key, and hashes keys one way', () => {
    expect(licenseIdOfKey('OIY94JBDUQ')).toBeNull();
    expect(licenseIdOfKey('OIY94JBDUQ-SHORT')).toBeNull();
    expect(licenseKeyHash('OIY94JBDUQ-AAAAA-BBBBB')).toMatch(/^[0-9a-f]{64}$/);
    expect(licenseKeyHash('OIY94JBDUQ-AAAAA-BBBBB')).not.toBe(licenseKeyHash('OIY94JBDUQ-AAAAA-BBBBC'));
  });
});
