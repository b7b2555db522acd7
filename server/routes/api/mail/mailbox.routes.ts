import type { FastifyInstance } from 'fastify';
import { mailboxApi } from '../../../../contract/mail.ts';
import { publicRoute, route } from '../../../http/route.ts';
import { DomainError } from '../../../lib/errors.ts';
import {
  accountAdminSignInEmails,
  listMailbox,
  readMailboxMessage,
} from '../../../modules/mail/dev-mailbox.ts';

const mailboxOff = () =>
  new DomainError(
    'not_found',
    'mail.mailbox_not_found',
    'This portal sends its emails; it keeps no development mailbox.',
  );

/** The development mailbox, in demo mode (see contract/mail.ts). */
export async function mailboxRoutes(app: FastifyInstance): Promise<void> {
  const access = { actors: ['partner_user', 'vendor_staff'] } as const;
  const demoOnly = () => {
    if (!app.portal.mail.devMailbox) throw mailboxOff();
  };
  route(app, mailboxApi.list, access, async ({ actor, db }) => {
    demoOnly();
    return { items: await listMailbox(db, actor) };
  });
  route(app, mailboxApi.get, access, async ({ actor, db, params }) => {
    demoOnly();
    return readMailboxMessage(db, actor, params.id);
  });
  publicRoute(app, mailboxApi.accountAdminLinks, async ({ db, meta, query }) => {
    demoOnly();
    return { items: await accountAdminSignInEmails(db, { ...query, now: meta.now }) };
  });
}
