import type { z } from 'zod';
import type { Quote, SetResalePricesRequest } from '../../../contract/quotes.ts';
import type { Queryable } from '../../db/client.ts';
import { selectOne } from '../../db/select-one.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { todayUtc } from '../../lib/dates.ts';
import { DomainError } from '../../lib/errors.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { effectiveStatus } from './quote-status.ts';
import { quoteActions } from './quotes.policy.ts';
import { storedQuoteOf, updateResalePrices } from './quotes.queries.ts';
import { presentQuote, quoteNotFound } from './quotes.service.ts';

/**
 * Sets or clears the partner's resale prices on lines of an open quote (issue 18): the figures the
 * customer copy shows instead of list prices. The quote's own prices (list, discount, what the
 * partner pays) never change; a closed quote keeps the resale prices it had.
 */
export async function setResalePrices(
  db: Queryable,
  options: { actor: PartnerUserActor; meta: RequestMeta; quoteNumber: string } & z.output<
    typeof SetResalePricesRequest
  >,
): Promise<z.input<typeof Quote>> {
  const { actor, meta, quoteNumber, lines } = options;
  const today = todayUtc(meta.now);
  return db.transaction(async (tx) => {
    const before = await selectOne(tx, storedQuoteOf(actor.partner.id, quoteNumber));
    if (!before) throw quoteNotFound(quoteNumber);
    const status = effectiveStatus(before.status, before.document.validUntil, today);
    if (!quoteActions(actor, { status }).setResalePrices) {
      throw new DomainError(
        'conflict',
        'quote.not_editable',
        `Quote ${quoteNumber} is ${status}: its resale prices can no longer be changed.`,
        { params: { quoteNumber, status } },
      );
    }
    const lineCount = before.document.lines.length;
    const missing = lines.findIndex((l) => l.lineNo > lineCount);
    if (missing !== -1) {
      const lineNo = lines[missing]?.lineNo ?? 0;
      throw new DomainError(
        'invalid',
        'quote.line_not_found',
        `Quote ${quoteNumber} has no line ${lineNo}.`,
        {
          field: `lines.${missing}.lineNo`,
          params: { quoteNumber, lineNo },
        },
      );
    }
    const changed = await updateResalePrices(tx, { partnerId: actor.partner.id, quoteNumber, today }, lines);
    if (changed !== lines.length) {
      throw new DomainError(
        'conflict',
        'quote.changed',
        `Quote ${quoteNumber} changed meanwhile: reload it.`,
        {
          params: { quoteNumber },
        },
      );
    }
    await recordAudit(tx, {
      partnerId: actor.partner.id,
      actor,
      action: 'quote.resale_prices_set',
      subjectType: 'quote',
      subjectId: quoteNumber,
      details: { lines: lines.map((l) => ({ lineNo: l.lineNo, resaleMinor: l.resaleMinor })) },
      meta,
    });
    const after = await selectOne(tx, storedQuoteOf(actor.partner.id, quoteNumber));
    if (!after) throw new Error('quote vanished while its resale prices were set');
    return presentQuote(actor, after, today);
  });
}
