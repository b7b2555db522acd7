import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { identifierPatterns } from './identifiers.ts';

export const CustomerId = z
  .string()
  .trim()
  .regex(identifierPatterns.customerId, { message: 'A Customer ID has 7 digits, e.g. 6703615.' })
  .meta({ description: 'Customer ID (account number): 7 digits', example: '6703615' });

export const CustomerAccount = z
  .object({
    customerId: z.string(),
    name: z.string(),
    country: z.string(),
  })
  .meta({ id: 'CustomerAccount' });
export type CustomerAccount = z.infer<typeof CustomerAccount>;

export const CustomerLookupByIdRequest = z
  .object({
    customerId: CustomerId,
    email: z.email({ message: 'Enter a valid email address, e.g. name@example.com.' }).max(254),
  })
  .meta({ id: 'CustomerLookupByIdRequest' });
export type CustomerLookupByIdRequest = z.infer<typeof CustomerLookupByIdRequest>;

export const customersApi = {
  openById: endpoint({
    method: 'POST',
    path: '/api/customers/open-by-id',
    summary:
      'Open a customer account by Customer ID and an email associated with it. A wrong ID and a wrong email give the same 404.',
    tag: 'customers',
    body: CustomerLookupByIdRequest,
    response: CustomerAccount,
  }),
  close: endpoint({
    method: 'POST',
    path: '/api/customers/close',
    summary: 'Close the customer account open in this session',
    tag: 'customers',
    response: z.null(),
    status: 204,
  }),
};
