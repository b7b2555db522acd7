import type { AddLicenseLinesRequest, Cart } from '../../../contract/cart.ts';
import type { ErrorCode } from '../../../contract/error-codes.ts';
import type { Queryable } from '../../db/client.ts';
import { todayUtc } from '../../lib/dates.ts';
import { DomainError } from '../../lib/errors.ts';
import type { CartOptions } from '../cart/cart.service.ts';
import { loadCart } from '../cart/cart-view.ts';
import {
  addLinesForLicenses,
  type LicenseLineColumns,
  licensesAlreadyInCart,
  lockCartFor,
} from '../cart/lines-for-licenses.ts';
import { findProductForSale } from '../catalog/catalog.service.ts';
import { requireOpenAccount } from '../customers/customers.service.ts';
import { soldByScope } from './licenses.policy.ts';
import type { RenewableRow } from './licenses.queries.ts';
import { licensesOfAccount } from './licenses.service.ts';
import { ALL_PRODUCTS_PACK, type Options, optionsFor } from './renewal-rules.ts';

type Action = AddLicenseLinesRequest['kind'];

/** The rule each action needs, and the code a refusal carries. */
const allowed: Record<Action, { permits: (o: Options) => boolean; code: ErrorCode; verb: string }> = {
  renewal: { permits: (o) => o.renew, code: 'licenses.not_renewable', verb: 'renewed' },
  upgrade: { permits: (o) => o.upgrade, code: 'licenses.not_upgradable', verb: 'upgraded' },
  downgrade: { permits: (o) => o.downgrade, code: 'licenses.not_downgradable', verb: 'downgraded' },
};

/**
 * Puts licenses of the open account into the cart as Search licenses chose (SPEC §5, §11a): each
 * must be this account's, allowed the action today by the renewal rules, and in no other line of
 * the cart. One line per product, old end date and domain:
 * - a renewal: the same product from the old end date (a late renewal pays for the gap), for the term;
 * - an upgrade: the All Products Pack from today to the old end date, the unused value credited;
 * - a downgrade: the chosen single product from the pack's old end date, for the term.
 * Set Custom co-terms any of them like any line.
 */
export async function addLicenseLines(
  db: Queryable,
  options: CartOptions & { request: AddLicenseLinesRequest },
): Promise<Cart> {
  const { actor, meta, request } = options;
  const account = requireOpenAccount(actor, options.customerId);
  const today = todayUtc(meta.now);
  const wanted = [...new Set(request.licenseIds)];
  return db.transaction(async (tx) => {
    const cartId = await lockCartFor(tx, actor, account, meta.now);
    const found = await licensesOfAccount(tx, {
      customerAccountId: account.id,
      licenseIds: wanted,
      soldBy: soldByScope(actor, account),
    });
    const missing = wanted.filter((id) => !found.some((l) => l.licenseId === id));
    if (missing.length > 0) {
      throw new DomainError(
        'not_found',
        'licenses.not_found',
        `No license ${missing.join(', ')} in this account.`,
        { field: 'licenseIds', params: { licenseIds: missing.join(', ') } },
      );
    }
    const rule = allowed[request.kind];
    for (const license of found) {
      const rules = optionsFor(license, today);
      if (!rule.permits(rules)) {
        throw new DomainError(
          'conflict',
          rule.code,
          `License ${license.licenseId} cannot be ${rule.verb} today (${rules.standing}; the renewal window runs from ${rules.window.opensOn} to ${rules.window.closesOn}).`,
          {
            field: 'licenseIds',
            params: {
              licenseId: license.licenseId,
              standing: rules.standing,
              opensOn: rules.window.opensOn,
              closesOn: rules.window.closesOn,
            },
          },
        );
      }
    }
    const target = await targetProduct(tx, request, actor.partner.currency);
    const inCart = await licensesAlreadyInCart(
      tx,
      cartId,
      found.map((l) => l.id),
    );
    if (inCart.length > 0) {
      const named = found.filter((l) => inCart.includes(l.id)).map((l) => l.licenseId);
      throw new DomainError('conflict', 'cart.license_in_cart', `Already in the cart: ${named.join(', ')}.`, {
        field: 'licenseIds',
        params: { licenseIds: named.join(', ') },
      });
    }
    const groups = new Map<string, RenewableRow[]>();
    for (const license of found) {
      const key = [license.productCode, license.periodEnd, license.serviceDomain].join('|');
      groups.set(key, [...(groups.get(key) ?? []), license]);
    }
    await addLinesForLicenses(
      tx,
      cartId,
      [...groups.values()].map((seats) => ({
        columns: lineFor(request, seats[0] as RenewableRow, target),
        licenseIds: seats.map((l) => l.id),
      })),
    );
    return loadCart(tx, actor, account, cartId, today);
  });
}

/** The product the line sells: the licenses' own for a renewal, the pack for an upgrade, the chosen one for a downgrade. */
async function targetProduct(
  tx: Queryable,
  request: AddLicenseLinesRequest,
  currency: Cart['currency'],
): Promise<string | null> {
  if (request.kind === 'renewal') return null;
  const code = request.kind === 'upgrade' ? ALL_PRODUCTS_PACK : request.productCode;
  const product = await findProductForSale(tx, code, currency);
  if (!product) {
    throw new DomainError('not_found', 'catalog.product_not_found', 'No such product in the catalog.', {
      field: 'productCode',
      params: { productCode: code },
    });
  }
  // A downgrade leaves the pack for one of the desktop products it includes.
  if (request.kind === 'downgrade' && (product.code === ALL_PRODUCTS_PACK || product.kind === 'cloud')) {
    throw new DomainError(
      'invalid',
      'cart.downgrade_product',
      'Downgrade the All Products Pack to one of the single products it includes.',
      { field: 'productCode', params: { productCode: code } },
    );
  }
  return product.code;
}

function lineFor(
  request: AddLicenseLinesRequest,
  license: RenewableRow,
  target: string | null,
): LicenseLineColumns {
  switch (request.kind) {
    case 'renewal':
      return {
        kind: 'renewal',
        productCode: license.productCode,
        termYears: request.termYears,
        periodStart: license.periodEnd,
        periodEnd: null,
        serviceDomain: license.serviceDomain,
      };
    case 'upgrade':
      // Starts on the day it is quoted or ordered, like a new subscription; its own end is the old one.
      return {
        kind: 'upgrade',
        productCode: target ?? ALL_PRODUCTS_PACK,
        fromProductCode: license.productCode,
        termYears: null,
        periodStart: null,
        periodEnd: null,
        defaultPeriodEnd: license.periodEnd,
        serviceDomain: null,
      };
    case 'downgrade':
      return {
        kind: 'downgrade',
        productCode: target ?? request.productCode,
        fromProductCode: license.productCode,
        termYears: request.termYears,
        periodStart: license.periodEnd,
        periodEnd: null,
        serviceDomain: null,
      };
  }
}
