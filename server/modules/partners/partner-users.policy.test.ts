import { describe, expect, it } from 'vitest';
import type { Role } from '../../../contract/permissions.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { authorizeUserAction, userActions } from './partner-users.policy.ts';

const actor = (role: Role): PartnerUserActor => ({
  kind: 'partner_user',
  userId: 'me',
  email: 'me@partner.test',
  name: 'Me',
  role,
  locale: 'en',
  partner: { id: 'p1', name: 'Partner', country: 'DE', currency: 'EUR', discountBps: 0 },
  openAccount: null,
  sessionTokenHash: 'hash',
  csrfToken: 'csrf',
});

const colleague = { id: 'colleague', status: 'active' } as const;
const codeOf = (run: () => void) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('userActions', () => {
  it("lets an admin change another active user's role and deactivate them", () => {
    expect(userActions(actor('admin'), colleague)).toEqual({ changeRole: true, deactivate: true });
    expect(codeOf(() => authorizeUserAction(actor('admin'), 'deactivate', colleague))).toBeNull();
  });

  it('never their own login: another admin changes it', () => {
    const me = { id: 'me', status: 'active' } as const;
    expect(userActions(actor('admin'), me)).toEqual({ changeRole: false, deactivate: false });
    expect(codeOf(() => authorizeUserAction(actor('admin'), 'changeRole', me))).toBe('user.yourself');
  });

  it('changes a deactivated user no more (to the API they are gone)', () => {
    const gone = { id: 'colleague', status: 'deactivated' } as const;
    expect(userActions(actor('admin'), gone)).toEqual({ changeRole: false, deactivate: false });
    expect(codeOf(() => authorizeUserAction(actor('admin'), 'changeRole', gone))).toBe('user.not_found');
  });

  it('is for admins only', () => {
    for (const role of ['sales', 'billing'] as const) {
      expect(userActions(actor(role), colleague)).toEqual({ changeRole: false, deactivate: false });
      expect(codeOf(() => authorizeUserAction(actor(role), 'deactivate', colleague))).toBe('auth.forbidden');
    }
  });
});
