import type { z } from 'zod';
import type { CartLineIssue, PricedLine } from '../../../contract/index.ts';

/** A quote line, or a cart line, which may have an issue that keeps it from being quoted. */
export type Line = z.infer<typeof PricedLine> & { issue?: CartLineIssue | null };

/** The style of an amount cell: on one line, to the right. */
export const amount = { whiteSpace: 'nowrap', textAlign: 'right' } as const;
