import { z } from 'zod';
import { CustomerAccount, CustomerId } from './customers.ts';
import { endpoint } from './endpoint.ts';
import { LinkToken } from './partner-users.ts';
import { Email, SearchText } from './validation.ts';

/** An account admin's view of their account (SPEC §1, §10): its Purchasers now and their history. */
export const AccountAdminView = z
  .object({
    account: CustomerAccount,
    email: z.string(),
    /** Send back in the `x-csrf-token` header with every state-changing request. */
    csrfToken: z.string(),
    purchasers: z.array(
      z.object({
        partnerId: z.uuid(),
        name: z.string(),
        country: z.string(),
        grantedAt: z.iso.datetime({ offset: true }),
      }),
    ),
    history: z.array(
      z.object({
        partnerName: z.string(),
        event: z.enum(['granted', 'withdrawn']),
        byEmail: z.string().nullable(),
        occurredAt: z.iso.datetime({ offset: true }),
      }),
    ),
  })
  .meta({ id: 'AccountAdminView' });
export type AccountAdminView = z.infer<typeof AccountAdminView>;

export const PartnerMatch = z
  .object({ partnerId: z.uuid(), name: z.string(), country: z.string() })
  .meta({ id: 'PartnerMatch' });

export const accountAdminApi = {
  requestLink: endpoint({
    method: 'POST',
    path: '/api/account-admin/links',
    operationId: 'requestAccountAdminLink',
    summary:
      'Ask for a one-time sign-in link (valid 1 hour), sent by email if the email is an admin contact of the account; the answer is the same either way',
    tag: 'account-admin',
    body: z.strictObject({ customerId: CustomerId, email: Email }).meta({ id: 'AccountAdminLinkRequest' }),
    response: z
      .object({
        sent: z.literal(true),
        /** Demo mode: the link can be read at once, on the page (GET /api/dev/mailbox/account-admin). */
        demoMailbox: z.boolean(),
      })
      .meta({ id: 'AccountAdminLinkSent' }),
    status: 202,
  }),
  signIn: endpoint({
    method: 'POST',
    path: '/api/account-admin/sessions',
    operationId: 'signInAccountAdmin',
    summary:
      "Sign in with the link's token (once): a session for this account's Purchaser grants, for an hour",
    tag: 'account-admin',
    body: z.strictObject({ token: LinkToken }).meta({ id: 'AccountAdminSignIn' }),
    response: AccountAdminView,
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/account-admin/account',
    operationId: 'getAdminAccount',
    summary: "The signed-in account admin's account, its Purchasers and their history",
    tag: 'account-admin',
    response: AccountAdminView,
  }),
  partners: endpoint({
    method: 'GET',
    path: '/api/account-admin/partners',
    operationId: 'findPartners',
    summary: "Partners by name (a part of it) or by a partner user's email (whole), to make one Purchaser",
    tag: 'account-admin',
    query: z.strictObject({ q: SearchText }),
    response: z.object({ items: z.array(PartnerMatch) }).meta({ id: 'PartnerMatches' }),
  }),
  grant: endpoint({
    method: 'POST',
    path: '/api/account-admin/purchasers',
    operationId: 'grantPurchaser',
    summary:
      'Make a partner Purchaser of the account: it buys, renews and upgrades for it (not assign licenses)',
    tag: 'account-admin',
    body: z.strictObject({ partnerId: z.uuid({ error: 'invalid' }) }).meta({ id: 'GrantPurchaserRequest' }),
    response: AccountAdminView,
  }),
  withdraw: endpoint({
    method: 'DELETE',
    path: '/api/account-admin/purchasers/:partnerId',
    operationId: 'withdrawPurchaser',
    summary: "Withdraw a partner's Purchaser grant: it no longer manages the account, from its next request",
    tag: 'account-admin',
    params: z.strictObject({ partnerId: z.uuid({ error: 'invalid' }) }),
    response: AccountAdminView,
  }),
};
