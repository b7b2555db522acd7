import type { z } from 'zod';
import type { Locale } from '../../../contract/catalog.ts';
import type { EmailQuoteRequest, QuoteCopy } from '../../../contract/quotes.ts';
import type { Db, Queryable } from '../../db/client.ts';
import type { QuoteDocument } from '../../db/documents/quote-document.ts';
import { selectOne } from '../../db/select-one.ts';
import type { PortalMail } from '../../http/portal.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import type { JobQueue } from '../../jobs/job-queue.ts';
import { todayUtc } from '../../lib/dates.ts';
import { DomainError } from '../../lib/errors.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueEmail } from '../mail/outbox.ts';
import { countEmailSend } from '../mail/send-limits.ts';
import { quoteEmail } from '../mail/templates.ts';
import { effectiveStatus } from './quote-status.ts';
import { storedQuoteOf } from './quotes.queries.ts';
import { quoteNotFound } from './quotes.service.ts';

/** Puts a quote's email (its PDF attached, rendered when sent) in the outbox, in the caller's transaction. */
export async function queueQuoteEmail(
  tx: Queryable,
  jobs: JobQueue,
  options: {
    actor: PartnerUserActor;
    mail: PortalMail;
    quote: QuoteDocument;
    to: string;
    locale: Locale;
    copy: QuoteCopy;
  },
): Promise<void> {
  const { actor, quote, locale, copy } = options;
  await queueEmail(tx, jobs, {
    partnerId: actor.partner.id,
    to: options.to,
    ...quoteEmail({ locale, partnerName: actor.partner.name, quote, publicUrl: options.mail.publicUrl }),
    attachments: [{ kind: 'quote_pdf', quoteNumber: quote.quoteNumber, locale, copy }],
    about: { kind: 'quote', ref: quote.quoteNumber },
  });
}

/**
 * Email again (SPEC §7 "a copy obtained"): an open quote, with its PDF, to any address. A quote
 * that can no longer be ordered (cancelled, expired, ordered) is not sent out again as an offer.
 */
export async function emailQuote(
  db: Db,
  jobs: JobQueue,
  mail: PortalMail,
  options: { actor: PartnerUserActor; meta: RequestMeta; quoteNumber: string } & z.output<
    typeof EmailQuoteRequest
  >,
): Promise<{ sentTo: string }> {
  const { actor, meta } = options;
  return db.transaction(async (tx) => {
    await countEmailSend(tx, actor, meta.now);
    const stored = await selectOne(tx, storedQuoteOf(actor.partner.id, options.quoteNumber));
    if (!stored) throw quoteNotFound(options.quoteNumber);
    const status = effectiveStatus(stored.status, stored.document.validUntil, todayUtc(meta.now));
    if (status !== 'open') {
      throw new DomainError(
        'conflict',
        'quote.not_sendable',
        `Quote ${options.quoteNumber} is ${status}: only an open quote is sent out.`,
        { params: { quoteNumber: options.quoteNumber, status } },
      );
    }
    await queueQuoteEmail(tx, jobs, {
      actor,
      mail,
      quote: stored.document,
      to: options.to,
      locale: options.locale ?? actor.locale,
      copy: options.copy,
    });
    await recordAudit(tx, {
      partnerId: actor.partner.id,
      actor,
      action: 'quote.emailed',
      subjectType: 'quote',
      subjectId: options.quoteNumber,
      details: { to: options.to, copy: options.copy },
      meta,
    });
    return { sentTo: options.to };
  });
}
