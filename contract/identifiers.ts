/**
 * Identifier formats of SPEC §2, documented once here and validated everywhere (server, web, tests).
 * docs/IDENTIFIERS.md describes them for people.
 */
export const identifierPatterns = {
  customerId: /^[0-9]{7}$/,
  licenseId: /^[A-Z0-9]{10}$/,
  /** A license key is the License ID followed by a dash and the secret part. */
  licenseKey: /^[A-Z0-9]{10}-[A-Z0-9-]{10,}$/,
  subscriptionPackNumber: /^(0[1-9]|1[0-2])[0-9]{2}\/[A-Z0-9]{5,7}$/,
  /** Six digits or more: the counter keeps the look of `Q-2026-000045` and grows past 999,999. */
  quoteNumber: /^Q-[0-9]{4}-[0-9]{6,9}$/,
  orderNumber: /^R-[0-9]{4}-[0-9]{6,9}$/,
  invoiceNumber: /^INV-[0-9]{4}-[0-9]{6,9}$/,
  creditNoteNumber: /^CN-[0-9]{4}-[0-9]{6,9}$/,
  productCode: /^[A-Z0-9]{2,6}$/,
  serviceDomain: /^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
  email: /^[^\s@]+@[^\s@]+\.[^\s@]+$/,
} as const;

export type DocumentKind = 'quote' | 'order' | 'invoice' | 'credit_note';
const documentPrefix: Record<DocumentKind, string> = {
  quote: 'Q',
  order: 'R',
  invoice: 'INV',
  credit_note: 'CN',
};

/** Highest yearly counter a document number can carry (nine digits). */
export const DOCUMENT_SEQUENCE_MAX = 999_999_999;

/**
 * `Q-2026-000045`: prefix, year, and a counter that restarts every year, padded to six digits and
 * longer once it passes 999,999 (`Q-2026-1000000`), so numbers never collide or fail.
 */
export function formatDocumentNumber(kind: DocumentKind, year: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > DOCUMENT_SEQUENCE_MAX) {
    throw new RangeError(`document sequence out of range: ${sequence}`);
  }
  return `${documentPrefix[kind]}-${year}-${String(sequence).padStart(6, '0')}`;
}

/** What the start page's search bar was given (SPEC §3). */
export type LookupKind =
  | 'customerId'
  | 'email'
  | 'subscriptionPackNumber'
  | 'quoteNumber'
  | 'licenseId'
  | 'licenseKey'
  | 'unknown';

/** Recognises the kind of a search-bar input; it only looks at the format, never at the database. */
export function recogniseLookupInput(raw: string): { kind: LookupKind; value: string } {
  const trimmed = raw.trim();
  const upper = trimmed.toUpperCase();
  if (identifierPatterns.customerId.test(trimmed)) return { kind: 'customerId', value: trimmed };
  if (identifierPatterns.email.test(trimmed)) return { kind: 'email', value: trimmed.toLowerCase() };
  if (identifierPatterns.subscriptionPackNumber.test(upper))
    return { kind: 'subscriptionPackNumber', value: upper };
  if (identifierPatterns.quoteNumber.test(upper)) return { kind: 'quoteNumber', value: upper };
  if (identifierPatterns.licenseId.test(upper)) return { kind: 'licenseId', value: upper };
  if (identifierPatterns.licenseKey.test(upper)) return { kind: 'licenseKey', value: upper };
  return { kind: 'unknown', value: trimmed };
}
