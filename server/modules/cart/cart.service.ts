import type { z } from 'zod';
import type {
  AddCartLineRequest,
  Cart,
  CartDetails,
  CartLine,
  SetCartDetailsRequest,
} from '../../../contract/cart.ts';
import { limits } from '../../../contract/limits.ts';
import type { Queryable } from '../../db/client.ts';
import type { RequestMeta } from '../../http/request-meta.ts';
import type { LookupRead } from '../../http/session-gate.ts';
import { todayUtc } from '../../lib/dates.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import type { OpenAccount, PartnerUserActor } from '../../shared/actor.ts';
import { findProductForSale } from '../catalog/catalog.service.ts';
import { packIsLive, requireOpenAccount, teamsAndPacksInSession } from '../customers/customers.service.ts';
import {
  addToSameNewLine,
  type CartDetailsRow,
  type CartDocument,
  type CartLineRow,
  type CartScope,
  cartDocument,
  clearCart,
  countCartLines,
  deleteCartLine,
  findCartDetails,
  hasLineForDomain,
  hasRunningSubscription,
  insertCartLine,
  listCartLines,
  lockCart,
  setCartDetails,
  updateCartLine,
} from './cart.queries.ts';
import { loadCart, presentCart, presentDetails, presentLine } from './cart-view.ts';

export interface CartOptions {
  actor: PartnerUserActor;
  meta: RequestMeta;
  /** The account the page shows; it must be the one open in this session. */
  customerId: string;
}

export const scopeOf = (actor: PartnerUserActor, account: OpenAccount): CartScope => ({
  partnerId: actor.partner.id,
  userId: actor.userId,
  customerAccountId: account.id,
});

/** The cart from the lines the session lookup of GET cart read with the session (one round trip). */
export function showCart(
  options: CartOptions & { lines: CartLineRow[]; details: CartDetailsRow | null },
): Cart {
  const { actor, meta } = options;
  const account = requireOpenAccount(actor, options.customerId);
  return presentCart(actor, account, options.lines, options.details, todayUtc(meta.now));
}

/**
 * One subscription per cloud service domain and product (SPEC §4): not a second line for the same
 * domain in the cart (more seats go on that line), and not a new one for a domain that already has
 * a running subscription (it is renewed instead).
 */
async function requireFreeDomain(
  tx: Queryable,
  cartId: string,
  product: { code: string; name: string },
  serviceDomain: string,
  today: string,
): Promise<void> {
  const params = { serviceDomain, product: product.name };
  if (await hasLineForDomain(tx, cartId, { productCode: product.code, serviceDomain })) {
    throw new DomainError(
      'conflict',
      'cart.service_domain_in_cart',
      `${serviceDomain} is already in the cart for ${product.name}: change that line instead.`,
      { field: 'serviceDomain', params },
    );
  }
  if (await hasRunningSubscription(tx, { productCode: product.code, serviceDomain, today })) {
    throw new DomainError(
      'conflict',
      'cart.service_domain_subscribed',
      `${serviceDomain} already has a ${product.name} subscription: renew it instead of buying a new one.`,
      { field: 'serviceDomain', params },
    );
  }
}

