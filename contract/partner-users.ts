import { z } from 'zod';
import { AuditAccount, AuditActor, AuditAmount, AuditSubject } from './audit-actions.ts';
import { endpoint } from './endpoint.ts';
import { Role } from './permissions.ts';
import {
  DateRangeFields,
  datesInOrder,
  Email,
  Pagination,
  requiredDisplayText,
  SearchText,
  secret,
} from './validation.ts';

/** A user of the partner as its admins manage them (SPEC §1): someone who has a login. */
export const PartnerUser = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: Role,
    /** `deactivated`: can no longer log in. */
    status: z.enum(['active', 'deactivated']),
    createdAt: z.iso.datetime({ offset: true }),
    /** Whether this is the user asking (who cannot deactivate or demote themselves). */
    isYou: z.boolean(),
    /** What the user asking may do with this user now (the server refuses the rest). */
    actions: z
      .object({ changeRole: z.boolean(), deactivate: z.boolean() })
      .meta({ id: 'PartnerUserActions' }),
  })
  .meta({ id: 'PartnerUser' });
export type PartnerUser = z.infer<typeof PartnerUser>;

/**
 * An invitation of the partner waiting for its invitee to choose a password (issue 16); the user
 * exists only once they have. Its admins resend it (a new link; the old one stops working) or
 * cancel it.
 */
export const PendingInvitation = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: Role,
    invitedAt: z.iso.datetime({ offset: true }),
    /** When the link last sent stops working; a resend sends a new one for 7 more days. */
    expiresAt: z.iso.datetime({ offset: true }),
    expired: z.boolean(),
  })
  .meta({ id: 'PendingInvitation' });
export type PendingInvitation = z.infer<typeof PendingInvitation>;

export const PartnerUserList = z
  .object({ items: z.array(PartnerUser), invitations: z.array(PendingInvitation) })
  .meta({ id: 'PartnerUserList' });

export const InviteUserRequest = z
  .strictObject({ email: Email, name: requiredDisplayText(100), role: Role })
  .meta({ id: 'InviteUserRequest' });
export type InviteUserRequest = z.infer<typeof InviteUserRequest>;

/** A password a person chooses: long enough to resist guessing, at most what the hash takes. */
export const NewPassword = secret(200)
  .refine((value) => value.length >= 12, { error: 'password_short' })
  .meta({ description: 'At least 12 characters, no control characters (as login takes them)' });

export const LinkToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, { error: 'link_token' });

export const Invitation = z
  .object({
    email: z.string(),
    name: z.string(),
    partnerName: z.string(),
    /**
     * The address already has a Partner Portal login (with any partner): the invitation cannot be
     * accepted with it. Told to whoever holds the link (the addressee), never to the inviter.
     */
    emailHasLogin: z.boolean(),
  })
  .meta({ id: 'Invitation' });

