import type { QuoteStatus, StoredQuoteStatus } from '../../../contract/quotes.ts';

/** An open quote past its validity date is shown, and treated, as expired. */
export function effectiveStatus(status: StoredQuoteStatus, validUntil: string, today: string): QuoteStatus {
  return status === 'open' && validUntil < today ? 'expired' : status;
}
