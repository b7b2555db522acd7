import type { FastifyInstance } from 'fastify';
import { accountAdminApi } from '../../../../contract/account-admin.ts';
import { setSessionCookies } from '../../../http/cookies.ts';
import { publicRoute, route } from '../../../http/route.ts';
import {
  accountAdminView,
  findPartners,
  grantAsAdmin,
  requestAdminLink,
  signInAccountAdmin,
  withdrawAsAdmin,
} from '../../../modules/customers/account-admin.ts';
import { actorOfSession } from '../../../modules/sessions/session-gate.ts';

/** The account admin's pages (issue 10): a link by email, then the account's Purchaser grants. */
export async function accountAdminRoutes(app: FastifyInstance): Promise<void> {
  const { db, jobs, mail } = app.portal;
  // Both take the root database: a counted attempt and a used link must outlive a failure after.
  publicRoute(app, accountAdminApi.requestLink, async ({ meta, body }) => ({
    ...(await requestAdminLink(db, jobs, { ...body, meta, publicUrl: mail.publicUrl })),
    // The same for every address: whether the page may offer the demo mailbox, not whether one was sent.
    demoMailbox: mail.devMailbox,
  }));
  publicRoute(app, accountAdminApi.signIn, async ({ meta, body, reply }) => {
    const session = await signInAccountAdmin(db, { token: body.token, meta });
    const actor = await actorOfSession(db, session.tokenHash, meta.now);
    if (actor?.kind !== 'account_admin')
      throw new Error('an account admin sign-in made another kind of session');
    setSessionCookies(reply, { ...session, now: meta.now, secure: app.portal.cookieSecure });
    return accountAdminView(db, actor);
  });
  const admins = { actors: ['account_admin'] } as const;
  route(app, accountAdminApi.me, admins, ({ actor, db }) => accountAdminView(db, actor));
  route(app, accountAdminApi.partners, admins, async ({ db, query }) => ({
    items: await findPartners(db, query.q),
  }));
  route(app, accountAdminApi.grant, admins, ({ actor, db, meta, body }) =>
    grantAsAdmin(db, { actor, meta, partnerId: body.partnerId }),
  );
  route(app, accountAdminApi.withdraw, admins, ({ actor, db, meta, params }) =>
    withdrawAsAdmin(db, { actor, meta, partnerId: params.partnerId }),
  );
}
