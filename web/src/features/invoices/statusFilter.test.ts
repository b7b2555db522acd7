import { describe, expect, it } from 'vitest';
import { InvoiceFilterStatus } from '../../../../contract/index.ts';
import { staffStatusFilters, statusFilterLabelKey, statusFilterOptions } from './statusFilter.ts';

const echo = (key: string) => key;

describe('invoice status filter', () => {
  it('names Overdue apart from the invoice statuses', () => {
    expect(statusFilterLabelKey('overdue')).toBe('invoicesList.overdue');
    expect(statusFilterLabelKey('not_paid')).toBe('invoice.status.not_paid');
  });

  it('offers every filter status of the contract, in its order', () => {
    expect(statusFilterOptions(InvoiceFilterStatus.options, echo).map((o) => o.value)).toEqual([
      'paid',
      'applied',
      'not_paid',
      'overdue',
    ]);
  });

  it('puts "any status" first for the back office, unpaid and overdue next', () => {
    expect(statusFilterOptions(staffStatusFilters, echo, 'Any')).toEqual([
      { value: '', label: 'Any' },
      { value: 'not_paid', label: 'invoice.status.not_paid' },
      { value: 'overdue', label: 'invoicesList.overdue' },
      { value: 'paid', label: 'invoice.status.paid' },
      { value: 'applied', label: 'invoice.status.applied' },
    ]);
  });
});
