import type { PartnerUserActor } from '../auth/actor.ts';
import { can } from '../auth/actor.ts';

/**
 * What a user may do with the licenses of the open account. A Purchaser of the account may see and
 * renew its licenses but not assign or revoke them (SPEC §11a): the grant is for buying. Opened with
 * the customer's proof (or created by this partner for its customer), the partner manages them; an
 * account opened under a grant alone stays unprovable even once the grant is withdrawn.
 */
export function licenseActions(
  actor: PartnerUserActor,
  access: { purchaser: boolean; proven: boolean },
): { assign: boolean } {
  return { assign: can(actor, 'licenses.assign') && access.proven && !access.purchaser };
}

export interface LicenseAccess {
  purchaser: boolean;
  proven: boolean;
}

/**
 * Who sees license keys (on the order page, in a sent activation email): the roles that handle
 * licenses. Billing sees orders and invoices, never keys.
 */
export function seesLicenseKeys(actor: PartnerUserActor): boolean {
  return can(actor, 'licenses.read');
}
