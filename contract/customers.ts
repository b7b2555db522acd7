import { z } from 'zod';
import { CountryCode } from './countries.ts';
import { endpoint } from './endpoint.ts';
import { identifierPatterns } from './identifiers.ts';
import { Email, formatted, requiredDisplayText } from './validation.ts';

export const CustomerId = formatted(identifierPatterns.customerId, 'customer_id').meta({
  description: 'Customer ID (account number): 7 digits',
  example: '6703615',
});
export const SubscriptionPackNumber = formatted(
  identifierPatterns.subscriptionPackNumber,
  'subscription_pack_number',
  'upper',
).meta({
  description: 'Subscription pack number: MMYY, a slash, 5-7 letters or digits',
  example: '0220/ULFQXOB',
});
export const LicenseId = formatted(identifierPatterns.licenseId, 'license_id', 'upper').meta({
  description: 'License ID: 10 upper-case letters or digits',
  example: 'OIY94JBDUQ',
});
export const LicenseKey = formatted(identifierPatterns.licenseKey, 'license_key', 'upper').meta({
  description: 'License key: the License ID, a dash and the secret part',
});

export const CustomerAccount = z
  .object({
    customerId: z.string(),
    name: z.string(),
    country: z.string(),
  })
  .meta({ id: 'CustomerAccount' });
export type CustomerAccount = z.infer<typeof CustomerAccount>;

/**
 * How the session holds its open account (SPEC §3): with the customer's proof (an email of its
 * contacts, or an account this partner created), under a live Purchaser grant, or only through
 * this partner's own orders (Renew from an order), which shows no more than what it sold.
 */
export const AccountAccess = z.enum(['proof', 'purchaser', 'own_sales']).meta({ id: 'AccountAccess' });
export type AccountAccess = z.infer<typeof AccountAccess>;

/** The account open in a session, with how far it is open. */
export const OpenCustomerAccount = CustomerAccount.extend({ access: AccountAccess }).meta({
  id: 'OpenCustomerAccount',
});

/**
 * What names an account in the email step (SPEC §3 items 1, 3 and 5): the Customer ID, a
 * subscription pack number, a License ID or a license key.
 */
export const AccountIdentifier = z
  .discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('customerId'), value: CustomerId }),
    z.strictObject({ kind: z.literal('subscriptionPackNumber'), value: SubscriptionPackNumber }),
    z.strictObject({ kind: z.literal('licenseId'), value: LicenseId }),
    z.strictObject({ kind: z.literal('licenseKey'), value: LicenseKey }),
  ])
  .meta({ id: 'AccountIdentifier' });
export type AccountIdentifier = z.infer<typeof AccountIdentifier>;
export type AccountIdentifierKind = AccountIdentifier['kind'];

export const OpenCustomerRequest = z
  .strictObject({
    identifier: AccountIdentifier,
    /**
     * An email of the account's contacts: the proof of knowledge. Managed accounts and accounts
     * this partner created open without it; for any other, the answer without an email is
     * `customer.email_required`, whether the account exists or not.
     */
    email: Email.optional(),
  })
  .meta({ id: 'OpenCustomerRequest' });
export type OpenCustomerRequest = z.infer<typeof OpenCustomerRequest>;

export const FindByEmailRequest = z.strictObject({ email: Email }).meta({ id: 'FindByEmailRequest' });

export const AccountsOfEmail = z
  .object({ email: z.string(), items: z.array(CustomerAccount) })
  .meta({ id: 'AccountsOfEmail' });

export const CreateCustomerRequest = z
  .strictObject({
    companyName: requiredDisplayText(200),
    country: CountryCode,
    adminContact: z.strictObject({ name: requiredDisplayText(200), email: Email }),
  })
  .meta({ id: 'CreateCustomerRequest' });
export type CreateCustomerRequest = z.infer<typeof CreateCustomerRequest>;

export const RecentCustomer = CustomerAccount.extend({ openedAt: z.iso.datetime() }).meta({
  id: 'RecentCustomer',
});
export const RecentCustomers = z.object({ items: z.array(RecentCustomer) }).meta({ id: 'RecentCustomers' });

/**
 * The teams and subscription packs of the open account, for the Details tab and co-terming; packs
 * that have ended are left out.
 */
export const PacksAndTeams = z
  .object({
    teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
    packs: z.array(
      z.object({
        packNumber: z.string(),
        /** The latest end of its subscriptions: the date a new line co-terms to. */
        periodEnd: z.iso.date().nullable(),
        /** Its subscriptions' products, by name. */
        products: z.array(z.object({ code: z.string(), name: z.string() })),
        licenses: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'PacksAndTeams' });

const AccountParams = z.strictObject({ customerId: CustomerId });

export const customersApi = {
  open: endpoint({
    method: 'POST',
    path: '/api/customers/open',
    operationId: 'openCustomer',
    summary:
      'Open a customer account by Customer ID, subscription pack number, License ID or license key, with an email associated with the account. A wrong identifier and a wrong email give the same 404.',
    tag: 'customers',
    body: OpenCustomerRequest,
    response: OpenCustomerAccount,
  }),
  findByEmail: endpoint({
    method: 'POST',
    path: '/api/customers/find-by-email',
    operationId: 'findCustomersByEmail',
    summary:
      'Every account associated with a customer email (SPEC §3 item 2); open one with `openCustomer`, its Customer ID and this email. An email of no account answers 404 and counts as a failed lookup.',
    tag: 'customers',
    body: FindByEmailRequest,
    response: AccountsOfEmail,
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/customers',
    operationId: 'createCustomer',
    summary:
      'Create a customer account with a new Customer ID and open it; this partner opens it without the email step from then on.',
    tag: 'customers',
    body: CreateCustomerRequest,
    response: OpenCustomerAccount,
    status: 201,
    idempotent: true,
  }),
  recent: endpoint({
    method: 'GET',
    path: '/api/customers/recent',
    operationId: 'listRecentCustomers',
    summary: 'The accounts this user opened most recently, newest first.',
    tag: 'customers',
    response: RecentCustomers,
  }),
  packsAndTeams: endpoint({
    method: 'GET',
    path: '/api/customers/:customerId/packs-and-teams',
    operationId: 'getPacksAndTeams',
    summary: 'The teams and subscription packs (with their end dates) of the account open in this session',
    tag: 'customers',
    params: AccountParams,
    response: PacksAndTeams,
  }),
  close: endpoint({
    method: 'POST',
    path: '/api/customers/close',
    operationId: 'closeCustomer',
    summary: 'Close the customer account open in this session',
    tag: 'customers',
    response: z.null(),
    status: 204,
  }),
};
