import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { Currency } from './money.ts';
import { BillingAddress, BillingAddressInput } from './quotes.ts';

/**
 * The partner organisation as its users see it (SPEC §1): name, country, currency, discount level,
 * credit terms and the billing address on file, which Get Quote and Checkout start from.
 */
export const CompanyProfile = z
  .object({
    name: z.string(),
    country: z.string(),
    currency: Currency,
    discountPercent: z.number(),
    /** May it order against a quote and pay later (postpaid)? */
    creditTerms: z.boolean(),
    billingAddress: BillingAddress.nullable(),
    /** What this user may do with the profile: a partner admin edits the billing address. */
    actions: z.object({ edit: z.boolean() }),
  })
  .meta({ id: 'CompanyProfile' });
export type CompanyProfile = z.infer<typeof CompanyProfile>;

export const partnerApi = {
  profile: endpoint({
    method: 'GET',
    path: '/api/partner/profile',
    operationId: 'getCompanyProfile',
    summary: "Your organisation's profile: name, currency, discount, credit terms and billing address",
    tag: 'partner',
    response: CompanyProfile,
  }),
  setBillingAddress: endpoint({
    method: 'PUT',
    path: '/api/partner/profile/billing-address',
    operationId: 'setCompanyBillingAddress',
    summary: "Change your organisation's billing address on file (partner admins)",
    tag: 'partner',
    body: BillingAddressInput,
    response: CompanyProfile,
  }),
};
