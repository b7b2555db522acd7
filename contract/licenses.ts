import { z } from 'zod';
import { ServiceDomain } from './cart.ts';
import { ProductKind } from './catalog.ts';
import { CustomerId, LicenseId, SubscriptionPackNumber } from './customers.ts';
import { endpoint } from './endpoint.ts';
import { Email, pastedList, requiredText } from './validation.ts';

/** Most License IDs or keys one search takes (pasted as a list). */
export const LICENSE_SEARCH_MAX_TOKENS = 100;

/**
 * Which subscriptions Updates & Renewals lists (issue 18): those ending within 30, 60 or 90 days
 * (still running), those lapsed (ended, still renewable late), or all. The list on arrival and the
 * search both take it, so a search narrows what the chosen filter shows.
 */
export const LicenseShow = z.enum(['ending30', 'ending60', 'ending90', 'lapsed', 'all']);
export type LicenseShow = z.infer<typeof LicenseShow>;

/** The filter a search keeps (none: all of the account's subscriptions). */
const showing = { show: LicenseShow.optional() };

/**
 * The five ways Search licenses finds an account's subscriptions (SPEC §5): license keys or License
 * IDs (several at once, separated by spaces, commas or new lines), an invited user's email, a cloud
 * service domain, an order or PO number, a subscription pack number.
 */
export const LicenseSearchRequest = z
  .discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('licenses'), text: pastedList(20_000), ...showing }),
    z.strictObject({ mode: z.literal('email'), email: Email, ...showing }),
    z.strictObject({ mode: z.literal('serviceDomain'), serviceDomain: ServiceDomain, ...showing }),
    z.strictObject({ mode: z.literal('order'), number: requiredText(60), ...showing }),
    z.strictObject({ mode: z.literal('pack'), packNumber: SubscriptionPackNumber, ...showing }),
  ])
  .meta({ id: 'LicenseSearchRequest' });
export type LicenseSearchRequest = z.infer<typeof LicenseSearchRequest>;

export const Standing = z.enum(['active', 'renewable', 'lapsed', 'expired']);

/** Seats of one product in one pack with one period: what Search lists and the cart renews. */
export const SubscriptionGroup = z
  .object({
    packNumber: z.string(),
    productCode: z.string(),
    productName: z.string(),
    productKind: ProductKind,
    serviceDomain: z.string().nullable(),
    periodStart: z.iso.date(),
    periodEnd: z.iso.date(),
    perpetualFallback: z.boolean(),
    seats: z.number().int(),
    licenseIds: z.array(z.string()),
    /** Each seat and who it is assigned to (the invited user's email), in License ID order. */
    seatAssignments: z.array(
      z.object({ licenseId: z.string(), assignedEmail: z.string().nullable(), team: z.string().nullable() }),
    ),
    assignedUsers: z.array(z.string()),
    teams: z.array(z.string()),
    orderNumber: z.string().nullable(),
    poNumber: z.string().nullable(),
    standing: Standing,
    renewalOpensOn: z.iso.date(),
    renewalClosesOn: z.iso.date(),
    /** What the renewal rules allow today (SPEC §11a). */
    actions: z.object({ renew: z.boolean(), upgrade: z.boolean(), downgrade: z.boolean() }),
  })
  .meta({ id: 'SubscriptionGroup' });
export type SubscriptionGroup = z.infer<typeof SubscriptionGroup>;

export const LicenseSearchResult = z
  .object({
    items: z.array(SubscriptionGroup),
    /** Well-formed License IDs or keys of no license of this account. */
    notFound: z.array(z.string()),
    /** Pasted words that are neither a License ID nor a license key. */
    invalid: z.array(z.string()),
    /**
     * What this user may do with the account's licenses: assign and revoke them (not under a
     * Purchaser grant, SPEC §11a).
     */
    actions: z.object({ assign: z.boolean() }),
    /**
     * More licenses matched than one answer holds (2,000, soonest ending first): the rest are found
     * by narrowing the filter or searching.
     */
    truncated: z.boolean(),
  })
  .meta({ id: 'LicenseSearchResult' });

/** The account's subscriptions listed on arrival at Updates & Renewals, by end date. */
export const LicenseListQuery = z.strictObject({ show: LicenseShow.default('all') });

/** Assign a license to an end user (an invited user) by email. */
export const AssignLicenseRequest = z.strictObject({ email: Email }).meta({ id: 'AssignLicenseRequest' });

export const LicenseAssignment = z
  .object({ licenseId: z.string(), assignedEmail: z.string().nullable(), team: z.string().nullable() })
  .meta({ id: 'LicenseAssignment' });

const AssignmentParams = z.strictObject({ customerId: CustomerId, licenseId: LicenseId });

export const licensesApi = {
  list: endpoint({
    method: 'GET',
    path: '/api/customers/:customerId/licenses',
    operationId: 'listLicenses',
    summary:
      'The subscriptions of the account open in this session (Updates & Renewals on arrival), soonest ending first: those ending within 30, 60 or 90 days, lapsed, or all',
    tag: 'licenses',
    params: z.strictObject({ customerId: CustomerId }),
    query: LicenseListQuery,
    response: LicenseSearchResult,
  }),
  search: endpoint({
    method: 'POST',
    path: '/api/customers/:customerId/licenses/search',
    operationId: 'searchLicenses',
    summary:
      'Search licenses of the account open in this session (Updates & Renewals) by license keys or IDs, invited-user email, service domain, order or PO number, or subscription pack number',
    tag: 'licenses',
    params: z.strictObject({ customerId: CustomerId }),
    body: LicenseSearchRequest,
    response: LicenseSearchResult,
  }),
  assign: endpoint({
    method: 'PUT',
    path: '/api/customers/:customerId/licenses/:licenseId/assignment',
    operationId: 'assignLicense',
    summary:
      'Assign a license of the open account to an end user by email (not for a Purchaser of the account)',
    tag: 'licenses',
    params: AssignmentParams,
    body: AssignLicenseRequest,
    response: LicenseAssignment,
  }),
  revoke: endpoint({
    method: 'DELETE',
    path: '/api/customers/:customerId/licenses/:licenseId/assignment',
    operationId: 'revokeLicense',
    summary: 'Take a license of the open account back from its end user (not for a Purchaser of the account)',
    tag: 'licenses',
    params: AssignmentParams,
    response: LicenseAssignment,
  }),
};
