import { createHash, randomInt } from 'node:crypto';
import { identifierPatterns } from '../../contract/identifiers.ts';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomCode(length: number): string {
  let code = '';
  for (let i = 0; i < length; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

/** A fresh License ID: 10 upper-case letters or digits (SPEC §2); uniqueness is the database's. */
export function drawLicenseId(): string {
  return randomCode(10);
}

/**
 * A license key: its License ID, a dash and 20 random characters in groups of five
 * (`OIY94JBDUQ-K2M9X-Q4TZ7-…`), about 103 bits of secret.
 */
export function drawLicenseKey(licenseId: string): string {
  const groups = Array.from({ length: 4 }, () => randomCode(5));
  return `${licenseId}-${groups.join('-')}`;
}

/** The License ID a license key begins with, or null when the text is no license key. */
export function licenseIdOfKey(key: string): string | null {
  return identifierPatterns.licenseKey.test(key) ? key.slice(0, 10) : null;
}

/** What the database keeps of a key: its SHA-256, so a key finds its license but is never stored. */
export function licenseKeyHash(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** `MMYY/XXXXXXX`: the pack's creation month and year, a slash and 7 random characters (SPEC §2). */
export function drawPackNumber(createdAt: Date): string {
  const month = String(createdAt.getUTCMonth() + 1).padStart(2, '0');
  const year = String(createdAt.getUTCFullYear() % 100).padStart(2, '0');
  return `${month}${year}/${randomCode(7)}`;
}
