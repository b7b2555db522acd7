import { z } from 'zod';
import { LoginRequest } from './auth.ts';
import { endpoint } from './endpoint.ts';
import { Currency } from './money.ts';

/** The vendor's own staff (SPEC §1): partners, catalog, direct quotes, invoices. */
export const StaffSession = z
  .object({
    staff: z.object({ id: z.uuid(), email: z.string(), name: z.string() }),
    /** Send back in the `x-csrf-token` header with every state-changing request. */
    csrfToken: z.string(),
  })
  .meta({ id: 'StaffSession' });
export type StaffSession = z.infer<typeof StaffSession>;

export const PartnerSummary = z
  .object({
    id: z.uuid(),
    name: z.string(),
    country: z.string(),
    currency: Currency,
    discountPercent: z.number(),
    creditTerms: z.boolean(),
    users: z.number().int(),
  })
  .meta({ id: 'PartnerSummary' });

export const adminApi = {
  login: endpoint({
    method: 'POST',
    path: '/api/admin/auth/login',
    operationId: 'staffLogin',
    summary: 'Log in as vendor staff with email and password; sets the session cookie',
    tag: 'admin',
    body: LoginRequest,
    response: StaffSession,
  }),
  me: endpoint({
    method: 'GET',
    path: '/api/admin/auth/me',
    operationId: 'getStaffSession',
    summary: 'The logged-in vendor staff member and CSRF token',
    tag: 'admin',
    response: StaffSession,
  }),
  partners: endpoint({
    method: 'GET',
    path: '/api/admin/partners',
    operationId: 'listPartners',
    summary: 'Every partner organisation with its currency, discount, credit terms and number of users',
    tag: 'admin',
    response: z.object({ items: z.array(PartnerSummary) }).meta({ id: 'PartnerList' }),
  }),
};
