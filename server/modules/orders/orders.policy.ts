import type { Order } from '../../../contract/orders.ts';
import { can, type PartnerUserActor } from '../../shared/actor.ts';
import { seesLicenseKeys } from '../../shared/license-key-vault.ts';

/** What the rules read of an order: its licensee, its licenses and whether they went out yet. */
export interface OrderFacts {
  endUser: { email: string } | null;
  /** Whether each license has a key to send, and the end user it is assigned to. */
  licenses: { keyed: boolean; assignedTo: string | null }[];
  licensesSentAt: Date | string | null;
}

/**
 * Send activation email (SPEC §8): the licensee gets the order's license keys, so the order needs
 * both. Keys are for those who handle licenses (not billing), who also place orders.
 */
export function maySendActivation(actor: PartnerUserActor, order: OrderFacts): boolean {
  return mayEmailKeys(actor, order) && order.endUser !== null;
}

/**
 * Resend licenses (SPEC §9): the keys again to the licensee and to each user a keyed license is
 * assigned to, so at least one of them must be there.
 */
export function mayResendLicenses(actor: PartnerUserActor, order: OrderFacts): boolean {
  return (
    mayEmailKeys(actor, order) &&
    (order.endUser !== null || order.licenses.some((l) => l.keyed && l.assignedTo !== null))
  );
}

function mayEmailKeys(actor: PartnerUserActor, order: OrderFacts): boolean {
  return can(actor, 'orders.create') && seesLicenseKeys(actor) && order.licenses.some((l) => l.keyed);
}

/**
 * What this actor may do with this order now, as the order page offers it. Orders are read only
 * within their own partner (the queries are scoped), so role and the order's state decide. The one
 * email button is Send activation email until the licenses first went out, Resend licenses after.
 */
export function orderActions(actor: PartnerUserActor, order: OrderFacts): Order['actions'] {
  return {
    sendActivation:
      order.licensesSentAt === null ? maySendActivation(actor, order) : mayResendLicenses(actor, order),
    renew: can(actor, 'cart.manage') && order.licenses.length > 0,
  };
}
