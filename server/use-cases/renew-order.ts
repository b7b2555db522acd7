import type { z } from 'zod';
import type { RenewalCartAnswer } from '../../contract/orders.ts';
import type { Db } from '../db/client.ts';
import type { RequestMeta } from '../http/request-meta.ts';
import { todayUtc } from '../lib/dates.ts';
import { licensesAlreadyInCart, lockCartFor } from '../modules/cart/lines-for-licenses.ts';
import { accountById, openThroughOwnOrder } from '../modules/customers/customers.service.ts';
import { addLicenseLines } from '../modules/licenses/license-lines.ts';
import { soldByScope } from '../modules/licenses/licenses.policy.ts';
import { licensesOfAccount } from '../modules/licenses/licenses.service.ts';
import { optionsFor } from '../modules/licenses/renewal-rules.ts';
import { orderNotFound } from '../modules/orders/order-view.ts';
import { findOrderView } from '../modules/orders/orders.service.ts';
import type { PartnerUserActor } from '../shared/actor.ts';

/**
 * Renew from an order (SPEC §9): the order's customer account is opened by the account-access
 * rule (without the customer's proof or a grant, no further than this partner's own sales), and
 * the order's own licenses that may be renewed today go into its cart for a year, one line per
 * product and end date, as Search licenses would put them; the others are answered with why
 * (outside the window, already in the cart). The Product Catalog then shows the cart, where the
 * term or end date can be changed.
 */
export async function renewOrder(
  db: Db,
  options: { actor: PartnerUserActor; meta: RequestMeta; orderNumber: string },
): Promise<z.input<typeof RenewalCartAnswer>> {
  const { actor, meta } = options;
  const today = todayUtc(meta.now);
  return db.transaction(async (tx) => {
    const view = await findOrderView(tx, { partnerId: actor.partner.id, orderNumber: options.orderNumber });
    if (!view?.invoice) throw orderNotFound(options.orderNumber);
    const account = await accountById(tx, view.order.customerAccountId);
    if (!account) throw orderNotFound(options.orderNumber);
    const openAccount = await openThroughOwnOrder(tx, { actor, meta, account });
    const opened = { ...actor, openAccount };

    const licenseIds = [...new Set(view.licenses.map((l) => l.licenseId))];
    const found = await licensesOfAccount(tx, {
      customerAccountId: account.id,
      licenseIds,
      soldBy: soldByScope(opened, openAccount),
    });
    const cartId = await lockCartFor(tx, opened, openAccount, meta.now);
    const inCart = new Set(
      await licensesAlreadyInCart(
        tx,
        cartId,
        found.map((l) => l.id),
      ),
    );
    const skipped: z.input<typeof RenewalCartAnswer>['skipped'] = [];
    const renewable: string[] = [];
    for (const license of found) {
      const rules = optionsFor(license, today);
      if (inCart.has(license.id)) skipped.push({ licenseId: license.licenseId, reason: 'in_cart' });
      else if (!rules.renew)
        skipped.push({
          licenseId: license.licenseId,
          reason: 'not_renewable',
          standing: rules.standing,
          opensOn: rules.window.opensOn,
          closesOn: rules.window.closesOn,
        });
      else renewable.push(license.licenseId);
    }
    if (renewable.length > 0) {
      await addLicenseLines(tx, {
        actor: opened,
        meta,
        customerId: account.customerId,
        request: { kind: 'renewal', licenseIds: renewable, termYears: 1 },
      });
    }
    return {
      customer: {
        customerId: account.customerId,
        name: account.name,
        country: account.country,
        access: openAccount.access,
      },
      added: renewable.sort(),
      skipped: skipped.sort((a, b) => a.licenseId.localeCompare(b.licenseId)),
    };
  });
}
