import type { z } from 'zod';
import type { PricedLine } from '../../../contract/cart.ts';

/** The lines of an order as they were priced (its quote's), kept whole with the order. */
export interface OrderDocument {
  lines: z.input<typeof PricedLine>[];
  /** The licensee of the quote: the activation email goes to them. */
  endUser?: { name: string; email: string };
}
