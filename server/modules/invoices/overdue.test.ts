import { describe, expect, it } from 'vitest';
import { isOverdue } from './overdue.ts';

describe('isOverdue', () => {
  const today = '2026-06-15';
  it('is overdue only when Not Paid and due before today', () => {
    expect(isOverdue({ status: 'not_paid', dueOn: '2026-06-14' }, today)).toBe(true);
    expect(isOverdue({ status: 'not_paid', dueOn: '2026-06-15' }, today)).toBe(false);
    expect(isOverdue({ status: 'not_paid', dueOn: '2026-07-01' }, today)).toBe(false);
  });
  it('is never overdue when paid, applied or without a due date', () => {
    expect(isOverdue({ status: 'paid', dueOn: '2026-01-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'applied', dueOn: '2026-01-01' }, today)).toBe(false);
    expect(isOverdue({ status: 'not_paid', dueOn: null }, today)).toBe(false);
  });
});
