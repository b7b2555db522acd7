import { randomUUID } from 'node:crypto';
import type { Locale } from '../../../contract/catalog.ts';
import type { QuoteCopy } from '../../../contract/quotes.ts';
import type { Queryable } from '../../db/client.ts';
import { type JobQueue, queues } from '../../jobs/job-queue.ts';
import { sealLicenseKey } from '../../shared/license-key-vault.ts';
import { type EmailAbout, emailKinds, subjectRefOf } from './email-kinds.ts';
import { insertOutboxMessage } from './mail.queries.ts';

/** An attachment described, not carried: rendered when the email is sent (see delivery.ts). */
/** `copy` left out (emails queued before customer copies existed): the internal copy. */
export type AttachmentSpec = { kind: 'quote_pdf'; quoteNumber: string; locale: Locale; copy?: QuoteCopy };

export interface OutgoingEmail {
  /** The partner the email is sent for (null: the vendor's own). */
  partnerId: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments?: AttachmentSpec[];
  /**
   * What it is about. Its kind decides whether the bodies are sealed until sent (they carry a
   * one-time link or license keys) and who may read it in the development mailbox.
   */
  about: EmailAbout;
}

/**
 * Writes an email to the outbox and its delivery job, both inside the caller's transaction: the
 * email exists exactly when the business change that caused it does, and is sent after commit by
 * whichever app process takes the job (retried with backoff while the SMTP server is away).
 */
export async function queueEmail(tx: Queryable, jobs: JobQueue, email: OutgoingEmail): Promise<string> {
  const id = randomUUID();
  const sealed = emailKinds[email.about.kind].sealed;
  await insertOutboxMessage(tx, {
    id,
    partnerId: email.partnerId,
    toAddress: email.to,
    subject: email.subject,
    textBody: sealed ? sealLicenseKey(email.text) : email.text,
    htmlBody: sealed ? sealLicenseKey(email.html) : email.html,
    sealed,
    attachments: email.attachments ?? [],
    // The same Message-ID on every attempt: a copy resent after a lost answer is the same message.
    messageId: `<${id}@partner-portal.mail>`,
    subjectRef: subjectRefOf(email.about),
  });
  await jobs.send(tx, queues.mail.name, { outboxId: id }, { singletonKey: id });
  return id;
}

export { outboxBacklog } from './mail.queries.ts';
