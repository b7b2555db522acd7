import type { Currency } from '../../../contract/money.ts';
import type { PaymentProviderName } from '../../../contract/orders.ts';

/** What a charge came to: the money captured, or a decline the user can act on. */
export type ChargeOutcome =
  | { status: 'captured'; reference: string; brand: string | null; last4: string | null }
  | { status: 'declined'; reason: string };

/**
 * A payment provider behind one interface (SPEC §8): the sandbox by default, Adyen or PayPal by
 * configuration. Cards are entered in the provider's own hosted form, which hands the portal a
 * token; the portal charges the token and never sees a card number. Every call carries an
 * idempotency key, so a retry after a lost answer (a timeout) finds the first charge instead of
 * making a second.
 */
export interface ChargeRequest {
  token: string;
  amountMinor: number;
  currency: Currency;
  idempotencyKey: string;
  description: string;
  /** Whose stored payment methods the token is among (the partner's id). */
  shopperReference: string;
}

export interface PaymentProvider {
  readonly name: PaymentProviderName;
  /** Authorises and captures `amountMinor` on the token, once per idempotency key. */
  charge(input: ChargeRequest): Promise<ChargeOutcome>;
  /**
   * What the charge with this idempotency key came to, or null when there was none: how the
   * recovery of an interrupted Place order asks the provider. A provider that cannot read a charge
   * back answers by sending the same request again, which its idempotency answers with the first.
   */
  findCharge(input: ChargeRequest): Promise<ChargeOutcome | null>;
  /** What a token stands for (to store it): brand, last four, expiry; null for a token it does not know. */
  describe(
    token: string,
    shopperReference: string,
  ): Promise<{ brand: string; last4: string; expMonth: string; expYear: string } | null>;
  /** Gives a captured charge back in full (compensation when a later step of an order fails). */
  refund(input: {
    reference: string;
    amountMinor: number;
    currency: Currency;
    idempotencyKey: string;
  }): Promise<void>;
}

/** The provider could not be reached or did not answer in time: the charge may or may not exist. */
export class PaymentUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PaymentUnavailableError';
  }
}
