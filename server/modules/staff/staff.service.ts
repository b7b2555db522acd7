import type { Queryable } from '../../db/client.ts';
import { DomainError } from '../../lib/errors.ts';
import { hashPassword } from '../../lib/passwords.ts';
import type { VendorStaffActor } from '../../shared/actor.ts';
import type { Credentials } from '../sessions/sessions.ts';
import {
  findEnabledStaffByEmail,
  findStaffLogin,
  insertStaffMember,
  isStaffEmailTaken,
} from './staff.queries.ts';

export interface NewStaffMember {
  email: string;
  name: string;
  password: string;
}

/** The shortest password a staff member may have: the back office can change every price. */
export const STAFF_PASSWORD_MIN = 12;

export async function createStaffMember(db: Queryable, input: NewStaffMember): Promise<{ id: string }> {
  if (input.password.length < STAFF_PASSWORD_MIN) {
    throw new DomainError(
      'invalid',
      'staff.password_too_short',
      `Use at least ${STAFF_PASSWORD_MIN} characters.`,
      {
        field: 'password',
        params: { min: STAFF_PASSWORD_MIN },
      },
    );
  }
  const email = input.email.trim().toLowerCase();
  if (await isStaffEmailTaken(db, email))
    throw new DomainError('conflict', 'staff.email_taken', `${email} is already a staff member.`, {
      field: 'email',
    });
  const row = await insertStaffMember(db, {
    email,
    name: input.name.trim(),
    passwordHash: await hashPassword(input.password),
  });
  if (!row) throw new Error('staff insert returned no row');
  return row;
}

export async function findStaffCredentials(db: Queryable, email: string): Promise<Credentials | null> {
  const row = await findStaffLogin(db, email);
  if (!row) return null;
  return {
    owner: { vendorStaffId: row.id },
    partnerId: null,
    passwordHash: row.passwordHash,
    disabled: row.disabledAt !== null,
  };
}

/**
 * A staff member acting from the command line (`npm run admin`): the actor their changes are
 * audited as. There is no session behind it, so its session fields name the CLI.
 */
export async function staffActorByEmail(db: Queryable, email: string): Promise<VendorStaffActor | null> {
  const row = await findEnabledStaffByEmail(db, email.trim().toLowerCase());
  if (!row) return null;
  return {
    kind: 'vendor_staff',
    staffId: row.id,
    email: row.email,
    name: row.name,
    sessionTokenHash: 'cli',
    csrfToken: 'cli',
  };
}
