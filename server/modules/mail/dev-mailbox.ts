import type { z } from 'zod';
import {
  accountAdminMailboxMinutes,
  type MailboxMessage,
  type MailboxMessageSummary,
} from '../../../contract/mail.ts';
import type { Queryable } from '../../db/client.ts';
import { DomainError } from '../../lib/errors.ts';
import { openLicenseKey } from '../../shared/license-key-vault.ts';
import { quotePdfFilename } from '../pdf/quote-pdf.ts';
import {
  findOutboxMessage,
  listAccountAdminSignInEmails,
  listDevMailbox,
  type OutboxRow,
} from './mail.queries.ts';
import { type MailboxReader, mayReadEmail, sealedKindsReadableBy } from './mailbox.policy.ts';
import type { AttachmentSpec } from './outbox.ts';

const MAILBOX_SIZE = 100;

const noSuchEmail = () => new DomainError('not_found', 'mail.not_found', 'No such email in the mailbox.');

/** A partner user sees its organisation's emails; vendor staff see every partner's. */
const scopeOf = (reader: MailboxReader) => (reader.kind === 'partner_user' ? reader.partner.id : null);

function summary(row: OutboxRow): z.input<typeof MailboxMessageSummary> {
  return {
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    sentAt: (row.sentAt ?? row.createdAt).toISOString(),
    attachments: (row.attachments as AttachmentSpec[]).map((a) => quotePdfFilename(a.quoteNumber, a.copy)),
  };
}

/** An email as sent: a sealed one opened, for a reader the policy has let through. */
function message(row: OutboxRow): z.input<typeof MailboxMessage> {
  const open = (body: string) => (row.sealed ? openLicenseKey(body) : body);
  return { ...summary(row), text: open(row.textBody), html: row.htmlBody ? open(row.htmlBody) : null };
}

/** The emails this reader may read, newest first: the others are not listed at all. */
export async function listMailbox(
  db: Queryable,
  reader: MailboxReader,
): Promise<z.input<typeof MailboxMessageSummary>[]> {
  const rows = await listDevMailbox(db, {
    partnerId: scopeOf(reader),
    sealedKinds: sealedKindsReadableBy(reader),
    limit: MAILBOX_SIZE,
  });
  return rows.map(summary);
}

/** One email; one the reader may not read is as missing as one that does not exist. */
export async function readMailboxMessage(
  db: Queryable,
  reader: MailboxReader,
  id: string,
): Promise<z.input<typeof MailboxMessage>> {
  const row = await findOutboxMessage(db, id);
  const scope = scopeOf(reader);
  if (!row?.deliveredVia || (scope !== null && row.partnerId !== scope) || !mayReadEmail(reader, row))
    throw noSuchEmail();
  return message(row);
}

/**
 * The account admin's sign-in links, for the logged-out /account-admin page in demo mode: the admin
 * has no session to read a mailbox with, and a real inbox is what demo mode stands in for. Whoever
 * types an account's Customer ID and an admin contact's email can read them — as anyone may ask
 * for such a link and read it here. That is acceptable only in demo mode, whose passwords are
 * published anyway (never in production); and it shows no other kind of email, nothing to an
 * address that is no admin contact (none is sent there), and only links asked for a moment ago.
 */
export async function accountAdminSignInEmails(
  db: Queryable,
  options: { customerId: string; email: string; now: Date },
): Promise<z.input<typeof MailboxMessage>[]> {
  const rows = await listAccountAdminSignInEmails(db, {
    customerId: options.customerId,
    email: options.email,
    since: new Date(options.now.getTime() - accountAdminMailboxMinutes * 60_000),
    limit: 10,
  });
  return rows.map(message);
}
