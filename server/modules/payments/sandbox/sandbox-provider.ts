import { randomBytes } from 'node:crypto';
import { DomainError } from '../../../lib/errors.ts';
import type { PaymentProvider } from '../provider.ts';
import { brandOf, luhnValid, outcomeOf } from './sandbox-cards.ts';
import type { SandboxStore } from './sandbox-store.ts';

const random = (prefix: string) => `${prefix}${randomBytes(18).toString('base64url').replace(/[-_]/g, 'x')}`;

/**
 * The built-in sandbox provider: it stands for an outside provider, keeping its own records (see
 * SandboxStore). A charge it took stays taken if the portal's order then fails, which the portal
 * must refund; one idempotency key is one charge.
 */
export function sandboxProvider(store: SandboxStore): PaymentProvider & { store: SandboxStore } {
  return {
    name: 'sandbox',
    store,
    charge: async (input) => {
      const card = await store.findCard(input.token);
      if (!card) return { status: 'declined', reason: 'unknown_token' };
      if (card.outcome === 'challenge') return { status: 'declined', reason: 'challenge_incomplete' };
      const charge = await store.takeCharge({
        reference: random('sbx_'),
        idempotencyKey: input.idempotencyKey,
        token: input.token,
        amountMinor: input.amountMinor,
        currency: input.currency,
        status: card.outcome === 'decline' ? 'declined' : 'captured',
      });
      // A refunded charge answered again is no payment (its attempt failed after the charge).
      return charge.status === 'declined' || charge.status === 'refunded'
        ? { status: 'declined', reason: charge.status === 'refunded' ? 'refunded' : 'card_declined' }
        : { status: 'captured', reference: charge.reference, brand: card.brand, last4: card.last4 };
    },
    findCharge: async (input) => {
      const charge = await store.findCharge(input.idempotencyKey);
      if (!charge) return null;
      const card = await store.findCard(charge.token);
      return charge.status === 'captured'
        ? {
            status: 'captured',
            reference: charge.reference,
            brand: card?.brand ?? null,
            last4: card?.last4 ?? null,
          }
        : { status: 'declined', reason: charge.status === 'refunded' ? 'refunded' : 'card_declined' };
    },
    refund: (input) => store.refund(input.reference),
    describe: async (token) => {
      const card = await store.findCard(token);
      // Only a card that charges is worth keeping (not one awaiting or refused the bank's approval).
      if (card?.outcome !== 'success') return null;
      return { brand: card.brand, last4: card.last4, expMonth: card.expMonth, expYear: card.expYear };
    },
  };
}

const cardError = (code: 'card_number' | 'expiry' | 'cvc', message: string, field: string) =>
  new DomainError('invalid', `sandbox.${code}`, message, { field });

/**
 * The hosted form's tokenisation: the card number is checked and reduced to brand, last four and
 * expiry; the token stands for it from then on. A challenge card's token must be approved first.
 */
export async function createSandboxToken(
  store: SandboxStore,
  card: { number: string; expMonth: string; expYear: string; cvc: string },
  now: Date,
): Promise<{ token: string; brand: string; last4: string; challenge: boolean }> {
  const number = card.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number) || !luhnValid(number))
    throw cardError('card_number', 'Check the card number.', 'number');
  const month = Number(card.expMonth);
  const year = Number(card.expYear.length === 2 ? `20${card.expYear}` : card.expYear);
  const endOfMonth = Date.UTC(year, month, 1);
  if (!(month >= 1 && month <= 12) || !Number.isInteger(year) || endOfMonth <= now.getTime())
    throw cardError('expiry', 'Check the expiry date.', 'expiry');
  if (!/^\d{3,4}$/.test(card.cvc)) throw cardError('cvc', 'Check the security code.', 'cvc');
  const outcome = outcomeOf(number);
  const saved = {
    token: random('tok_'),
    brand: brandOf(number),
    last4: number.slice(-4),
    expMonth: String(month).padStart(2, '0'),
    expYear: String(year),
    outcome,
  };
  await store.saveCard(saved);
  return { token: saved.token, brand: saved.brand, last4: saved.last4, challenge: outcome === 'challenge' };
}
