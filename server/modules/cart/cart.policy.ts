import type { Cart } from '../../../contract/cart.ts';
import type { PartnerUserActor } from '../../shared/actor.ts';
import { can } from '../../shared/actor.ts';

/** What this user may do with the cart now: quote it when it has lines that can all be sold. */
export function cartActions(actor: PartnerUserActor, cart: Pick<Cart, 'lines'>): Cart['actions'] {
  return {
    getQuote:
      can(actor, 'quotes.create') && cart.lines.length > 0 && cart.lines.every((l) => l.issue === null),
  };
}
