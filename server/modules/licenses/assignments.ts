import type { z } from 'zod';
import type { LicenseAssignment } from '../../../contract/licenses.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import { DomainError } from '../../lib/errors.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireOpenAccount } from '../customers/customers.service.ts';
import { licenseActions } from './licenses.policy.ts';
import { type AssignmentRow, lockAssignment, setAssignedEmail } from './licenses.queries.ts';

interface AssignmentOptions {
  actor: PartnerUserActor;
  meta: RequestMeta;
  customerId: string;
  licenseId: string;
}

const present = (row: AssignmentRow, email: string | null): z.input<typeof LicenseAssignment> => ({
  licenseId: row.licenseId,
  assignedEmail: email,
  team: row.team,
});

/**
 * The license, locked, once the policy allows this user to change its assignment: the account is
 * the one open in the session, opened with the customer's proof, and this partner is not its
 * Purchaser.
 */
async function lockForChange(tx: Queryable, options: AssignmentOptions): Promise<AssignmentRow> {
  const { actor } = options;
  const account = requireOpenAccount(actor, options.customerId);
  if (!licenseActions(actor, account).assign) {
    throw new DomainError(
      'forbidden',
      'licenses.assign_not_allowed',
      "Assigning licenses needs the account opened with the customer's email, and is not open to its Purchaser: a Purchaser buys and renews them.",
    );
  }
  const row = await lockAssignment(tx, { customerAccountId: account.id, licenseId: options.licenseId });
  if (!row)
    throw new DomainError(
      'not_found',
      'licenses.not_found',
      `No license ${options.licenseId} in this account.`,
      {
        field: 'licenseId',
        params: { licenseIds: options.licenseId },
      },
    );
  return row;
}

/**
 * Assigns a license to an end user by email (an invited user, SPEC §1). A license assigned to
 * someone else is revoked first, explicitly: reassigning by accident would take it from its user.
 */
export async function assignLicense(
  db: Queryable,
  options: AssignmentOptions & { email: string },
): Promise<z.input<typeof LicenseAssignment>> {
  const email = options.email.toLowerCase();
  return db.transaction(async (tx) => {
    const row = await lockForChange(tx, options);
    if (row.assignedEmail === email) return present(row, email);
    if (row.assignedEmail !== null) {
      throw new DomainError(
        'conflict',
        'licenses.already_assigned',
        `License ${row.licenseId} is assigned to ${row.assignedEmail}: revoke it first.`,
        { field: 'email', params: { licenseId: row.licenseId, email: row.assignedEmail } },
      );
    }
    await setAssignedEmail(tx, row.id, email);
    await recordAudit(tx, {
      partnerId: options.actor.partner.id,
      actor: options.actor,
      action: 'license.assigned',
      subjectType: 'license',
      subjectId: row.licenseId,
      details: { customerId: options.customerId, email },
      meta: options.meta,
    });
    return present(row, email);
  });
}

/** Takes a license back from its end user; a license assigned to nobody stays so (idempotent). */
export async function revokeLicense(
  db: Queryable,
  options: AssignmentOptions,
): Promise<z.input<typeof LicenseAssignment>> {
  return db.transaction(async (tx) => {
    const row = await lockForChange(tx, options);
    if (row.assignedEmail === null) return present(row, null);
    await setAssignedEmail(tx, row.id, null);
    await recordAudit(tx, {
      partnerId: options.actor.partner.id,
      actor: options.actor,
      action: 'license.revoked',
      subjectType: 'license',
      subjectId: row.licenseId,
      details: { customerId: options.customerId, email: row.assignedEmail },
      meta: options.meta,
    });
    return present(row, null);
  });
}
