import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contract/permissions.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { mayResendLicenses, maySendActivation, type OrderFacts, orderActions } from './orders.policy.ts';

const actor = (role: Role): PartnerUserActor => ({
  kind: 'partner_user',
  userId: 'u1',
  email: 'user@partner.test',
  name: 'User',
  role,
  locale: 'en',
  partner: { id: 'p1', name: 'Partner', country: 'DE', currency: 'EUR', discountBps: 0 },
  openAccount: null,
  sessionTokenHash: 'hash',
  csrfToken: 'csrf',
});

const licensee = { email: 'lee@buyer.test' };
const order = (facts: Partial<OrderFacts> = {}): OrderFacts => ({
  endUser: licensee,
  licenses: [{ keyed: true, assignedTo: null }],
  licensesSentAt: null,
  ...facts,
});

describe('orderActions', () => {
  it('lets admins and sales send the activation email and renew; billing only reads', () => {
    expect(orderActions(actor('admin'), order())).toEqual({ sendActivation: true, renew: true });
    expect(orderActions(actor('sales'), order())).toEqual({ sendActivation: true, renew: true });
    expect(orderActions(actor('billing'), order())).toEqual({ sendActivation: false, renew: false });
  });

  it('offers the activation email only with a licensee and a key to send', () => {
    expect(orderActions(actor('sales'), order({ endUser: null })).sendActivation).toBe(false);
    const unkeyed = order({ licenses: [{ keyed: false, assignedTo: null }] });
    expect(orderActions(actor('sales'), unkeyed).sendActivation).toBe(false);
    expect(maySendActivation(actor('sales'), unkeyed)).toBe(false);
  });

  it('once the licenses went out, offers Resend licenses by its own rule', () => {
    const sent = { licensesSentAt: '2026-01-01T00:00:00.000Z' };
    const toAssignee = order({
      ...sent,
      endUser: null,
      licenses: [{ keyed: true, assignedTo: 'dev@b.test' }],
    });
    expect(orderActions(actor('sales'), toAssignee).sendActivation).toBe(true);
    expect(maySendActivation(actor('sales'), toAssignee)).toBe(false);
    expect(mayResendLicenses(actor('sales'), toAssignee)).toBe(true);
    const toNobody = order({ ...sent, endUser: null, licenses: [{ keyed: true, assignedTo: null }] });
    expect(orderActions(actor('sales'), toNobody).sendActivation).toBe(false);
    // An assignee of a license without a key gets nothing to activate.
    const unkeyed = order({ ...sent, licenses: [{ keyed: false, assignedTo: 'dev@b.test' }] });
    expect(mayResendLicenses(actor('sales'), unkeyed)).toBe(false);
    expect(mayResendLicenses(actor('billing'), order(sent))).toBe(false);
  });

  it('offers Renew only for an order with licenses', () => {
    expect(orderActions(actor('sales'), order({ licenses: [] })).renew).toBe(false);
  });
});
