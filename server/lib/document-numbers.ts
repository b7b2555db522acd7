import { sql } from 'drizzle-orm';
import { type DocumentKind, formatDocumentNumber } from '../../contract/identifiers.ts';
import type { Tx } from '../db/client.ts';
import { documentCounters } from '../db/schema/index.ts';

/**
 * Next number for a quote, order or invoice. The counter row is locked by the upsert until the
 * caller's transaction ends, so numbers are unique and gapless across app instances.
 */
export async function nextDocumentNumber(tx: Tx, kind: DocumentKind, now = new Date()): Promise<string> {
  const year = now.getUTCFullYear();
  const [row] = await tx
    .insert(documentCounters)
    .values({ kind, year, lastValue: 1 })
    .onConflictDoUpdate({
      target: [documentCounters.kind, documentCounters.year],
      set: { lastValue: sql`${documentCounters.lastValue} + 1` },
    })
    .returning({ lastValue: documentCounters.lastValue });
  if (!row) throw new Error('document counter upsert returned no row');
  return formatDocumentNumber(kind, year, row.lastValue);
}