export async function addNewSubscriptions(
  db: Queryable,
  options: CartOptions & { line: AddCartLineRequest },
): Promise<Cart> {
  const { actor, meta, line } = options;
  const account = requireOpenAccount(actor, options.customerId);
  return db.transaction(async (tx) => {
    const product = await findProductForSale(tx, line.productCode, actor.partner.currency);
    if (!product) {
      throw new DomainError('not_found', 'catalog.product_not_found', 'No such product in the catalog.', {
        field: 'productCode',
        params: { productCode: line.productCode },
      });
    }
    if (product.requiresServiceDomain && !line.serviceDomain) {
      throw new DomainError(
        'invalid',
        'cart.service_domain_required',
        'Enter the service domain of this cloud product.',
        {
          field: 'serviceDomain',
        },
      );
    }
    if (!product.requiresServiceDomain && line.serviceDomain) {
      throw new DomainError(
        'invalid',
        'cart.service_domain_not_applicable',
        'Only cloud products take a service domain.',
        {
          field: 'serviceDomain',
        },
      );
    }
    const cartId = await lockCart(tx, scopeOf(actor, account), meta.now);
    const serviceDomain = line.serviceDomain ?? null;
    // The same product, term and domain again is more seats on the line already there.
    const merged = await addToSameNewLine(
      tx,
      cartId,
      { productCode: product.code, termYears: line.termYears, serviceDomain, quantity: line.quantity },
      limits.quantityMax,
    );
    if (merged === 'too_many') {
      throw new DomainError(
        'invalid',
        'validation.quantity_max',
        `At most ${limits.quantityMax} subscriptions per line.`,
        {
          field: 'quantity',
          params: { max: limits.quantityMax },
        },
      );
    }
    if (merged === 'none') {
      if (serviceDomain !== null)
        await requireFreeDomain(tx, cartId, product, serviceDomain, todayUtc(meta.now));
      if ((await countCartLines(tx, cartId)) >= limits.cartLinesMax) {
        throw new DomainError('conflict', 'cart.full', `A cart holds at most ${limits.cartLinesMax} lines.`, {
          params: { max: limits.cartLinesMax },
        });
      }
      await insertCartLine(tx, {
        cartId,
        productCode: product.code,
        kind: 'new',
        quantity: line.quantity,
        termYears: line.termYears,
        periodStart: null,
        periodEnd: null,
        serviceDomain,
      });
    }
    return loadCart(tx, actor, account, cartId, todayUtc(meta.now));
  });
}

/**
 * Changes a line's quantity and period: Set Default (a term of 1 or 2 years, the end following
 * from it; an upgrade's own end) or Set Custom (a chosen end date inside the line's range,
 * co-terming it; SPEC §6). A line that extends licenses has as many seats as it has licenses.
 */
export async function changeLine(
  db: Queryable,
  options: CartOptions & {
    lineId: string;
    quantity: number;
    termYears?: 1 | 2 | undefined;
    periodEnd?: string | undefined;
  },
): Promise<Cart> {
  const { actor, meta } = options;
  const account = requireOpenAccount(actor, options.customerId);
  const today = todayUtc(meta.now);
  return db.transaction(async (tx) => {
    const cartId = await lockCart(tx, scopeOf(actor, account), meta.now);
    const row = (await listCartLines(tx, cartId, actor.partner.currency)).find(
      (l) => l.id === options.lineId,
    );
    if (!row) throw notFound('cart.line_not_found', 'No such line in this cart.');
    const line = presentLine(row, actor.partner.discountBps, today);
    if (row.licenseIds.length > 0 && options.quantity !== row.quantity) {
      throw new DomainError(
        'invalid',
        'cart.quantity_fixed',
        `This line extends ${row.quantity} licenses: remove it and choose the licenses again to change the seats.`,
        { field: 'quantity', params: { quantity: row.quantity } },
      );
    }
    if (options.termYears !== undefined && row.defaultPeriodEnd !== null) {
      throw new DomainError(
        'invalid',
        'cart.term_not_applicable',
        'An upgrade runs to the end of the subscription it replaces, or to a chosen end date.',
        { field: 'termYears' },
      );
    }
    if (options.periodEnd !== undefined) {
      const { min, max } = line.endRange;
      if (options.periodEnd < min || options.periodEnd > max) {
        throw new DomainError(
          'invalid',
          'cart.period_end_out_of_range',
          `Choose an end date from ${min} to ${max}.`,
          { field: 'periodEnd', params: { min, max } },
        );
      }
    }
    // Set Custom keeps the standard term for Set Default; Set Default drops the chosen end (an
    // upgrade's own end chosen again is its default).
    const chosenEnd = options.periodEnd === row.defaultPeriodEnd ? undefined : options.periodEnd;
    await updateCartLine(tx, cartId, options.lineId, {
      quantity: options.quantity,
      ...(options.termYears === undefined ? {} : { termYears: options.termYears }),
      periodEnd: chosenEnd ?? null,
    });
    return loadCart(tx, actor, account, cartId, today);
  });
}

/**
 * The Details tab (SPEC §4): the team that receives the new licenses and the pack they join,
 * checked to be the open account's own. A new team named like an existing one is that team.
 */
