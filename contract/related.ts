import { z } from 'zod';

/** The kinds of document an order ties together: its quote, itself, its invoice and a credit note. */
export const RelatedDocumentKind = z.enum(['quote', 'order', 'invoice', 'credit_note']);
export type RelatedDocumentKind = z.infer<typeof RelatedDocumentKind>;

/**
 * A document tied to the one shown (issue 18): the quote an order was placed from, the order, its
 * invoice, the credit note that settled it. Only those the user may open are listed.
 */
export const RelatedDocument = z
  .object({
    kind: RelatedDocumentKind,
    number: z.string(),
    /** Where the portal shows it: a page of the web app, or the credit note's PDF. */
    link: z.string(),
  })
  .meta({ id: 'RelatedDocument' });
export type RelatedDocument = z.infer<typeof RelatedDocument>;

export const RelatedDocuments = z.array(RelatedDocument);