export const AuditEntry = z
  .object({
    id: z.number().int(),
    occurredAt: z.iso.datetime({ offset: true }),
    /** Who did it: a user of the partner or vendor staff, by name; null when nobody is known. */
    actor: AuditActor.nullable(),
    /** One of contract/audit-actions.ts (an older, unknown code is shown as it is). */
    action: z.string(),
    subject: AuditSubject,
    /** The customer account the entry is about, by name, where there is one. */
    account: AuditAccount.nullable(),
    /** The document's total (an order, a quote, an invoice), where there is one. */
    amount: AuditAmount.nullable(),
    /** What else was recorded (a role's change, an address mailed, a number of licenses…). */
    details: z.record(z.string(), z.unknown()),
    ip: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

/** What narrows the audit log, its pages and its CSV alike. */
const auditFilterFields = {
  ...DateRangeFields,
  /** An action, or its beginning (`order.` for every order action). */
  action: z
    .string()
    .regex(/^[a-z_.]{1,60}$/, { error: 'invalid' })
    .optional(),
  /** A user's email or a subject (an order number, a Customer ID…), in part. */
  q: SearchText,
};

export const AuditLogQuery = z.strictObject({ ...auditFilterFields, ...Pagination }).refine(...datesInOrder);
export type AuditLogFilters = z.output<typeof AuditLogQuery>;

/** The audit log's filters without pages: the CSV holds every entry they match. */
export const AuditExportQuery = z.strictObject(auditFilterFields).refine(...datesInOrder);
export type AuditExportFilters = z.output<typeof AuditExportQuery>;

export const AuditLog = z
  .object({
    items: z.array(AuditEntry),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'AuditLog' });

const UserParams = z.strictObject({ id: z.uuid({ error: 'invalid' }) });
const InvitationParams = z.strictObject({ id: z.uuid({ error: 'invalid' }) });
const TokenParams = z.strictObject({ token: LinkToken });

export const partnerUsersApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/partner/users',
    operationId: 'listPartnerUsers',
    summary: "The partner's users with their roles and status, and its pending invitations (partner admins)",
    tag: 'partner',
    response: PartnerUserList,
  }),
  invite: endpoint({
    method: 'POST',
    path: '/api/partner/users',
    operationId: 'invitePartnerUser',
    summary:
      'Invite a user: an email with a one-time link (valid 7 days) to set a password; the user is made then',
    tag: 'partner',
    body: InviteUserRequest,
    response: PartnerUserList,
    status: 201,
    idempotent: true,
  }),
  changeRole: endpoint({
    method: 'PUT',
    path: '/api/partner/users/:id/role',
    operationId: 'changePartnerUserRole',
    summary: "Change a user's role; the partner keeps at least one active admin",
    tag: 'partner',
    params: UserParams,
    body: z.strictObject({ role: Role }).meta({ id: 'ChangeRoleRequest' }),
    response: PartnerUserList,
  }),
  deactivate: endpoint({
    method: 'POST',
    path: '/api/partner/users/:id/deactivate',
    operationId: 'deactivatePartnerUser',
    summary: 'Deactivate a user: they can no longer log in, and their sessions end at once',
    tag: 'partner',
    params: UserParams,
    response: PartnerUserList,
  }),
  resendInvitation: endpoint({
    method: 'POST',
    path: '/api/partner/invitations/:id/resend',
    operationId: 'resendPartnerInvitation',
    summary: 'Send a pending invitation again: a new link for 7 days; the link sent before stops working',
    tag: 'partner',
    params: InvitationParams,
    response: PartnerUserList,
    idempotent: true,
  }),
  cancelInvitation: endpoint({
    method: 'POST',
    path: '/api/partner/invitations/:id/cancel',
    operationId: 'cancelPartnerInvitation',
    summary: 'Cancel a pending invitation: its link stops working',
    tag: 'partner',
    params: InvitationParams,
    response: PartnerUserList,
  }),
  audit: endpoint({
    method: 'GET',
    path: '/api/partner/audit',
    operationId: 'listPartnerAudit',
    summary: "The partner's audit log, newest first: date range, action, and a user or subject",
    tag: 'partner',
    query: AuditLogQuery,
    response: AuditLog,
  }),
  auditCsv: endpoint({
    method: 'GET',
    path: '/api/partner/audit.csv',
    operationId: 'exportPartnerAuditCsv',
    summary:
      'The audit log with the same filters as a CSV file: every matching entry, newest first, streamed',
    tag: 'partner',
    query: AuditExportQuery,
    response: z.string().meta({ format: 'binary', description: 'The entries as CSV (UTF-8 with BOM)' }),
    file: { contentType: 'text/csv; charset=utf-8' },
  }),
  invitation: endpoint({
    method: 'GET',
    path: '/api/invitations/:token',
    operationId: 'getInvitation',
    summary: "Who an invitation's link is for (before setting the password)",
    tag: 'auth',
    params: TokenParams,
    response: Invitation,
  }),
  acceptInvitation: endpoint({
    method: 'POST',
    path: '/api/invitations/:token',
    operationId: 'acceptInvitation',
    summary:
      "Set the password with an invitation's one-time link, which makes the user; then log in. Refused (409) when the address already has a login",
    tag: 'auth',
    params: TokenParams,
    body: z.strictObject({ password: NewPassword }).meta({ id: 'AcceptInvitationRequest' }),
    response: z.object({ email: z.string() }).meta({ id: 'InvitationAccepted' }),
  }),
};
