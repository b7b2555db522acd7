import { sql } from 'drizzle-orm';
import { type DocumentKind, formatDocumentNumber, identifierPatterns } from '../../contract/identifiers.ts';
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

const patternOf: Record<DocumentKind, RegExp> = {
  quote: identifierPatterns.quoteNumber,
  order: identifierPatterns.orderNumber,
  invoice: identifierPatterns.invoiceNumber,
  credit_note: identifierPatterns.creditNoteNumber,
};

/**
 * Takes a number made elsewhere (the vendor's own systems, demo data) into the space: the yearly
 * counter moves past it, so `nextDocumentNumber` never hands it out again. Two documents claiming
 * one number are refused by the unique index of their table.
 */
export async function claimDocumentNumber(tx: Tx, kind: DocumentKind, number: string): Promise<string> {
  if (!patternOf[kind].test(number)) throw new RangeError(`not a ${kind} number: ${number}`);
  const [, yearText, sequenceText] = number.split('-') as [string, string, string];
  const year = Number(yearText);
  const sequence = Number(sequenceText);
  await tx
    .insert(documentCounters)
    .values({ kind, year, lastValue: sequence })
    .onConflictDoUpdate({
      target: [documentCounters.kind, documentCounters.year],
      set: { lastValue: sql`greatest(${documentCounters.lastValue}, excluded.last_value)` },
    });
  return formatDocumentNumber(kind, year, sequence);
}
