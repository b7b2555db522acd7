import nodemailer, { type SendMailOptions } from 'nodemailer';
import type { Queryable } from '../../db/client.ts';
import { type JobQueue, queues } from '../../jobs/job-queue.ts';
import { openLicenseKey } from '../../shared/license-key-vault.ts';
import { quotePdfFilename, renderQuotePdf } from '../pdf/quote-pdf.ts';
import { findOutboxMessage, findQuoteDocument, markSent, recordFailedAttempt } from './mail.queries.ts';
import type { AttachmentSpec } from './outbox.ts';

/** How emails leave: an SMTP server, or the development mailbox (kept in the outbox, shown by the app). */
export interface MailTransport {
  via: 'smtp' | 'devbox';
  send(message: SendMailOptions): Promise<void>;
  close(): void;
}

export function smtpTransport(smtpUrl: string): MailTransport {
  // Bounded, so a send ends well before its job counts as lost (JOB_EXPIRE_SECONDS).
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
  });
  return {
    via: 'smtp',
    send: async (message) => {
      await transporter.sendMail(message);
    },
    close: () => transporter.close(),
  };
}

/** Renders the whole message (as SMTP would get it) and keeps nothing else: the outbox row is the mailbox. */
export function devMailboxTransport(): MailTransport {
  const renderer = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    via: 'devbox',
    send: async (message) => {
      await renderer.sendMail(message);
    },
    close: () => renderer.close(),
  };
}

async function renderAttachment(db: Queryable, partnerId: string | null, spec: AttachmentSpec) {
  switch (spec.kind) {
    case 'quote_pdf': {
      const row = await findQuoteDocument(db, spec.quoteNumber, partnerId);
      if (!row) throw new Error(`quote ${spec.quoteNumber} of the email is missing`);
      return {
        filename: quotePdfFilename(spec.quoteNumber, spec.copy),
        content: await renderQuotePdf(row, spec.locale, spec.copy ?? 'internal'),
        contentType: 'application/pdf',
      };
    }
  }
}

/**
 * Sends one outbox message (idempotent: a message already sent is left alone). A failure is
 * written on the message and thrown, so the job queue retries it with backoff; after the last
 * retry the message is marked failed.
 */
export async function deliverOutboxMessage(
  db: Queryable,
  transport: MailTransport,
  options: { from: string; outboxId: string; retryCount: number; now: () => Date },
): Promise<void> {
  const message = await findOutboxMessage(db, options.outboxId);
  if (message?.status !== 'pending') return;
  const attempts = options.retryCount + 1;
  try {
    const specs = message.attachments as AttachmentSpec[];
    const attachments = await Promise.all(specs.map((spec) => renderAttachment(db, message.partnerId, spec)));
    await transport.send({
      from: options.from,
      to: message.toAddress,
      subject: message.subject,
      text: message.sealed ? openLicenseKey(message.textBody) : message.textBody,
      ...(message.htmlBody
        ? { html: message.sealed ? openLicenseKey(message.htmlBody) : message.htmlBody }
        : {}),
      messageId: message.messageId,
      attachments,
    });
  } catch (error) {
    await recordFailedAttempt(db, message.id, {
      error: error instanceof Error ? error.message : String(error),
      attempts,
      final: options.retryCount >= queues.mail.options.retryLimit,
    });
    throw error;
  }
  await markSent(db, message.id, { via: transport.via, at: options.now(), attempts });
}

/** Runs the delivery of outbox messages in this process. */
export async function startMailDelivery(
  jobs: JobQueue,
  db: Queryable,
  transport: MailTransport,
  options: { from: string; now?: () => Date },
): Promise<void> {
  await jobs.work<{ outboxId: string }>(queues.mail.name, (job) =>
    deliverOutboxMessage(db, transport, {
      from: options.from,
      outboxId: job.data.outboxId,
      retryCount: job.retryCount,
      now: options.now ?? (() => new Date()),
    }),
  );
}
