import { describe, expect, it } from 'vitest';
import { staffInvoiceActions } from './invoices.policy.ts';

describe('staffInvoiceActions', () => {
  it('settles an invoice while it is Not Paid, by payment or credit note', () => {
    expect(staffInvoiceActions({ status: 'not_paid' })).toEqual({ recordPayment: true, creditNote: true });
  });

  it('leaves a settled invoice as it is', () => {
    for (const status of ['paid', 'applied'] as const)
      expect(staffInvoiceActions({ status })).toEqual({ recordPayment: false, creditNote: false });
  });
});
