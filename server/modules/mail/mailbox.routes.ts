import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { type MailboxMessageSummary, mailboxApi } from '../../../contract/mail.ts';
import { route } from '../../http/route.ts';
import { DomainError } from '../../lib/errors.ts';
import { type Actor, can } from '../auth/actor.ts';
import { openLicenseKey } from '../licenses/license-key-vault.ts';
import { findOutboxMessage, listDevMailbox, type OutboxRow } from './mail.queries.ts';
import type { AttachmentSpec } from './outbox.ts';

const MAILBOX_SIZE = 100;
const sealedNote = 'This email carries license keys: it is shown to users who handle licenses.';

const mailboxOff = () =>
  new DomainError(
    'not_found',
    'mail.mailbox_not_found',
    'This portal sends its emails; it keeps no development mailbox.',
  );
const noSuchEmail = () => new DomainError('not_found', 'mail.not_found', 'No such email in the mailbox.');

/** A partner user sees its organisation's emails; vendor staff see all. */
const scopeOf = (actor: Actor) => (actor.kind === 'partner_user' ? actor.partner.id : null);

function summary(row: OutboxRow): z.input<typeof MailboxMessageSummary> {
  return {
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    sentAt: (row.sentAt ?? row.createdAt).toISOString(),
    attachments: (row.attachments as AttachmentSpec[]).map((a) => `${a.quoteNumber}.pdf`),
  };
}

/** The development mailbox, in demo mode (see contract/mail.ts). */
export async function mailboxRoutes(app: FastifyInstance): Promise<void> {
  const access = { actors: ['partner_user', 'vendor_staff'] } as const;
  route(app, mailboxApi.list, access, async ({ actor, db }) => {
    if (!app.portal.mail.devMailbox) throw mailboxOff();
    const rows = await listDevMailbox(db, { partnerId: scopeOf(actor), limit: MAILBOX_SIZE });
    return { items: rows.map(summary) };
  });
  route(app, mailboxApi.get, access, async ({ actor, db, params }) => {
    if (!app.portal.mail.devMailbox) throw mailboxOff();
    const row = await findOutboxMessage(db, params.id);
    const scope = scopeOf(actor);
    if (!row?.deliveredVia || (scope !== null && row.partnerId !== scope)) throw noSuchEmail();
    // An email with license keys opens for those who handle licenses (and vendor staff) only.
    const mayOpen = actor.kind === 'vendor_staff' || can(actor, 'licenses.read');
    const open = (body: string) => (row.sealed ? (mayOpen ? openLicenseKey(body) : sealedNote) : body);
    return { ...summary(row), text: open(row.textBody), html: row.htmlBody ? open(row.htmlBody) : null };
  });
}