export async function chooseDetails(
  db: Queryable,
  options: CartOptions & z.infer<typeof SetCartDetailsRequest>,
): Promise<Cart> {
  const { actor, meta, team } = options;
  const account = requireOpenAccount(actor, options.customerId);
  return db.transaction(async (tx) => {
    const cartId = await lockCart(tx, scopeOf(actor, account), meta.now);
    const { teams, packs } = await teamsAndPacksInSession(tx, actor, account);
    let teamId: string | null = null;
    let newTeamName: string | null = null;
    if (team?.kind === 'existing') {
      if (!teams.some((t) => t.id === team.teamId)) {
        throw new DomainError('not_found', 'cart.team_not_found', 'This account has no such team.', {
          field: 'team.teamId',
        });
      }
      teamId = team.teamId;
    } else if (team?.kind === 'new') {
      const same = teams.find((t) => t.name.toLowerCase() === team.name.toLowerCase());
      if (same) teamId = same.id;
      else newTeamName = team.name;
    }
    let subscriptionPackId: string | null = null;
    const chosenPack = options.pack;
    if (chosenPack.kind === 'existing') {
      const pack = packs.find((p) => p.packNumber === chosenPack.packNumber);
      if (!pack) {
        throw new DomainError(
          'not_found',
          'cart.pack_not_found',
          'This account has no such subscription pack.',
          {
            field: 'pack.packNumber',
            params: { packNumber: chosenPack.packNumber },
          },
        );
      }
      // The Details tab lists live packs only; the API refuses the others the same way.
      if (!packIsLive(pack, todayUtc(meta.now))) {
        throw new DomainError('unprocessable', 'cart.pack_ended', 'This subscription pack has ended.', {
          field: 'pack.packNumber',
          params: { packNumber: chosenPack.packNumber },
        });
      }
      subscriptionPackId = pack.id;
    }
    await setCartDetails(tx, cartId, { teamId, newTeamName, subscriptionPackId });
    return loadCart(tx, actor, account, cartId, todayUtc(meta.now));
  });
}

export async function removeLine(db: Queryable, options: CartOptions & { lineId: string }): Promise<Cart> {
  const { actor, meta } = options;
  const account = requireOpenAccount(actor, options.customerId);
  return db.transaction(async (tx) => {
    const cartId = await lockCart(tx, scopeOf(actor, account), meta.now);
    if (!(await deleteCartLine(tx, cartId, options.lineId))) {
      throw notFound('cart.line_not_found', 'No such line in this cart.');
    }
    return loadCart(tx, actor, account, cartId, todayUtc(meta.now));
  });
}

/**
 * The cart as it will be quoted or ordered today, locked until the caller's transaction ends so
 * that it is taken once (parallel Get Quote requests make one quote). Refuses an empty cart and
 * lines that cannot be sold, naming them.
 */
export async function takeCart(
  tx: Queryable,
  options: { actor: PartnerUserActor; account: OpenAccount; meta: RequestMeta },
): Promise<{ cartId: string; lines: CartLine[]; details: CartDetails }> {
  const { actor, account, meta } = options;
  const cartId = await lockCart(tx, scopeOf(actor, account), meta.now);
  const today = todayUtc(meta.now);
  const lines = (await listCartLines(tx, cartId, actor.partner.currency)).map((r) =>
    presentLine(r, actor.partner.discountBps, today),
  );
  if (lines.length === 0)
    throw new DomainError('conflict', 'cart.empty', 'The cart is empty: add products first.');
  const unavailable = lines.filter((l) => l.issue !== null);
  if (unavailable.length > 0) {
    const products = unavailable.map((l) => l.productCode).join(', ');
    throw new DomainError(
      'conflict',
      'cart.unavailable_lines',
      `These products can no longer be sold as they are in the cart: ${products}. Remove them first.`,
      { params: { products } },
    );
  }
  return { cartId, lines, details: presentDetails(await findCartDetails(tx, cartId)) };
}

/** After Get Quote: the lines went into the quote; the next purchase chooses its details anew. */
export async function emptyCart(tx: Queryable, cartId: string): Promise<void> {
  await clearCart(tx, cartId);
  await setCartDetails(tx, cartId, { teamId: null, newTeamName: null, subscriptionPackId: null });
}

/** The user's cart for the open account, read in the session check's own statement (GET cart). */
export const cartOfSession: LookupRead<CartDocument> = (scope) =>
  cartDocument({ userId: scope.userId, accountId: scope.openAccountId, currency: scope.currency });
