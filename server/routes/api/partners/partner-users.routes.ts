import type { FastifyInstance } from 'fastify';
import { partnerUsersApi } from '../../../../contract/partner-users.ts';
import { FileAnswer, publicRoute, route } from '../../../http/route.ts';
import { partnerAuditCsv } from '../../../modules/audit/audit-csv.ts';
import { listPartnerAudit } from '../../../modules/audit/audit-log.ts';
import { acceptInvitation, showInvitation } from '../../../modules/partners/accept-invitation.ts';
import {
  cancelPartnerInvitation,
  changeUserRole,
  deactivateUser,
  inviteUser,
  listPartnerUsers,
  resendPartnerInvitation,
} from '../../../modules/partners/partner-users.ts';

/** The partner's users, invitations and audit log, for its admins; an invitation's link, for anyone holding it. */
export async function partnerUserRoutes(app: FastifyInstance): Promise<void> {
  const admins = { actors: ['partner_user'], permission: 'partner.manage' } as const;
  const publicUrl = app.portal.mail.publicUrl;
  route(app, partnerUsersApi.list, { ...admins, statements: 'named' }, ({ actor, db, meta }) =>
    listPartnerUsers(db, { actor, now: meta.now }),
  );
  route(app, partnerUsersApi.invite, admins, ({ actor, db, meta, body }) =>
    inviteUser(db, app.portal.jobs, { actor, meta, invite: body, publicUrl }),
  );
  route(app, partnerUsersApi.resendInvitation, admins, ({ actor, db, meta, params }) =>
    resendPartnerInvitation(db, app.portal.jobs, { actor, meta, id: params.id, publicUrl }),
  );
  route(app, partnerUsersApi.cancelInvitation, admins, ({ actor, db, meta, params }) =>
    cancelPartnerInvitation(db, { actor, meta, id: params.id }),
  );
  route(app, partnerUsersApi.changeRole, admins, ({ actor, db, meta, params, body }) =>
    changeUserRole(db, { actor, meta, id: params.id, role: body.role }),
  );
  route(app, partnerUsersApi.deactivate, admins, ({ actor, meta, params }) =>
    deactivateUser(app.portal.db, { actor, meta, id: params.id }),
  );
  route(
    app,
    partnerUsersApi.audit,
    { ...admins, reads: 'standby', statements: 'named' },
    ({ actor, db, query }) => listPartnerAudit(db, { actor, filters: query }),
  );
  route(
    app,
    partnerUsersApi.auditCsv,
    { ...admins, reads: 'standby' },
    async ({ actor, db, meta, query }) => {
      const { stream, filename } = await partnerAuditCsv(db, { actor, meta, filters: query });
      return new FileAnswer(stream, filename, 'attachment');
    },
  );
  publicRoute(app, partnerUsersApi.invitation, ({ db, meta, params }) =>
    showInvitation(db, { token: params.token, now: meta.now }),
  );
  publicRoute(app, partnerUsersApi.acceptInvitation, ({ meta, params, body }) =>
    acceptInvitation(app.portal.db, { token: params.token, password: body.password, meta }),
  );
}
