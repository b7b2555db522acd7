import { z } from 'zod';
import { endpoint } from './endpoint.ts';
import { identifierPatterns } from './identifiers.ts';
import { Email, formatted } from './validation.ts';

export const CustomerId = formatted(identifierPatterns.customerId, 'customer_id').meta({
  description: 'Customer ID (account number): 7 digits',
  example: '6703615',
});

export const CustomerAccount = z
  .object({
    customerId: z.string(),
    name: z.string(),
    country: z.string(),
  })
  .meta({ id: 'CustomerAccount' });
export type CustomerAccount = z.infer<typeof CustomerAccount>;

export const CustomerLookupByIdRequest = z
  .strictObject({
    customerId: CustomerId,
    email: Email,
  })
  .meta({ id: 'CustomerLookupByIdRequest' });
export type CustomerLookupByIdRequest = z.infer<typeof CustomerLookupByIdRequest>;

export const customersApi = {
  openById: endpoint({
    method: 'POST',
    path: '/api/customers/open-by-id',
    operationId: 'openCustomerById',
    summary:
      'Open a customer account by Customer ID and an email associated with it. A wrong ID and a wrong email give the same 404.',
    tag: 'customers',
    body: CustomerLookupByIdRequest,
    response: CustomerAccount,
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
