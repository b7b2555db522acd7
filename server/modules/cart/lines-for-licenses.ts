import { limits } from '../../../contract/limits.ts';
import type { Queryable } from '../../db/client.ts';
import { DomainError } from '../../lib/errors.ts';
import type { OpenAccount, PartnerUserActor } from '../../shared/actor.ts';
import {
  countCartLines,
  insertCartLineReturningId,
  licensesInCart,
  linkLicenses,
  lockCart,
  type NewCartLine,
} from './cart.queries.ts';
import { scopeOf } from './cart.service.ts';

/**
 * The cart's side of lines that extend licenses (renewals, upgrades, downgrades; the licenses
 * module decides which and how): the cart is locked, no license is in two lines, and the cart's
 * line limit holds.
 */

/** The user's cart for the open account, created if needed and locked for this transaction. */
export function lockCartFor(tx: Queryable, actor: PartnerUserActor, account: OpenAccount, now: Date) {
  return lockCart(tx, scopeOf(actor, account), now);
}

/** Which of these licenses (by row id) a line of the cart already extends. */
export function licensesAlreadyInCart(
  tx: Queryable,
  cartId: string,
  licenseIds: string[],
): Promise<string[]> {
  return licensesInCart(tx, cartId, licenseIds);
}

export type LicenseLineColumns = Omit<NewCartLine, 'cartId' | 'quantity'>;

/** Adds the lines, one seat per license, each linked to its licenses; all or none past the limit. */
export async function addLinesForLicenses(
  tx: Queryable,
  cartId: string,
  lines: readonly { columns: LicenseLineColumns; licenseIds: string[] }[],
): Promise<void> {
  if ((await countCartLines(tx, cartId)) + lines.length > limits.cartLinesMax) {
    throw new DomainError('conflict', 'cart.full', `A cart holds at most ${limits.cartLinesMax} lines.`, {
      params: { max: limits.cartLinesMax },
    });
  }
  for (const line of lines) {
    const lineId = await insertCartLineReturningId(tx, {
      ...line.columns,
      cartId,
      quantity: line.licenseIds.length,
    });
    await linkLicenses(tx, lineId, line.licenseIds);
  }
}
