import { z } from 'zod';
import { CustomerId } from './customers.ts';
import { endpoint } from './endpoint.ts';
import { Email } from './validation.ts';

/** An email the portal sent, as the development mailbox lists it. */
export const MailboxMessageSummary = z
  .object({
    id: z.uuid(),
    to: z.string(),
    subject: z.string(),
    sentAt: z.iso.datetime({ offset: true }),
    /** File names of its attachments. */
    attachments: z.array(z.string()),
  })
  .meta({ id: 'MailboxMessageSummary' });

export const MailboxMessage = MailboxMessageSummary.extend({
  text: z.string(),
  html: z.string().nullable(),
}).meta({ id: 'MailboxMessage' });
export type MailboxMessage = z.infer<typeof MailboxMessage>;

/** How far back the account admin's demo mailbox looks: a link asked for a moment ago. */
export const accountAdminMailboxMinutes = 15;

/**
 * The development mailbox (demo mode without SMTP_URL): the emails the portal would have sent, so a
 * new user sees them. Answers 404 `mail.mailbox_not_found` wherever emails really leave.
 */
export const mailboxApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/dev/mailbox',
    operationId: 'listDevMailbox',
    summary:
      "Emails kept in the development mailbox (demo mode without SMTP): your organisation's, newest first; of those carrying a one-time link or license keys, only the ones your role may read",
    tag: 'mail',
    response: z.object({ items: z.array(MailboxMessageSummary) }).meta({ id: 'Mailbox' }),
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/dev/mailbox/:id',
    operationId: 'getDevMailboxMessage',
    summary: 'One email of the development mailbox, as text and HTML',
    tag: 'mail',
    params: z.strictObject({ id: z.uuid({ error: 'invalid' }) }),
    response: MailboxMessage,
  }),
  accountAdminLinks: endpoint({
    method: 'GET',
    path: '/api/dev/mailbox/account-admin',
    operationId: 'listDemoAccountAdminLinks',
    summary: `Demo mode only, without logging in: the sign-in links sent in the last ${accountAdminMailboxMinutes} minutes to this admin contact of the account (no other email), newest first`,
    tag: 'mail',
    query: z.strictObject({ customerId: CustomerId, email: Email }),
    response: z.object({ items: z.array(MailboxMessage) }).meta({ id: 'AccountAdminMailbox' }),
  }),
};
